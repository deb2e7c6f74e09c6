/**
 * Where a query matches in a piece of raw article text: the ranges of its positive words,
 * phrases and prefixes, found the way the index finds them (case, diacritics and NBSP
 * ignored) but reported as offsets into the raw text the reader draws.
 */
import { foldWithOffsets, tokenizeRaw } from './normalize.js';
import { isCjkWord } from '../library/index-text.js';
import type { QueryAst, Term } from './query.js';

/**
 * A match in a piece of text: UTF-16 offsets, end exclusive. Defined here, with the code
 * that finds matches, so the text layout can take ranges without depending on the searcher.
 */
export type MatchRange = readonly [start: number, end: number];

function termMatchesAt(term: Term, tokens: ReturnType<typeof tokenizeRaw>, at: number): boolean {
  const last = term.words.length - 1;
  for (let j = 0; j <= last; j++) {
    const token = tokens[at + j];
    const word = term.words[j];
    if (token === undefined || word === undefined) return false;
    const ok = j === last && term.prefix ? token.text.startsWith(word) : token.text === word;
    if (!ok) return false;
  }
  return true;
}

/** A query's terms, and its CJK words, worked out once for all the texts it marks. */
interface Marking {
  terms: Term[];
  cjkWords: string[];
}

const markings = new WeakMap<QueryAst, Marking>();

function markingOf(query: QueryAst): Marking {
  let marking = markings.get(query);
  if (marking === undefined) {
    const terms = query.all.flat();
    marking = { terms, cjkWords: [...new Set(terms.flatMap((term) => term.words.filter(isCjkWord)))] };
    markings.set(query, marking);
  }
  return marking;
}

/**
 * CJK words match anywhere inside a run of CJK text (the index finds them by character
 * pairs), so they are looked for as substrings of the folded text rather than as words.
 */
function cjkRanges(words: string[], text: string): [number, number][] {
  if (words.length === 0) return [];
  const { folded, origin, originEnd } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      ranges.push([origin[at] ?? 0, originEnd[at + word.length - 1] ?? 0]);
    }
  }
  return ranges;
}

/** Sorted, non-overlapping ranges (UTF-16 offsets, end exclusive) of the query's matches. */
export function highlightRanges(query: QueryAst, text: string): MatchRange[] {
  const { terms, cjkWords } = markingOf(query);
  if (terms.length === 0 || text.length === 0) return [];
  const tokens = tokenizeRaw(text);
  const found: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const term of terms) {
      if (!termMatchesAt(term, tokens, i)) continue;
      const first = tokens[i];
      const last = tokens[i + term.words.length - 1];
      if (first && last) found.push([first.start, last.end]);
    }
  }
  found.push(...cjkRanges(cjkWords, text));
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const top = merged[merged.length - 1];
    if (top && range[0] <= top[1]) top[1] = Math.max(top[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
