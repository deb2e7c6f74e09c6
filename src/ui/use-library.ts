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
 * Opening an article marks it read, after it has been open for `after` milliseconds (at
 * once for 0; never for null): moving on before then leaves it unread, as does marking it
 * by hand meanwhile. The returned function looks at the article open in a state; run after
 * every key and every frame too, since the selection also changes without keys (search
 * results land).
 */
export function useMarkOpenedRead(library: Library, source: ReaderSource, getState: () => AppState, after: number | null = 0): (now: AppState) => void {
  /** The article last opened: opening another (or the same one again) marks it read. */
  const opened = useRef<string | null>(null);
  /** The timer that will mark the open article read, while it runs. */
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = useCallback((): void => {
    if (pending.current !== null) clearTimeout(pending.current);
    pending.current = null;
  }, []);
  const markOpenedRead = useCallback(
    (now: AppState): void => {
      const row = articleOpen(now) ? source.selected(now) : null;
      // Marked by hand (m) while waiting: that mark stands.
      const effect = now.effect?.kind === 'mark' ? now.effect : null;
      if (pending.current !== null && effect?.id === opened.current && effect?.patch.read !== undefined) cancel();
      if (row?.id === opened.current) return;
      cancel();
      opened.current = row?.id ?? null;
      if (row === null || after === null) return;
      const id = row.id;
      const mark = (): void => {
        if (!library.state(id).read) library.setState(id, { read: true });
      };
      if (after <= 0) return mark();
      pending.current = setTimeout(() => {
        pending.current = null;
        // Still the article on screen with the keys: the time is up.
        const latest = getState();
        if (articleOpen(latest) && source.selected(latest)?.id === id) mark();
      }, after);
    },
    [library, source, after, getState, cancel],
  );
  useEffect(() => markOpenedRead(getState()));
  useEffect(() => cancel, [cancel]);
  return markOpenedRead;
}
