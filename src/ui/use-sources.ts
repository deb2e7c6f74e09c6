/**
 * The sources pane kept current: the library's sources and their counts are read again
 * after each change (marks, a fetch storing entries, a feed failing), batched into the
 * next frame as use-library.ts does; and a key that changes which source the list shows
 * has the list's new length counted before the next key acts on it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Library } from '../library/library.js';
import { listView, listViewKey, sourceRows } from '../state/sources.js';
import type { Action, AppState } from '../state/types.js';

export function useSources(library: Library, dispatch: (action: Action) => void): (now: AppState) => void {
  const [changes, setChanges] = useState(0);
  useEffect(() => (library.sources === undefined ? undefined : library.subscribe(() => setChanges((n) => n + 1))), [library]);
  useEffect(() => {
    if (library.sources !== undefined) dispatch({ type: 'sourcesChanged', rows: sourceRows(library.sources()) });
  }, [library, changes, dispatch]);

  /** The view last counted, so that only a key that changed it counts again. */
  const counted = useRef<string | null>(null);
  return useCallback(
    (now: AppState): void => {
      const key = listViewKey(now);
      if (counted.current === null) counted.current = key;
      if (key === counted.current) return;
      counted.current = key;
      dispatch({ type: 'libraryChanged', count: library.count(listView(now)) });
    },
    [library, dispatch],
  );
}
