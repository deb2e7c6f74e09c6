/**
 * A library for search in the reader whose matches are known by construction: which
 * articles say "oil", "Yukos" and "go" as words, and others that hold them only inside
 * longer words ("toil", "boiling", "good"), which a word search does not match.
 * `SEARCH_FIXTURE[k]` is the k-th newest article.
 */
import type { FixtureText } from '../search/fixture-db.js';
import { articleText } from './harness.js';

const SIZE = 40;
const YUKOS = new Set([2, 9, 15]);

function body(k: number): string {
  const sentences = [`The first paragraph of story ${k + 1}.`];
  if (k === 0) sentences.push('Oil prices rose. The oil minister spoke of the toil ahead. Oil fell later.');
  else if (k % 4 === 0) sentences.push('Oil prices rose.');
  if (k % 5 === 1) sentences.push('The toil of farmers and boiling water.');
  if (YUKOS.has(k)) sentences.push('Yukos shares fell.');
  if (k % 3 === 2) sentences.push('They go home.');
  if (k % 7 === 3) sentences.push('A good day for going out.');
  return sentences.join(' ');
}

export const SEARCH_FIXTURE: FixtureText[] = Array.from({ length: SIZE }, (_, k) => {
  const day = new Date(Date.UTC(2016, 0, 1 + SIZE - k)).toISOString().slice(0, 10);
  const headline = k === 2 ? 'Yukos bid rejected' : `Story ${String(k + 1).padStart(3, '0')} of the month`;
  return { path: `news/${String(k).padStart(3, '0')}.txt`, text: articleText(headline, day, body(k)) };
});

const which = (test: (k: number) => boolean): number[] => Array.from({ length: SIZE }, (_, k) => k).filter(test);

/** The rows (k) that match each word. */
export const SEARCH_MATCHES = {
  all: SIZE,
  oil: which((k) => k % 4 === 0),
  yukos: which((k) => YUKOS.has(k)),
  go: which((k) => k % 3 === 2),
};
