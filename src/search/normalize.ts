/**
 * Search text normalisation with offsets: folded text (src/unicode/fold.ts, the same fold the
 * store's word list uses) mapped back onto the raw characters, so the highlighter marks
 * exactly what the reader sees.
 */
import { foldChar, foldText, WORD, words } from '../unicode/fold.js';

export { foldText, words };

/** A word of normalised text with the raw UTF-16 range it came from. */
export interface Token {
  text: string;
  start: number;
  end: number;
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
    // ASCII folds to its lower case alone: no normalising for the common character.
    const f = char.charCodeAt(0) < 0x80 ? char.toLowerCase() : foldChar(char);
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
