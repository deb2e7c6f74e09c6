/**
 * The sources pane kept current: the library's sources and their counts are read again
 * after each change (marks, a fetch storing entries, a feed failing), batched into the
 * next frame as use-library.ts does; and a key that changes which source the list shows
 * has the list's new length counted before the next key acts on it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Library } from '../library/library.js';
import { sourceRows } from '../state/sources.js';
import { libraryView, libraryViewKey } from '../state/view.js';
import type { Action, AppState } from '../state/types.js';

/** How often, at most, the sources are counted again while articles keep coming. */
const SOURCES_EVERY_MS = 500;

export function useSources(library: Library, dispatch: (action: Action) => void): (now: AppState) => void {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    if (library.sources === undefined) return undefined;
    let timer: NodeJS.Timeout | null = null;
    let last = 0;
    const unsubscribe = library.subscribe((change) => {
      // A mark is counted in as it is set (cheap): shown with the next frame.
      if (change === 'marks') return setChanges((n) => n + 1);
      // New articles come in bursts (an index batch every few milliseconds): the sources
      // are counted again at most every SOURCES_EVERY_MS, so keys keep their turn.
      if (timer !== null) return;
      timer = setTimeout(
        () => {
          timer = null;
          last = Date.now();
          setChanges((n) => n + 1);
        },
        Math.max(0, last + SOURCES_EVERY_MS - Date.now()),
      );
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [library]);
  useEffect(() => {
    if (library.sources !== undefined) dispatch({ type: 'sourcesChanged', rows: sourceRows(library.sources()) });
  }, [library, changes, dispatch]);

  /** The view last counted, so that only a key that changed it counts again. */
  const counted = useRef<string | null>(null);
  return useCallback(
    (now: AppState): void => {
      const key = libraryViewKey(now);
      if (counted.current === null) counted.current = key;
      if (key === counted.current) return;
      counted.current = key;
      dispatch({ type: 'libraryChanged', count: library.count(libraryView(now)) });
    },
    [library, dispatch],
  );
}
