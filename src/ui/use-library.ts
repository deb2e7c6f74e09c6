/**
 * The reader over a library that changes while it is read: marks set here or in another
 * process, a refresh adding articles. Each change makes the source forget what it read and
 * re-reads the list's count (for the view on screen) with the next frame.
 *
 * Why a state update and not `useSyncExternalStore`: a refresh commits batches in bursts of
 * microtasks, and a store hook renders synchronously on each, which React stops with
 * "Maximum update depth exceeded" (see background-status.ts). A state update is batched
 * into the next frame, however many changes came.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Library, LibraryView } from '../library/library.js';
import { articleOpen } from '../state/layout.js';
import type { Action, AppState } from '../state/types.js';
import { ReaderSource } from './reader-source.js';

/** The reader's source over `library`, kept current; the list's count follows the library. */
export function useLibrary(library: Library, view: LibraryView, dispatch: (action: Action) => void): ReaderSource {
  const source = useMemo(() => new ReaderSource(library), [library]);
  // How many changes were heard: each one renders, batched with any others before the frame.
  const [changes, setChanges] = useState(0);
  useEffect(
    () =>
      library.subscribe((change) => {
        source.changed(change);
        setChanges((n) => n + 1);
      }),
    [library, source],
  );
  const viewKey = JSON.stringify(view);
  useEffect(() => {
    dispatch({ type: 'libraryChanged', count: library.count(JSON.parse(viewKey) as LibraryView) });
  }, [library, viewKey, changes, dispatch]);
  return source;
}

/**
 * Opening an article marks it read: the returned function marks the article open in a
 * state, if it is not the one last marked. Run after every frame too, since the selection
 * also changes without keys (search results land).
 */
export function useMarkOpenedRead(library: Library, source: ReaderSource, getState: () => AppState): (now: AppState) => void {
  /** The article last opened: opening another (or the same one again) marks it read. */
  const opened = useRef<string | null>(null);
  const markOpenedRead = useCallback(
    (now: AppState): void => {
      const row = articleOpen(now) ? source.selected(now) : null;
      if (row?.id === opened.current) return;
      opened.current = row?.id ?? null;
      if (row !== null && !library.state(row.id).read) library.setState(row.id, { read: true });
    },
    [library, source],
  );
  useEffect(() => markOpenedRead(getState()));
  return markOpenedRead;
}
