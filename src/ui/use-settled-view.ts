/**
 * The article pane's view (the selected row's key, the pane's scroll, and the search whose
 * matches it marks) as it was once it stayed the same for `delayMs`: the pane follows the
 * list a moment after a key, and until then shows what it showed, laid out as it was. The
 * frame that answers the key draws the list alone and the program is idle at once,
 * leaving the processor to the terminal that draws it: with the pane laid out straight
 * after, Down at 2,000 articles reached a tmux screen 1-2 ms later on two cores. Keys
 * pressed in a run, a held j, lay out only the article they stop on.
 */
import { useEffect, useState } from 'react';
import type { SearchOutcome } from '../search/searcher.js';

export interface PaneView {
  key: string | null;
  scroll: number;
  outcome: SearchOutcome | null;
}

export function useSettledView(key: string | null, scroll: number, outcome: SearchOutcome | null, delayMs: number): PaneView {
  const [settled, setSettled] = useState<PaneView>({ key, scroll, outcome });
  const same = settled.key === key && settled.scroll === scroll && settled.outcome === outcome;
  useEffect(() => {
    if (same) return;
    const timer = setTimeout(() => setSettled({ key, scroll, outcome }), delayMs);
    return () => clearTimeout(timer);
  }, [same, key, scroll, outcome, delayMs]);
  return settled;
}
