/**
 * What a person sees, cell by cell: the selection, the focused pane and the search matches
 * must stand out in a real terminal, with CI set in the environment as it is on CI, and
 * must still stand out without colour (NO_COLOR, --no-color).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type PtySession, spawnReader } from './pty.js';

let session: PtySession | null = null;

afterEach(() => {
  session?.dispose();
  session = null;
});

function start(cols: number, rows: number, env: Record<string, string> = {}, args: string[] = []): PtySession {
  session = spawnReader({ cols, rows, args: [...args, bbcDir], env: { CI: 'true', ...env } });
  return session;
}

/** Rows of the list or article: every row but the status bar. */
function bodyRows(s: PtySession): number[] {
  return Array.from({ length: s.term.rows - 1 }, (_, y) => y);
}

/** Columns of the headline list: up to the separator (a space and a rule) in the split view, else the whole row. */
function listColumns(s: PtySession): number {
  const rule = s.lines()[0]!.search(/[│┃]/);
  return rule > 0 ? rule - 1 : s.term.cols;
}

/** Rows whose list part has any inverse cell. */
function inverseRows(s: PtySession): number[] {
  const width = listColumns(s);
  return bodyRows(s).filter((y) => s.cells(y, 0, width).some((c) => c.inverse));
}

/** The cells of the first `word` (case-insensitive) on row `y` between columns `from` and `to`. */
function wordCells(s: PtySession, y: number, word: string, from = 0, to = s.term.cols) {
  const at = s.lines()[y]!.toLowerCase().indexOf(word, from);
  if (at < 0 || at + word.length > to) return null;
  return s.cells(y, at, at + word.length);
}

describe.skipIf(!hasShared).each([
  [120, 40],
  [80, 24],
])('at %ix%i with CI=true', (cols, rows) => {
  it('draws the selected row inverse, and no other row', async () => {
    const s = start(cols, rows);
    await s.waitForStatus(/1\/2225/);
    await s.waitFor(() => inverseRows(s).length === 1 && inverseRows(s)[0] === 0, 'the first row selected');
    s.press('j');
    s.write('jj');
    await s.waitForStatus(/4\/2225/);
    await s.waitFor(() => inverseRows(s).join() === '3', 'the fourth row selected');
    // Across the whole row of the list, not just a part of it.
    expect(s.cells(3, 0, listColumns(s)).every((c) => c.inverse)).toBe(true);
  });

  it('keeps the selection inverse and drops every colour with NO_COLOR=1', async () => {
    const s = start(cols, rows, { NO_COLOR: '1' });
    await s.waitForStatus(/1\/2225/);
    s.write('jj');
    await s.waitForStatus(/3\/2225/);
    await s.waitFor(() => inverseRows(s).join() === '2', 'the third row selected');
    s.write('s');
    await s.waitFor(() => s.lines()[2]!.includes('★'), 'the star');
    expect(s.anyColour()).toBe(false);
  });
});

describe.skipIf(!hasShared)('the focused pane (120x40, CI=true)', () => {
  it('marks the list or the article as focused', async () => {
    const s = start(120, 40);
    await s.waitForStatus(/1\/2225/);
    const separator = listColumns(s) + 1;
    await s.waitFor(() => inverseRows(s).join() === '0', 'the list focused');
    expect(s.cell(separator, 5).dim).toBe(true);
    s.press('return');
    await s.waitForStatus(/scroll/);
    // The list keeps the selection underlined; the rule beside the article is drawn bright.
    await s.waitFor(() => inverseRows(s).length === 0, 'no inverse row in the list');
    expect(s.cells(0, 3, 20).every((c) => c.underline && c.bold)).toBe(true);
    expect(s.cell(separator, 5)).toMatchObject({ char: '┃', dim: false, bold: true });
    s.press('escape');
    await s.waitFor(() => inverseRows(s).join() === '0', 'the list focused again');
    expect(s.cell(separator, 5)).toMatchObject({ char: '│', dim: true });
  });
});

describe.skipIf(!hasShared).each([
  ['colour', {}, [], true],
  ['NO_COLOR=1', { NO_COLOR: '1' }, [], false],
  ['--no-color', {}, ['--no-color'], false],
] as const)('search matches with %s (120x40, CI=true)', (_name, env, args, colour) => {
  it('styles the matches in the hits and the article, and the current match apart', async () => {
    const s = start(120, 40, env, [...args]);
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first(?! · indexing)/);
    s.write('/yukos');
    await s.waitForStatus(/\d+ matches/);
    s.press('return');
    await s.waitFor(() => !s.lines().at(-2)!.startsWith('/'), 'the field to close');
    // In the hits, the matched word is underlined (and coloured when there is colour).
    const inList = (y: number) => wordCells(s, y, 'yukos', 0, listColumns(s));
    const hit = bodyRows(s).find((y) => y > 0 && inList(y) !== null);
    expect(hit).toBeDefined();
    const listMatch = inList(hit!)!;
    expect(listMatch.every((c) => c.underline)).toBe(true);
    expect(listMatch.every((c) => c.fgColour)).toBe(colour);
    s.press('return');
    await s.waitForStatus(/scroll/);
    s.press('n');
    await s.waitForStatus(/match 1\/\d+/);
    const separator = listColumns(s) + 1;
    const styled = (y: number) => wordCells(s, y, 'yukos', separator + 1);
    const currentRow = bodyRows(s).find((y) => styled(y)?.every((c) => c.inverse));
    expect(currentRow, 'the current match drawn inverse').toBeDefined();
    // Every other match on screen is underlined but not inverse.
    const others = bodyRows(s).filter((y) => y !== currentRow && styled(y) !== null);
    expect(others.length, 'other matches on screen').toBeGreaterThan(0);
    for (const y of others) expect(styled(y)!.every((c) => c.underline && !c.inverse)).toBe(true);
    expect(s.anyColour()).toBe(colour);
  });
});
