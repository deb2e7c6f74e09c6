/**
 * The sources pane: All, then the library's sources under their tags, each with its unread
 * and total counts. `▸` marks the source the list shows, `!` a feed whose last fetch
 * failed (the status bar says why while it is selected).
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { SourceRow } from '../state/sources.js';
import { sanitize } from '../terminal/sanitize.js';
import { fitWidth, truncate, widthOf } from '../terminal/text.js';

export interface SourcesPaneProps {
  rows: readonly SourceRow[];
  top: number;
  selected: number;
  /** The pane's width, its rule included when `rule`. */
  width: number;
  height: number;
  focused: boolean;
  /** The root the list is filtered by, or null for All. */
  chosen: string | null;
  /** Draw a rule at the right, between the pane and the list. */
  rule: boolean;
}

const RULE = ' │';
const FOCUS_RULE = ' ┃';

/** `3/12`, or `12` when everything is read. */
function countText(unread: number, total: number): string {
  return unread === 0 ? String(total) : `${unread}/${total}`;
}

export const SourcesPane = memo(function SourcesPane({ rows, top, selected, width, height, focused, chosen, rule }: SourcesPaneProps) {
  const inner = Math.max(0, width - (rule ? RULE.length : 0));
  if (height <= 0 || width <= 0) return null;
  const shown = rows.slice(top, top + height);
  return (
    <Box flexDirection="row" width={width} height={height}>
      <Box flexDirection="column" width={inner} height={height}>
        {shown.map((row, i) => (
          <SourceLine key={`${top + i}`} row={row} width={inner} selected={top + i === selected} focused={focused} chosen={chosen} />
        ))}
      </Box>
      {rule ? (
        <Text bold={focused} dimColor={!focused}>
          {Array.from({ length: height }, () => (focused ? FOCUS_RULE : RULE)).join('\n')}
        </Text>
      ) : null}
    </Box>
  );
});

interface SourceLineProps {
  row: SourceRow;
  width: number;
  selected: boolean;
  focused: boolean;
  chosen: string | null;
}

function SourceLine({ row, width, selected, focused, chosen }: SourceLineProps) {
  if (row.kind === 'group') {
    return (
      <Text bold dimColor wrap="truncate-end">
        {fitWidth(truncate(sanitize(row.name), width), width)}
      </Text>
    );
  }
  const isChosen = row.kind === 'all' ? chosen === null : row.source.root === chosen;
  const failed = row.kind === 'source' && row.source.error !== null;
  const name = row.kind === 'all' ? 'All' : sanitize(row.source.name);
  const counts = row.kind === 'all' ? countText(row.unread, row.total) : countText(row.source.unread, row.source.total);
  const unread = row.kind === 'all' ? row.unread > 0 : row.source.unread > 0;
  const marks = `${isChosen ? '▸' : ' '}${failed ? '!' : ' '}`;
  const room = Math.max(0, width - widthOf(marks) - widthOf(counts) - 1);
  const text = truncate(name, room);
  const pad = ' '.repeat(Math.max(0, width - widthOf(marks) - widthOf(text) - widthOf(counts)));
  const style = selected ? (focused ? { inverse: true } : { bold: true, underline: true }) : {};
  return (
    <Text wrap="truncate-end" {...style}>
      <Text bold>{isChosen ? '▸' : ' '}</Text>
      <Text bold {...(failed ? { color: 'red' } : {})}>
        {failed ? '!' : ' '}
      </Text>
      <Text bold={unread}>{text}</Text>
      {pad}
      <Text dimColor={!selected}>{widthOf(marks) + widthOf(text) + widthOf(counts) <= width ? counts : ''}</Text>
    </Text>
  );
}
