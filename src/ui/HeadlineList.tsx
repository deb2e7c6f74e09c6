/** The headline list: only the rows on screen are rendered, however long the list. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ArticleSummary } from '../library/library.js';
import type { MatchRange } from '../search/match-ranges.js';
import { markMatches, segmentsOf } from '../terminal/highlight.js';
import { sanitize } from '../terminal/sanitize.js';
import { fitWidth, type Segment, truncateSegments, widthOf } from '../terminal/text.js';
import { useStyles } from './theme.js';

/** Width of the dim date column, and the list width from which it is shown. */
const DATE_COLUMNS = 10;
const DATE_FROM = 44;
/** Width of the dim section column, and the list width from which it is shown. */
const SECTION_COLUMNS = 13;
const SECTION_FROM = 70;
/** Width of the source column (when several sources are in view), and the list width from which it is shown. */
const SOURCE_COLUMNS = 12;
const SOURCE_FROM = 32;

export interface HeadlineListProps {
  /** The rows on screen, first one at the top; null for a row still being fetched. */
  rows: readonly (ArticleSummary | null)[];
  /** Index of the first row in the whole list (for telling which row is selected). */
  top: number;
  selected: number;
  width: number;
  height: number;
  focused: boolean;
  highlight: ((text: string) => MatchRange[]) | null;
  /** What an empty list says. */
  emptyText: string;
  /** Each row's source, when the list holds several; null hides the column. */
  originOf?: ((row: ArticleSummary) => string) | null;
}

export const HeadlineList = memo(function HeadlineList(props: HeadlineListProps) {
  const { rows, top, selected, width, height, focused, highlight, emptyText, originOf = null } = props;
  const styles = useStyles();
  if (height <= 0 || width <= 0) return null;
  if (rows.length === 0) {
    return (
      <Box width={width} height={height}>
        <Text {...styles('dim')} wrap="truncate-end">
          {fitWidth(emptyText, width)}
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      {rows.slice(0, height).map((row, i) =>
        row === null ? (
          <PendingRow key={`pending-${top + i}`} width={width} selected={top + i === selected} focused={focused} />
        ) : (
          <HeadlineRow
            key={row.key}
            row={row}
            width={width}
            selected={top + i === selected}
            focused={focused}
            highlight={highlight}
            origin={originOf === null || width < SOURCE_FROM ? null : originOf(row)}
          />
        ),
      )}
    </Box>
  );
});

interface HeadlineRowProps {
  row: ArticleSummary;
  width: number;
  selected: boolean;
  focused: boolean;
  highlight: ((text: string) => MatchRange[]) | null;
  /** The row's source for the source column, or null without the column. */
  origin: string | null;
}

/** A row whose page of search hits has not come yet. */
function PendingRow({ width, selected, focused }: { width: number; selected: boolean; focused: boolean }) {
  const styles = useStyles();
  return (
    <Text wrap="truncate-end" {...styles('dim')} {...(selected ? styles(focused ? 'selection' : 'selectionInactive') : {})}>
      {fitWidth('   …', width)}
    </Text>
  );
}

const HeadlineRow = memo(function HeadlineRow({ row, width, selected, focused, highlight, origin }: HeadlineRowProps) {
  const styles = useStyles();
  const marks = `${row.read ? ' ' : '●'}${row.starred ? '★' : ' '} `;
  const showDate = width >= DATE_FROM;
  const showSection = width >= SECTION_FROM;
  const source = origin === null ? '' : ` ${fitWidth(sanitize(origin), SOURCE_COLUMNS)}`;
  const columns = (showDate ? DATE_COLUMNS + 1 : 0) + (showSection ? SECTION_COLUMNS + 1 : 0) + widthOf(source);
  const headlineWidth = Math.max(0, width - widthOf(marks) - columns);
  const marked = markMatches(row.headline, highlight === null ? [] : highlight(row.headline));
  const headline = truncateSegments(segmentsOf(marked), headlineWidth);
  const used = headline.reduce((sum, s) => sum + widthOf(s.text), 0);
  const pad = ' '.repeat(Math.max(0, headlineWidth - used));
  // Without room for both, an undated article shows its section where the date would be.
  const day = row.date === null ? null : sanitize(row.date.slice(0, DATE_COLUMNS));
  const firstColumn = showSection ? (day ?? '') : (day ?? sanitize(row.section ?? ''));
  const date = showDate ? ` ${fitWidth(firstColumn, DATE_COLUMNS)}` : '';
  const section = showSection ? ` ${fitWidth(sanitize(row.section ?? ''), SECTION_COLUMNS)}` : '';
  const style = selected ? styles(focused ? 'selection' : 'selectionInactive') : {};
  const fits = widthOf(marks) <= width;
  return (
    <Text wrap="truncate-end" {...style}>
      <Text {...(row.read ? {} : styles('unread'))}>{fits ? marks.slice(0, 1) : ''}</Text>
      <Text {...(row.starred ? styles('star') : {})}>{fits ? marks.slice(1, 2) : ''}</Text>
      {fits ? ' ' : ''}
      <Headline segments={headline} unread={!row.read} />
      {pad}
      <Text {...styles('meta')}>
        {source}
        {date}
        {section}
      </Text>
    </Text>
  );
});

function Headline({ segments, unread }: { segments: Segment[]; unread: boolean }) {
  const styles = useStyles();
  return (
    <Text {...(unread ? styles('unread') : {})}>
      {segments.map((s, i) =>
        s.match ? (
          <Text key={i} {...styles('headlineMatch')}>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </Text>
  );
}
