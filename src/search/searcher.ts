/**
 * What the reader asks of search: an asynchronous, superseding full-text search. The
 * reader never blocks on it: each keystroke calls `search`, and a result for an older
 * query than the newest one asked is simply dropped by the caller. Hits come a page at a
 * time: the reader asks for more as the selection moves down the list.
 */
import type { ArticleSummary } from '../library/library.js';
import type { MatchRange } from './match-ranges.js';

export interface SearchOutcome {
  /** The query this outcome answers. */
  query: string;
  /** How many articles match in all (may exceed hits.length). */
  total: number;
  /** Position in the whole ranking of the first hit (the offset asked for). */
  offset: number;
  /** Hits `offset` .. `offset + limit - 1` of the ranking (the best first at offset 0). */
  hits: ArticleSummary[];
  /** A short message when the query is malformed; then hits and total are empty. */
  error: string | null;
  /** When nothing matches: the closest indexed spellings as a query, e.g. "aleppo". */
  suggestion: string | null;
  /** Where the query matches in a piece of article text, for highlighting and n/N. */
  highlight: (text: string) => MatchRange[];
}

export interface Searcher {
  /**
   * The `limit` hits from the `offset`th on (default 0), and the total. A call asked while
   * another waits may be answered with the newer call's outcome (see its query and offset).
   */
  search(query: string, limit: number, offset?: number): Promise<SearchOutcome>;
  /** A search is about to be asked (the field opened): get ready, so the first answers sooner. */
  prepare?(): void;
  /**
   * The first page's outcome at once, when it can be had without waiting (a small library
   * searched on this thread, nothing else asked); null when `search` must be asked.
   */
  answerNow?(query: string, limit: number): SearchOutcome | null;
  close(): void;
}
