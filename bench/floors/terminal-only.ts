/**
 * The floor of the terminal measures: Node drawing what the reader draws, with nothing
 * in between. 38 rows and a status bar at once; Down moves an inverse row (two rows
 * redrawn); `/` opens a field, and text typed into it draws 38 new rows and a count.
 * No library, no search, no layout: what is left is Node and the terminal.
 */
const ROWS = 40;
const LIST = ROWS - 2;
let selected = 0;
let query: string | null = null;

const at = (row: number): string => `\u001b[${row + 1};1H\u001b[2K`;
const row = (i: number): string => `${at(i)}${i === selected ? '\u001b[7m' : ''}${query ?? 'A'} headline number ${i + 1}\u001b[0m`;
const status = (): string => `${at(ROWS - 1)} ${selected + 1}/2000 · ${query ? '38 matches' : 'floor'}`;

process.stdout.write(`\u001b[?1049h\u001b[H\u001b[2J${Array.from({ length: LIST }, (_, i) => row(i)).join('')}${status()}`);
process.stdin.setRawMode(true);
process.stdin.on('data', (data: Buffer) => {
  const text = data.toString();
  if (text === 'q' && query === null) {
    process.stdout.write('\u001b[?1049l');
    process.exit(0);
  }
  if (text === '\u001b[B') {
    selected++;
    process.stdout.write(row(selected - 1) + row(selected) + status());
  } else if (text === '\u001b') {
    query = null;
    process.stdout.write(at(ROWS - 2) + Array.from({ length: LIST }, (_, i) => row(i)).join('') + status());
  } else if (query === null && text === '/') {
    query = '';
    process.stdout.write(`${at(ROWS - 2)}/`);
  } else if (query !== null) {
    query += text;
    process.stdout.write(`${at(ROWS - 2)}/${query}${Array.from({ length: LIST }, (_, i) => row(i)).join('')}${status()}`);
  }
});
