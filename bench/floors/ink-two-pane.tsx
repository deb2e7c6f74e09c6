/**
 * The floor of a two-pane reader on the reader's stack: ink-sqlite.tsx with an article pane
 * beside the list, as the reader lays it out at 120 columns (list 40% of the width, a
 * separator, the pane with a margin each side). Down moves the inverse row and fills the
 * pane with the next article's body, read with better-sqlite3 and wrapped to the pane;
 * what newsboat's list does not draw and a reader whose pane follows the selection must.
 * Typing into the `/` field shows 38 other headlines and a count, with no search.
 */
import Database from 'better-sqlite3';
import { Box, render, Text, useInput } from 'ink';
import { memo, useState } from 'react';
import { FrameWriter } from '../../src/terminal/frame-writer.js';
import { wrapText } from '../../src/terminal/text.js';

const ROWS = 40;
const LIST = ROWS - 2;
const COLUMNS = 120;
const LIST_WIDTH = Math.floor(COLUMNS * 0.4);
const PANE_WIDTH = COLUMNS - LIST_WIDTH - 1;
const TEXT_WIDTH = PANE_WIDTH - 2;

const db = new Database(process.argv[process.argv.indexOf('--db') + 1] ?? '', { readonly: true, fileMustExist: true });
const headlines = (offset: number): { rowid: number; headline: string }[] =>
  db.prepare('SELECT rowid, headline FROM articles ORDER BY rowid LIMIT ? OFFSET ?').all(LIST, offset) as { rowid: number; headline: string }[];
const bodyOf = db.prepare('SELECT headline, body FROM articles WHERE rowid = ?');
const total = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
const first = headlines(0);

/** The pane's lines for one article: its headline, a blank line, its body wrapped. */
function articleLines(rowid: number | undefined): string[] {
  const row = rowid === undefined ? undefined : (bodyOf.get(rowid) as { headline: string; body: string } | undefined);
  if (row === undefined) return [];
  const body = row.body.split(/\n+/).flatMap((paragraph) => [...wrapText(paragraph, TEXT_WIDTH), '']);
  return [...wrapText(row.headline, TEXT_WIDTH), '', ...body].slice(0, LIST);
}

const Row = memo(function Row({ text, selected }: { text: string; selected: boolean }) {
  return (
    <Text wrap="truncate-end" inverse={selected}>
      {text}
    </Text>
  );
});

const Line = memo(function Line({ text, bold }: { text: string; bold: boolean }) {
  return (
    <Text wrap="truncate-end" bold={bold}>
      {text === '' ? ' ' : text}
    </Text>
  );
});

function App() {
  const [selected, setSelected] = useState(0);
  const [query, setQuery] = useState<string | null>(null);
  const [rows, setRows] = useState(first);
  useInput((input, key) => {
    if (query === null && input === 'q') {
      process.stdout.write('\u001b[?1049l');
      process.exit(0);
    } else if (key.escape) {
      setQuery(null);
      setRows(first);
    } else if (key.downArrow) setSelected((s) => s + 1);
    else if (query === null && input === '/') setQuery('');
    else if (query !== null) {
      setQuery(query + input);
      setRows(headlines(LIST));
    }
  });
  const lines = articleLines(rows[selected]?.rowid);
  return (
    <Box flexDirection="column" height={ROWS}>
      <Box height={LIST}>
        <Box flexDirection="column" width={LIST_WIDTH} height={LIST}>
          {rows.map((row, i) => (
            <Row key={`${query === null || query === '' ? '' : 'hit'}${i}`} text={row.headline} selected={i === selected} />
          ))}
        </Box>
        <Text>{'│\n'.repeat(LIST - 1)}│</Text>
        <Box flexDirection="column" width={PANE_WIDTH} height={LIST} paddingLeft={1}>
          {lines.map((text, i) => (
            <Line key={i} text={text} bold={i === 0} />
          ))}
        </Box>
      </Box>
      <Text>{query === null ? ' ' : `/${query}`}</Text>
      <Text>{` ${selected + 1}/${total} · ${query ? `${LIST} matches` : 'floor'}`}</Text>
    </Box>
  );
}

process.stdout.write('\u001b[?1049h');
const frames = new FrameWriter(process.stdout);
render(<App />, { exitOnCtrlC: true, patchConsole: false, debug: true, stdout: frames.stream, onRender: frames.onRender });
