/**
 * The reader rewrites only the rows that change between frames. Whatever keys, in whatever
 * reads, and resizes came before, the screen must equal a full repaint of the same state:
 * here the repaint the reader does when it is continued after Ctrl-Z, compared cell by cell
 * (characters and attributes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type PtySession, spawnReader } from './pty.js';

let session: PtySession | null = null;

afterEach(() => {
  session?.dispose();
  session = null;
});

/** Every visible cell: character, width, and the attributes a person sees. */
function cells(s: PtySession): string[] {
  const buffer = s.term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < s.term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    let row = '';
    for (let x = 0; x < s.term.cols; x++) {
      const cell = line?.getCell(x);
      if (cell === undefined) continue;
      const flags = [cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isInverse()].map((on) => (on ? 1 : 0)).join('');
      row += `${cell.getChars() || ' '}${cell.getWidth()}${flags}${cell.getFgColorMode()}:${cell.getFgColor()}/${cell.getBgColorMode()}:${cell.getBgColor()}|`;
    }
    rows.push(row);
  }
  return rows;
}

/** The screen now, and the screen after a full repaint of the same state (Ctrl-Z, then continue). */
async function screenAndRepaint(s: PtySession): Promise<{ shown: string[]; repainted: string[] }> {
  await s.waitForQuiet();
  const shown = cells(s);
  const status = s.status();
  s.press('ctrl+z');
  await s.waitFor(() => !s.alternateScreen, 'the normal screen while suspended');
  s.signal('SIGCONT');
  await s.waitFor(() => s.alternateScreen && s.status() === status, 'the reader repainted');
  await s.waitForQuiet();
  return { shown, repainted: cells(s) };
}

/** The first row where two screens differ, both versions, or null when they are the same. */
function firstDifference(a: string[], b: string[]): string | null {
  const text = (row: string | undefined): string => (row ?? '').split('|').map((cell) => cell.charAt(0)).join('');
  for (let y = 0; y < Math.max(a.length, b.length); y++) {
    if (a[y] !== b[y]) return `row ${y}:\n  drawn     ${text(a[y])}\n  repainted ${text(b[y])}\n  cells ${a[y]}\n  vs    ${b[y]}`;
  }
  return null;
}

async function startIndexed(cols: number, rows: number): Promise<PtySession> {
  // Colour on, whatever the test runner's environment says: attributes are compared too.
  const s = (session = spawnReader({ cols, rows, args: [bbcDir], env: { FORCE_COLOR: '3' } }));
  await s.waitForStatus(/ 1\/2225 /);
  await s.waitFor(() => !/indexing|looking/.test(s.status()), 'indexing to end');
  return s;
}

describe.skipIf(!hasShared)('drawing only the rows that changed', () => {
  it('leaves the screen a full repaint would draw, after keys one by one and many in one read', async () => {
    const s = await startIndexed(120, 40);
    for (let i = 0; i < 4; i++) {
      s.press('down');
      await s.waitForStatus(new RegExp(` ${i + 2}/2225 `));
    }
    s.write('jjjjjkj');
    await s.waitForStatus(/ 10\/2225 /);
    s.press('return');
    s.write('  ');
    s.press('escape');
    s.write('/oil');
    await s.waitForStatus(/\d+ match/);
    s.press('return', 'j', 'j');
    await s.waitForStatus(/ 3\/\d+ /);
    const { shown, repainted } = await screenAndRepaint(s);
    expect(firstDifference(shown, repainted)).toBeNull();
    // The comparison covers attributes: the selected headline is drawn in inverse.
    expect(shown.join('')).toMatch(/\|[^|]{1,2}\d00001/);
  });

  it('repaints everything after resizes, with keys between them', async () => {
    const s = await startIndexed(120, 40);
    s.resize(80, 24);
    s.press('j');
    await s.waitForStatus(/ 2\/2225 /);
    s.resize(100, 30);
    s.write('jj');
    await s.waitForStatus(/ 4\/2225 /);
    s.resize(60, 16);
    s.resize(120, 40);
    s.press('down');
    await s.waitForStatus(/ 5\/2225 /);
    await s.waitFor('│', 'the split layout back at 120 columns');
    const { shown, repainted } = await screenAndRepaint(s);
    expect(firstDifference(shown, repainted)).toBeNull();
    for (const line of s.lines()) expect(line.length).toBeLessThanOrEqual(120);
  });
});
