/**
 * The words around the panes, as pure functions of the state: the status bar's position,
 * view and scroll parts, and what an empty list or pane says. The App only draws them.
 */
import type { SortOrder } from '../library/library.js';
import { rowCount, searchPending } from './reducer.js';
import type { AppState } from './types.js';

const SORT_LABELS: Record<SortOrder, string> = { newest: 'newest first', oldest: 'oldest first', headline: 'A–Z' };

/** `12/2225`: the selected row's place in the list (0/0 when the list is empty). */
export function positionText(state: AppState): string {
  const count = rowCount(state);
  return `${count === 0 ? 0 : state.selected + 1}/${count}`;
}

/** What the list shows and what runs: `newest first · indexing 120/2225`, `3 matches · searching…`. */
export function viewText(state: AppState, activity: string | null): string {
  const { outcome } = state.search;
  return [
    outcome !== null ? (outcome.total === 1 ? '1 match' : `${outcome.total} matches`) : SORT_LABELS[state.sort],
    searchPending(state) ? 'searching…' : '',
    activity ?? '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

/** Where the article is scrolled to, as less shows it: `all`, `top`, `42%`, `end`. */
export function scrollPosition(scroll: number, lines: number, rows: number): string {
  if (lines <= rows) return 'all';
  if (scroll === 0) return 'top';
  if (scroll + rows >= lines) return 'end';
  return `${Math.round(((scroll + rows) / lines) * 100)}%`;
}

/** The article's place: `match 2/5` while stepping through matches, else its scroll position when open. */
export function articlePositionText(
  state: AppState,
  article: { scroll: number; lines: number; matches: number; rows: number; open: boolean },
): string {
  if (state.match >= 0 && article.matches > 0) return `match ${state.match + 1}/${article.matches}`;
  return article.open ? scrollPosition(article.scroll, article.lines, article.rows) : '';
}

/** What an empty list says: while the library is still being looked through, nothing yet. */
export function emptyListText(state: AppState, activity: string | null): string {
  if (state.search.outcome !== null) return 'No matches.';
  if (activity !== null) return 'looking…';
  return 'No articles here. Give newsreader a folder of .txt files: newsreader ~/news';
}

/** What the article pane says with no article to show: the row is still loading, or its article is gone. */
export function emptyPaneText(state: AppState, rowLoaded: boolean): string {
  if (rowCount(state) === 0) return '';
  return rowLoaded ? 'This article is no longer there.' : 'loading…';
}
