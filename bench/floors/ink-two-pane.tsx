/**
 * The floor of a two-pane reader on the reader's stack: ink-sqlite.tsx with an article pane
 * beside the list, as the reader lays it out at 120 columns (list 40% of the width, a
 * separator, the pane with a margin each side). Down moves the inverse row and fills the
 * pane with the next article's body, read with better-sqlite3 and wrapped to the pane;
 * what newsboat's list does not draw and a reader whose pane follows the selection must.
 * Typing into the `/` field shows 38 other headlines and a count, with no search.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { wrapText } from '../../src/terminal/text.js';
import { db, drawFloor, FieldAndStatus, LIST, ROWS, Row, rowKey, useFloor } from './ink-floor.js';

const COLUMNS = 120;
const LIST_WIDTH = Math.floor(COLUMNS * 0.4);
const PANE_WIDTH = COLUMNS - LIST_WIDTH - 1;
const TEXT_WIDTH = PANE_WIDTH - 2;

const bodyOf = db.prepare('SELECT headline, body FROM articles WHERE rowid = ?');

/** The pane's lines for one article: its headline, a blank line, its body wrapped. */
function articleLines(rowid: number | undefined): string[] {
  const row = rowid === undefined ? undefined : (bodyOf.get(rowid) as { headline: string; body: string } | undefined);
  if (row === undefined) return [];
  const body = row.body.split(/\n+/).flatMap((paragraph) => [...wrapText(paragraph, TEXT_WIDTH), '']);
  return [...wrapText(row.headline, TEXT_WIDTH), '', ...body].slice(0, LIST);
}

const Line = memo(function Line({ text, bold }: { text: string; bold: boolean }) {
  return (
    <Text wrap="truncate-end" bold={bold}>
      {text === '' ? ' ' : text}
    </Text>
  );
});

function App() {
  const { selected, query, rows } = useFloor();
  const lines = articleLines(rows[selected]?.rowid);
  return (
    <Box flexDirection="column" height={ROWS}>
      <Box height={LIST}>
        <Box flexDirection="column" width={LIST_WIDTH} height={LIST}>
          {rows.map((row, i) => (
            <Row key={rowKey(query, i)} text={row.headline} selected={i === selected} />
          ))}
        </Box>
        <Text>{'│\n'.repeat(LIST - 1)}│</Text>
        <Box flexDirection="column" width={PANE_WIDTH} height={LIST} paddingLeft={1}>
          {lines.map((text, i) => (
            <Line key={i} text={text} bold={i === 0} />
          ))}
        </Box>
      </Box>
      <FieldAndStatus selected={selected} query={query} />
    </Box>
  );
}

drawFloor(<App />);
