/**
 * Doing what a reducer step asked of the library (state/types.ts `Effect`): right after the
 * step, so that keys read together each act on what the one before left. What comes back
 * (where the article went in a new view, what mark-all marked) returns as an action.
 */
import { useCallback } from 'react';
import type { Library } from '../library/library.js';
import type { ReaderMemory } from '../library/reader-memory.js';
import type { Searcher } from '../search/searcher.js';
import type { Action, AppState } from '../state/types.js';
import { libraryView, unreadView } from '../state/view.js';

export interface CarryOutOptions {
  library: Library;
  searcher: Searcher | null;
  memory: ReaderMemory | null;
  dispatch: (action: Action) => void;
}

export function useCarryOut({ library, searcher, memory, dispatch }: CarryOutOptions): (state: AppState) => void {
  return useCallback(
    (state: AppState): void => {
      const effect = state.effect;
      if (effect === null) return;
      switch (effect.kind) {
        case 'mark':
          return library.setState(effect.id, effect.patch);
        case 'setRead':
          return library.setRead(effect.ids, effect.read);
        case 'follow': {
          const view = libraryView(state);
          return dispatch({ type: 'view', count: library.count(view), index: Math.max(0, library.position(view, effect.key)) });
        }
        case 'rememberSearch':
          return memory?.rememberSearch(effect.query);
        case 'markAllRead':
          return markAllRead(state, library, searcher, dispatch);
      }
    },
    [library, searcher, memory, dispatch],
  );
}

/** Mark the view read: the library's rows at once, or every hit of the search shown. */
function markAllRead(state: AppState, library: Library, searcher: Searcher | null, dispatch: (action: Action) => void): void {
  const outcome = state.search.outcome;
  if (outcome === null) {
    // Articles, not ids: two files with the same text share an id and count twice.
    const before = library.count(unreadView(state));
    const ids = library.markAllRead(libraryView(state));
    dispatch({ type: 'markedAll', ids, count: before - library.count(unreadView(state)) });
    return;
  }
  if (searcher === null) return;
  searcher.search(outcome.query, outcome.total).then(
    (all) => {
      // Asked while another query was out, the answer may be that query's: mark nothing then.
      if (all.query !== outcome.query || all.offset !== 0) return dispatch({ type: 'markedAll', ids: [], count: 0 });
      const unread = all.hits.filter((hit) => !library.state(hit.id).read);
      const ids = [...new Set(unread.map((hit) => hit.id))];
      library.setRead(ids, true);
      dispatch({ type: 'markedAll', ids, count: unread.length });
    },
    () => dispatch({ type: 'markedAll', ids: [], count: 0 }),
  );
}
