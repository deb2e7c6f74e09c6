/**
 * Text folded as search compares it, the same for the query, the highlighter and the
 * words the store keeps for did-you-mean (and near enough the index's
 * `unicode61 remove_diacritics 2` tokenizer): case folded, diacritics stripped, a no-break
 * space an ordinary space; words are maximal runs of letters and digits.
 */

const MARKS = /\p{M}+/gu;
const NON_ASCII = /[\u0080-\uffff]/;
/** A word: a maximal run of letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu;

/** One source code point's worth of folded text, e.g. "É" -> "e", NBSP -> " ". */
export function foldChar(char: string): string {
  if (char === '\u00a0') return ' ';
  return char.normalize('NFD').replace(MARKS, '').toLowerCase();
}

/**
 * A whole string folded: the same text as folding each code point alone (foldChar), in a
 * few passes over the string instead of one call per character.
 */
export function foldText(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  // Capital sigma is the one letter whose lower case depends on its neighbours (ς ending a
  // word); folded alone it is σ.
  return text.normalize('NFD').replace(MARKS, '').replaceAll('Σ', 'σ').toLowerCase().replaceAll('\u00a0', ' ');
}

/** The words of folded text, as the index splits them. */
export function words(folded: string): string[] {
  return folded.match(WORD) ?? [];
}
