/**
 * The words around the panes, as pure functions of the state: the status bar's position,
 * view and scroll parts, and what an empty list or pane says. The App only draws them.
 */
import { plural } from '../terminal/plural.js';
import { rowCount, searchPending, SORT_NAMES } from './reducer.js';
import type { AppState } from './types.js';

/**
 * `12/2225 · 340 unread`: the selected row's place in the list (0/0 when the list is
 * empty), and how many in the view are unread when that is known (null: not counted).
 */
export function positionText(state: AppState, unread: number | null = null): string {
  const count = rowCount(state);
  const place = `${count === 0 ? 0 : state.selected + 1}/${count}`;
  return unread === null ? place : `${place} · ${unread} unread`;
}

/** The filters on: `unread only`, `starred only`, `unread starred only`. */
function filterText(state: AppState): string {
  if (!state.unreadOnly && !state.starredOnly) return '';
  return `${[state.unreadOnly ? 'unread' : '', state.starredOnly ? 'starred' : ''].filter((w) => w !== '').join(' ')} only`;
}

/** What the list shows and what runs: `newest first · unread only · indexing 120/2225`, `3 matches · searching…`. */
export function viewText(state: AppState, activity: string | null): string {
  const { outcome } = state.search;
  const order = outcome === null ? SORT_NAMES[state.sort] : state.searchSort === 'relevance' ? 'by relevance' : SORT_NAMES[state.searchSort];
  return [
    outcome !== null ? plural(outcome.total, 'match', 'matches') : '',
    order,
    filterText(state),
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
  if (state.unreadOnly || state.starredOnly) {
    return `No ${filterText(state).replace(' only', '')} articles here. ${state.unreadOnly ? 'u' : 'S'} shows them all.`;
  }
  return 'No articles here. Give newsreader a folder of .txt files: newsreader ~/news';
}

/** What the article pane says with no article to show: the row is still loading, or its article is gone. */
export function emptyPaneText(state: AppState, rowLoaded: boolean): string {
  if (rowCount(state) === 0) return '';
  return rowLoaded ? 'This article is no longer there.' : 'loading…';
}
