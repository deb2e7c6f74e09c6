/**
 * What the list shows, as the library and the searcher are asked for it: the library view
 * (sort and filters) and the query sent for a search (the typed query with the view's
 * filters and the hits' order in front of it).
 */
import type { LibraryView } from '../library/library.js';
import type { AppState } from './types.js';

/** The library's rows as the state shows them when no search is active. */
export function libraryView(state: Pick<AppState, 'sort' | 'unreadOnly' | 'starredOnly' | 'readSince' | 'source'>): LibraryView {
  return {
    sort: state.sort,
    ...(state.unreadOnly ? { unreadOnly: true, readSince: state.readSince } : {}),
    ...(state.starredOnly ? { starredOnly: true } : {}),
    // The source chosen in the sources pane.
    ...(state.source === null ? {} : { source: state.source.root }),
  };
}

/** The view as a string, to tell whether two states show the same list. */
export function libraryViewKey(state: Parameters<typeof libraryView>[0]): string {
  return JSON.stringify(libraryView(state));
}

/** The same view counting only what is unread now (for `340 unread` and `A`). */
export function unreadView(state: Pick<AppState, 'sort' | 'starredOnly' | 'source'>): LibraryView {
  return { sort: state.sort, unreadOnly: true, ...(state.starredOnly ? { starredOnly: true } : {}), ...(state.source === null ? {} : { source: state.source.root }) };
}

/**
 * The source chosen in the sources pane as a `source:` phrase, which finds a source by the
 * name the pane shows; none when the name has no word to search for. Quotes in the name
 * are punctuation to the search anyway, so they are left out of the phrase.
 */
function sourceTerm(source: AppState['source']): string {
  if (source === null || !/[\p{L}\p{N}]/u.test(source.name)) return '';
  return `source:"${source.name.replaceAll('"', ' ')}"`;
}

/**
 * The query the searcher is asked: the view's source, filters and order go first, so that
 * what is typed (an unclosed quote, a trailing OR) stays the user's own, and an `is:` or
 * `sort:` typed in the query wins over the view's.
 */
export function searchQuery(state: Pick<AppState, 'unreadOnly' | 'starredOnly' | 'searchSort' | 'source'>, typed: string): string {
  const view = [
    sourceTerm(state.source),
    state.unreadOnly ? 'is:unread' : '',
    state.starredOnly ? 'is:starred' : '',
    state.searchSort === 'relevance' ? '' : `sort:${state.searchSort}`,
  ];
  return [...view.filter((part) => part !== ''), typed].join(' ');
}
