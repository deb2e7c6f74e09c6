/**
 * The reader's side of search: each new query is asked once, later pages of hits are asked
 * for as the list reaches them, and new articles ask the active search again. Outcomes go
 * to the reducer, which keeps only those of the newest query.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Library } from '../library/library.js';
import type { SearchOutcome, Searcher } from '../search/searcher.js';
import { missingPages, SEARCH_PAGE } from '../state/hits.js';
import type { Action, AppState } from '../state/types.js';
import { searchQuery } from '../state/view.js';

/**
 * How long changes to the library gather before the active search is asked again: during
 * indexing batches land every few milliseconds, and one query per interval is plenty.
 */
export const RERUN_INTERVAL_MS = 300;

function failedOutcome(query: string, error: unknown): SearchOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { query, offset: 0, total: 0, hits: [], error: `search failed: ${message}`, suggestion: null, highlight: () => [] };
}

export interface SearchHookOptions {
  searcher: Searcher | null;
  library: Library;
  state: AppState;
  /** Rows of the list on screen: the pages they need are asked for. */
  rowsOnScreen: number;
  dispatch: (action: Action) => void;
  getState: () => AppState;
}

/**
 * Returns what the key handler calls after each read of keys: a query just typed is
 * answered in the same frame as the field when the searcher can answer at once (a small
 * library), instead of a frame later.
 */
export function useSearch({ searcher, library, state, rowsOnScreen, dispatch, getState }: SearchHookOptions): () => boolean {
  // New or changed articles ask the active search again, at most once an interval.
  useEffect(() => {
    let rerun: NodeJS.Timeout | null = null;
    const unsubscribe = library.subscribe((change) => {
      if (change !== 'articles' || rerun !== null) return;
      rerun = setTimeout(() => {
        rerun = null;
        dispatch({ type: 'searchRerun' });
      }, RERUN_INTERVAL_MS);
    });
    return () => {
      unsubscribe();
      if (rerun !== null) clearTimeout(rerun);
    };
  }, [library, dispatch]);

  // The searcher gets ready as the field opens, while the query is typed.
  const fieldOpen = state.search.open;
  useEffect(() => {
    if (fieldOpen) searcher?.prepare?.();
  }, [searcher, fieldOpen]);

  // Each new query is asked once; its outcome is applied only if no newer query was asked.
  // The view's filters and order go with the query typed (state/view.ts).
  const { seq } = state.search;
  const typed = state.search.query;
  const query = typed.trim() === '' ? '' : searchQuery(state, typed);
  useEffect(() => {
    if (searcher === null || query === '' || getState().search.answered === seq) return;
    searcher.search(query, SEARCH_PAGE).then(
      (result) => dispatch({ type: 'searchResult', seq, outcome: result }),
      (error: unknown) => dispatch({ type: 'searchResult', seq, outcome: failedOutcome(query, error) }),
    );
  }, [searcher, seq, query, dispatch, getState]);

  // Later pages of hits are asked for when the list reaches them. A page request answered
  // with another query's outcome (a newer query replaced it) is asked again.
  const asking = useRef(new Set<string>());
  const [pageRetry, setPageRetry] = useState(0);
  const { outcome, outcomeSeq, pages } = state.search;
  const { top, selected } = state;
  useEffect(() => {
    if (searcher === null || outcome === null) return;
    const search = getState().search;
    const wanted = new Set([...missingPages(search, top, top + rowsOnScreen), ...missingPages(search, selected, selected + 1)]);
    for (const offset of wanted) {
      const id = `${outcomeSeq}:${offset}`;
      if (asking.current.has(id)) continue;
      asking.current.add(id);
      searcher.search(outcome.query, SEARCH_PAGE, offset).then(
        (page) => {
          asking.current.delete(id);
          if (page.offset === offset && page.query === outcome.query) dispatch({ type: 'searchPage', seq: outcomeSeq, outcome: page });
          else setPageRetry((n) => n + 1);
        },
        () => asking.current.delete(id),
      );
    }
  }, [searcher, outcome, outcomeSeq, pages, top, selected, rowsOnScreen, pageRetry, dispatch, getState]);

  return useCallback((): boolean => {
    const { search } = getState();
    if (searcher?.answerNow === undefined || search.answered === search.seq || search.query.trim() === '') return false;
    const outcome = searcher.answerNow(searchQuery(getState(), search.query), SEARCH_PAGE);
    if (outcome === null) return false;
    dispatch({ type: 'searchResult', seq: search.seq, outcome });
    return true;
  }, [searcher, dispatch, getState]);
}
