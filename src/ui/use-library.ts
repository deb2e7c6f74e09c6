/**
 * The reader over a library that changes while it is read: marks set here or in another
 * process, a refresh adding articles. Each change makes the source forget what it read and
 * re-reads the list's count (for the sort on screen) with the next frame.
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

/**
 * The reader's source over `library`, kept current; the list's count follows the library.
 * When articles come above the selected one (a fetch, a refresh), it stays selected.
 */
export function useLibrary(library: Library, view: LibraryView, dispatch: (action: Action) => void, getState?: () => AppState): ReaderSource {
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
  const { sort } = view;
  const root = view.source ?? null;
  /**
   * The article the reader selected, by key: read after a frame whose selection the reader
   * moved, and kept while only library changes move it. Read from the frame, not when a
   * change is heard: another connection's rows are visible before its change is heard.
   */
  const anchor = useRef<{ key: string | null; selected: number; view: string } | null>(null);
  const viewKey = `${sort}\n${root ?? ''}`;
  useEffect(() => {
    if (getState === undefined) return;
    const now = getState();
    const kept = anchor.current;
    if (kept !== null && kept.selected === now.selected && kept.view === viewKey && now.search.outcome === null) return;
    anchor.current = { key: now.search.outcome === null ? (source.selected(now)?.key ?? null) : null, selected: now.selected, view: viewKey };
  });
  useEffect(() => {
    const current = { sort, source: root };
    const key = anchor.current?.view === `${sort}\n${root ?? ''}` ? anchor.current.key : null;
    const selected = key !== null && library.position !== undefined ? library.position(current, key) : -1;
    if (selected >= 0 && anchor.current !== null) anchor.current = { ...anchor.current, selected };
    dispatch({ type: 'libraryChanged', count: library.count(current), ...(selected >= 0 ? { selected } : {}) });
  }, [library, sort, root, changes, dispatch]);
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
