/** The status bar: position, the view, a notice, and key hints from the key map. */
import { Text } from 'ink';
import { memo } from 'react';
import { hintsFor, type KeyMap } from '../keys/keymap.js';
import { fitWidth, truncate, widthOf } from '../terminal/text.js';
import { sanitize } from '../terminal/sanitize.js';
import { useStyles } from './theme.js';

export interface StatusBarProps {
  width: number;
  /** `12/2225`. */
  position: string;
  /** The sort, or the search and its match count. */
  view: string;
  /** `match 3/11` while jumping between matches, else empty. */
  match: string;
  notice: string | null;
  pane: 'list' | 'article' | 'sources';
  /** Whether `/` can search; without a searcher its hint is left out. */
  canSearch: boolean;
  /** The keys in effect (the defaults when absent). */
  keymap?: KeyMap;
}

/** The hints for a pane as one string: `j/k move  Enter read  ? help`. */
export function hintText(pane: 'list' | 'article' | 'sources', canSearch = true, keymap?: KeyMap): string {
  return hintsFor(pane, canSearch ? [] : ['search.open'], keymap)
    .map((h) => `${h.keys} ${h.label}`)
    .join('  ');
}

export const StatusBar = memo(function StatusBar({ width, position, view, match, notice, pane, canSearch, keymap }: StatusBarProps) {
  const styles = useStyles();
  if (width <= 0) return null;
  // What changes with each key comes first, so a narrow bar still shows it.
  const left = [position, match, notice === null ? '' : sanitize(notice), view].filter((s) => s !== '').join(' · ');
  let hints = hintText(pane, canSearch, keymap);
  // Hints give way first: drop them from the end until the bar fits.
  const parts = hints.split('  ');
  while (parts.length > 0 && widthOf(left) + 2 + widthOf(parts.join('  ')) + 2 > width) parts.pop();
  hints = parts.join('  ');
  const room = Math.max(0, width - widthOf(hints) - (hints === '' ? 0 : 1));
  const leftText = fitWidth(` ${truncate(left, Math.max(0, room - 1))}`, room);
  return (
    <Text {...styles('status')} wrap="truncate-end">
      {leftText}
      {hints === '' ? '' : `${hints} `}
    </Text>
  );
});
