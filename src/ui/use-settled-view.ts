/**
 * The article pane's view (the selected row's key and the pane's scroll) as it was once
 * it stayed the same for `delayMs`: the pane follows the list a moment after a key. The
 * frame that answers the key draws the list alone and the program is idle at once,
 * leaving the processor to the terminal that draws it: with the pane laid out straight
 * after, Down at 2,000 articles reached a tmux screen 1-2 ms later on two cores. Keys
 * pressed in a run, a held j, lay out only the article they stop on.
 */
import { useEffect, useState } from 'react';

export interface PaneView {
  key: string | null;
  scroll: number;
}

export function useSettledView(key: string | null, scroll: number, delayMs: number): PaneView {
  const [settled, setSettled] = useState<PaneView>({ key, scroll });
  const same = settled.key === key && settled.scroll === scroll;
  useEffect(() => {
    if (same) return;
    const timer = setTimeout(() => setSettled({ key, scroll }), delayMs);
    return () => clearTimeout(timer);
  }, [same, key, scroll, delayMs]);
  return settled;
}
