/**
 * Search hits a page at a time: the query's outcome holds the first page and the total;
 * later pages are fetched as the selection moves down the list, so `G` on a query with
 * thousands of matches reaches the last one without asking for all of them at once.
 */
import type { ArticleSummary } from '../library/library.js';
import type { SearchState } from './types.js';

/** Hits asked of the searcher at a time: a few screens' worth. */
export const SEARCH_PAGE = 100;

/** The page holding row `index`: its first row's index. */
export function pageStart(index: number): number {
  return Math.floor(index / SEARCH_PAGE) * SEARCH_PAGE;
}

/** Hit number `index` of the shown outcome, or null when its page has not come yet. */
export function hitAt(search: SearchState, index: number): ArticleSummary | null {
  const outcome = search.outcome;
  if (outcome === null || index < 0 || index >= outcome.total) return null;
  const start = pageStart(index);
  const page = start === 0 ? outcome.hits : search.pages.get(start);
  return page?.[index - start] ?? null;
}

/** Starts of the pages rows `from` .. `to - 1` need that have not come yet. */
export function missingPages(search: SearchState, from: number, to: number): number[] {
  const outcome = search.outcome;
  if (outcome === null) return [];
  const last = Math.min(to, outcome.total) - 1;
  const missing: number[] = [];
  for (let start = pageStart(Math.max(0, from)); start <= last; start += SEARCH_PAGE) {
    if (start !== 0 && !search.pages.has(start)) missing.push(start);
  }
  return missing;
}
