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

/**
 * The reader's source over `library`, kept current; the list's count follows the library.
 * When articles come above the selected one (a fetch, a refresh), it stays selected.
 */
export function useLibrary(library: Library, view: LibraryView, dispatch: (action: Action) => void, getState?: () => AppState): ReaderSource {
  const source = useMemo(() => new ReaderSource(library), [library]);
  // How many changes were heard: each one renders, batched with any others before the frame.
  const [changes, setChanges] = useState(0);
  /**
   * The article the reader selected, by key: read after a frame whose selection the reader
   * moved, and kept while only library changes move it. Read from the frame, not when a
   * change is heard: another connection's rows are visible before its change is heard.
   */
  const anchor = useRef<{ key: string | null; selected: number; view: string } | null>(null);
  const viewKey = JSON.stringify(view);
  /** The view on screen, for a change heard between frames. */
  const shown = useRef(viewKey);
  useEffect(() => {
    shown.current = viewKey;
  });
  /** The list's length now, and where the anchored article now is in it. */
  const follow = useCallback((): void => {
    const current = JSON.parse(shown.current) as LibraryView;
    const key = anchor.current?.view === shown.current ? anchor.current.key : null;
    const selected = key !== null ? library.position(current, key) : -1;
    if (selected >= 0 && anchor.current !== null) anchor.current = { ...anchor.current, selected };
    dispatch({ type: 'libraryChanged', count: library.count(current), ...(selected >= 0 ? { selected } : {}) });
  }, [library, dispatch]);
  /** Anchor the article selected now, unless it is the one anchored already. */
  const anchorSelection = useCallback((): void => {
    if (getState === undefined) return;
    const now = getState();
    const kept = anchor.current;
    if (kept !== null && kept.selected === now.selected && kept.view === shown.current && now.search.outcome === null) return;
    anchor.current = { key: now.search.outcome === null ? (source.selected(now)?.key ?? null) : null, selected: now.selected, view: shown.current };
  }, [getState, source]);
  useEffect(
    () =>
      library.subscribe((change) => {
        // A key may have moved the selection since the last frame: anchor that article,
        // read from the rows the reader saw, before they are forgotten.
        if (change === 'articles') anchorSelection();
        source.changed(change);
        // Rows that came above the selected one: it is found again before the next frame
        // draws, so no frame shows another article in its place.
        if (change === 'articles') follow();
        setChanges((n) => n + 1);
      }),
    [library, source, follow, anchorSelection],
  );
  useEffect(anchorSelection);
  useEffect(follow, [viewKey, changes, follow]);
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
