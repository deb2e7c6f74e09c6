/**
 * What the Ink floors share (ink-sqlite.tsx, ink-two-pane.tsx): the library given with
 * --db read with better-sqlite3, the list's rows, the keys (Down moves the inverse row, `/`
 * opens a field whose typing shows the 38 rows after the first as hits, Escape closes it,
 * q quits) and the drawing through the reader's FrameWriter on the alternate screen.
 */
import Database from 'better-sqlite3';
import { render, Text, useInput } from 'ink';
import { memo, useState, type ReactElement } from 'react';
import { FrameWriter } from '../../src/terminal/frame-writer.js';

export const ROWS = 40;
export const LIST = ROWS - 2;

export interface Headline {
  rowid: number;
  headline: string;
}

export const db = new Database(process.argv[process.argv.indexOf('--db') + 1] ?? '', { readonly: true, fileMustExist: true });
const headlines = (offset: number): Headline[] =>
  db.prepare('SELECT rowid, headline FROM articles ORDER BY rowid LIMIT ? OFFSET ?').all(LIST, offset) as Headline[];
export const total = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
const first = headlines(0);

export const Row = memo(function Row({ text, selected }: { text: string; selected: boolean }) {
  return (
    <Text wrap="truncate-end" inverse={selected}>
      {text}
    </Text>
  );
});

/** The floor's state and keys: the selected row, the field's text (null when closed), the rows. */
export function useFloor(): { selected: number; query: string | null; rows: Headline[] } {
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
  return { selected, query, rows };
}

/** The rows' keys: the hits are other elements than the headlines they replace. */
export const rowKey = (query: string | null, i: number): string => `${query === null || query === '' ? '' : 'hit'}${i}`;

/** The field line and the status bar under the panes. */
export function FieldAndStatus({ selected, query }: { selected: number; query: string | null }) {
  return (
    <>
      <Text>{query === null ? ' ' : `/${query}`}</Text>
      <Text>{` ${selected + 1}/${total} · ${query ? `${LIST} matches` : 'floor'}`}</Text>
    </>
  );
}

export function drawFloor(app: ReactElement): void {
  process.stdout.write('\u001b[?1049h');
  const frames = new FrameWriter(process.stdout);
  render(app, { exitOnCtrlC: true, patchConsole: false, debug: true, stdout: frames.stream, onRender: frames.onRender });
}
