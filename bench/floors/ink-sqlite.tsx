/**
 * The floor of the reader's stack: Ink and React (built with the reader's Ink
 * replacements, drawing through the reader's FrameWriter on the alternate screen) and
 * better-sqlite3, with nothing else of the reader. It opens the library
 * given with --db, shows 38 of its headlines in a list with a status bar; Down moves the
 * inverse row; `/` opens a field, and text typed into it shows 38 other headlines (no
 * search: the rows after the first 38) and a count.
 */
import Database from 'better-sqlite3';
import { Box, render, Text, useInput } from 'ink';
import { memo, useState } from 'react';
import { FrameWriter } from '../../src/terminal/frame-writer.js';

const LIST = 38;
const db = new Database(process.argv[process.argv.indexOf('--db') + 1] ?? '', { readonly: true, fileMustExist: true });
const headlines = (offset: number): string[] =>
  (db.prepare('SELECT headline FROM articles ORDER BY rowid LIMIT ? OFFSET ?').all(LIST, offset) as { headline: string }[]).map((r) => r.headline);
const total = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
const first = headlines(0);

const Row = memo(function Row({ text, selected }: { text: string; selected: boolean }) {
  return (
    <Text wrap="truncate-end" inverse={selected}>
      {text}
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
    }
    else if (key.escape) {
      setQuery(null);
      setRows(first);
    } else if (key.downArrow) setSelected((s) => s + 1);
    else if (query === null && input === '/') setQuery('');
    else if (query !== null) {
      setQuery(query + input);
      setRows(headlines(LIST));
    }
  });
  return (
    <Box flexDirection="column" height={LIST + 2}>
      <Box flexDirection="column" height={LIST}>
        {rows.map((text, i) => (
          <Row key={`${query === null || query === '' ? '' : 'hit'}${i}`} text={text} selected={i === selected} />
        ))}
      </Box>
      <Text>{query === null ? ' ' : `/${query}`}</Text>
      <Text>{` ${selected + 1}/${total} · ${query ? `${LIST} matches` : 'floor'}`}</Text>
    </Box>
  );
}

process.stdout.write('\u001b[?1049h');
const frames = new FrameWriter(process.stdout);
render(<App />, { exitOnCtrlC: true, patchConsole: false, debug: true, stdout: frames.stream, onRender: frames.onRender });
