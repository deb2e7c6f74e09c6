/**
 * Search text normalisation, the same for the query, the highlighter and (near enough) the
 * index's `unicode61 remove_diacritics 2` tokenizer: case folded, diacritics stripped, NBSP
 * an ordinary space, and words as maximal runs of letters and digits.
 */

/** One source code point's worth of normalised text, e.g. "É" -> "e", NBSP -> " ". */
export function foldChar(char: string): string {
  if (char === '\u00a0') return ' ';
  return char.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Normalise a whole string (no offsets kept): what a query is compared as. */
export function foldText(text: string): string {
  let out = '';
  for (const char of text) out += foldChar(char);
  return out;
}

/** A word of normalised text with the raw UTF-16 range it came from. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of already-normalised text, as the index would split them. */
export function words(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/** Raw text folded, with where each folded UTF-16 unit came from in the raw text. */
export interface FoldedText {
  folded: string;
  /** Folded index -> raw start of its character. */
  origin: number[];
  /** Folded index -> raw end of its character (combining marks after it included). */
  originEnd: number[];
}

/** Fold raw text code point by code point, remembering where each folded character came from. */
export function foldWithOffsets(raw: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  let offset = 0;
  for (const char of raw) {
    const f = foldChar(char);
    // A lone combining mark folds to nothing: it belongs to the character before it.
    if (f === '' && originEnd.length > 0) originEnd[originEnd.length - 1] = offset + char.length;
    for (let i = 0; i < f.length; i++) {
      origin.push(offset);
      originEnd.push(offset + char.length);
    }
    folded += f;
    offset += char.length;
  }
  return { folded, origin, originEnd };
}

/**
 * The words of raw text, each with its offsets in the raw text, so a match in the folded
 * text maps back onto the exact characters the reader sees.
 */
export function tokenizeRaw(raw: string): Token[] {
  const { folded, origin, originEnd } = foldWithOffsets(raw);
  const tokens: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    const first = m.index;
    const last = first + m[0].length - 1;
    tokens.push({ text: m[0], start: origin[first] ?? 0, end: originEnd[last] ?? 0 });
  }
  return tokens;
}
