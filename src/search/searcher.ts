/**
 * What the reader asks of search: an asynchronous, superseding full-text search. The
 * reader never blocks on it: each keystroke calls `search`, and a result for an older
 * query than the newest one asked is simply dropped by the caller.
 */
import type { ArticleSummary } from '../library/library.js';

/** A match in a piece of text: UTF-16 offsets, end exclusive. */
export type MatchRange = readonly [start: number, end: number];

export interface SearchOutcome {
  /** The query this outcome answers. */
  query: string;
  /** How many articles match in all (may exceed hits.length). */
  total: number;
  /** The best matches, ranked; at most the limit asked for. */
  hits: ArticleSummary[];
  /** A short message when the query is malformed; then hits and total are empty. */
  error: string | null;
  /** When nothing matches: the closest indexed spellings as a query, e.g. "aleppo". */
  suggestion: string | null;
  /** Where the query matches in a piece of article text, for highlighting and n/N. */
  highlight: (text: string) => MatchRange[];
}

export interface Searcher {
  search(query: string, limit: number): Promise<SearchOutcome>;
  close(): void;
}
