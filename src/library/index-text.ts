/**
 * Text as the full-text index sees it, for the parts of indexing done in JavaScript: the
 * words of an article (the did-you-mean vocabulary) and the character pairs that make
 * Chinese, Japanese and Korean text searchable.
 *
 * FTS5's unicode61 tokenizer splits on spaces and punctuation, so a run of CJK text with no
 * spaces is one token and a word inside it cannot be found. Every run of CJK characters is
 * therefore also indexed as its overlapping pairs (`中国经济` -> `中国 国经 经济`), in
 * columns of their own; a query word of two or more CJK characters becomes the phrase of
 * its pairs, which matches wherever those characters stand next to each other. This is the
 * usual CJK bigram indexing; unlike FTS5's trigram tokenizer it finds two-character words
 * through the index, and it costs nothing for articles without CJK text.
 */
import { foldText, words } from '../unicode/fold.js';

/** Han, kana (with the prolonged sound mark) and Hangul, syllables and jamo. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+/gu;
const CJK_ONLY = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc]+$/u;

/** The distinct words of some texts, folded and split as the index splits them. */
export function indexTerms(texts: readonly (string | null)[], into = new Set<string>()): Set<string> {
  for (const text of texts) {
    if (!text) continue;
    for (const word of words(foldText(text))) into.add(word);
  }
  return into;
}

/** True when a folded query word is all CJK characters, two or more: searched by its pairs. */
export function isCjkWord(word: string): boolean {
  return CJK_ONLY.test(word) && [...word].length >= 2;
}

/** The overlapping character pairs of a folded CJK word, in order. */
export function cjkPairs(word: string): string[] {
  const chars = [...word];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}

/**
 * The pair text indexed for some raw texts: the pairs of every CJK run of two or more
 * characters, space-separated, or null when there are none (most articles).
 */
export function cjkPairText(...texts: (string | null)[]): string | null {
  const pairs: string[] = [];
  for (const text of texts) {
    if (!text || !CJK_CHAR.test(text)) continue;
    for (const run of text.matchAll(CJK_RUN)) pairs.push(...cjkPairs(foldText(run[0])));
  }
  return pairs.length > 0 ? pairs.join(' ') : null;
}
