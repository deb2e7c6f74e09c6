/**
 * The built reader in a real pseudo-terminal on the BBC corpus: keys written together act
 * one after the other on what the key before left, what two readers on one library do is
 * seen by both, search hits page on to the last, and the article says what it is.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types.js';
import { loadArticles } from '../../src/library/load-all.js';
import { initialState } from '../../src/state/reducer.js';
import { layoutOf } from '../../src/state/layout.js';
import { layoutArticle } from '../../src/terminal/article-layout.js';
import { freshDatabase } from '../cli/run-cli.js';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type PtySession, spawnReader } from './pty.js';

const COLS = 120;
const ROWS = 40;
const TOTAL = 2225;

let bbc: Article[];
const sessions: PtySession[] = [];

beforeAll(async () => {
  if (hasShared) bbc = (await loadArticles([bbcDir])).articles;
});

afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

/**
 * The reader on BBC with its own database, once the first indexing is done. Colour is
 * forced so that attributes reach the emulator whatever CI says.
 */
async function start(db = freshDatabase()): Promise<PtySession> {
  const s = spawnReader({ cols: COLS, rows: ROWS, args: ['--db', db, bbcDir], env: { FORCE_COLOR: '1' } });
  sessions.push(s);
  await s.waitForStatus(new RegExp(`^ 1/${TOTAL} · \\d+ unread · newest first\\s`));
  return s;
}

function cell(s: PtySession, x: number, y: number) {
  const buffer = s.term.buffer.active;
  return buffer.getLine(buffer.viewportY + y)?.getCell(x);
}

/** Screen rows of the list drawn inverse (the selection). */
function inverseRows(s: PtySession): number[] {
  return s.lines().flatMap((_, y) => (y < ROWS - 1 && cell(s, 3, y)?.isInverse() ? [y] : []));
}

/** The list's part of screen row `y`. */
const listText = (s: PtySession, y: number): string => (s.lines()[y] ?? '').split('│')[0] ?? '';

describe.skipIf(!hasShared)('keys written together, on BBC at 120x40', () => {
  it('js stars the row it moved to, jm marks it, ss leaves it unstarred, one write or key by key', async () => {
    const s = await start();
    s.write('jjjjjjjjjj');
    await s.waitForStatus(/^ 11\/2225/);
    s.write('js');
    await s.waitForStatus(/^ 12\/2225/);
    await s.waitFor(() => listText(s, 11).startsWith('●★'), 'the star on row 12');
    expect(listText(s, 10)).not.toContain('★');
    expect(inverseRows(s)).toEqual([11]);
    s.write('jm');
    await s.waitForStatus(/^ 13\/2225/);
    await s.waitFor(() => listText(s, 12).startsWith('  '), 'row 13 read');
    expect(listText(s, 11).startsWith('●★')).toBe(true);
    s.write('ss');
    s.press('j');
    await s.waitForStatus(/^ 14\/2225/);
    expect(listText(s, 12)).not.toContain('★');
    // The same keys one by one, each waiting for the screen.
    s.press('s');
    await s.waitFor(() => listText(s, 13).includes('★'), 'the star on row 14');
    s.press('s');
    await s.waitFor(() => !listText(s, 13).includes('★'), 'row 14 unstarred');
    expect(inverseRows(s)).toEqual([13]);
  });

  it('[G and ]G open the neighbouring article and go to its end', async () => {
    // A short article between two long ones, at the pane's width.
    const state = initialState({ width: COLS, height: ROWS, count: TOTAL, canSearch: true });
    const { articleWidth, bodyRows } = layoutOf({ ...state, focus: 'article' });
    const lines = bbc.map((a) => layoutArticle(a, articleWidth, null).lines.length);
    const row = lines.findIndex((n, i) => i > 0 && n <= bodyRows && lines[i - 1]! > bodyRows && lines[i + 1]! > bodyRows);
    expect(row).toBeGreaterThan(0);
    const s = await start();
    s.write('j'.repeat(row));
    await s.waitForStatus(new RegExp(`^ ${row + 1}/${TOTAL}`));
    s.press('return');
    await s.waitForStatus(new RegExp(`^ ${row + 1}/${TOTAL} · \\d+ unread · all`));
    s.write('[G');
    await s.waitForStatus(new RegExp(`^ ${row}/${TOTAL} · \\d+ unread · end`));
    expect(s.screen()).toContain(lastLine(bbc[row - 1]!, articleWidth));
    s.write(']');
    await s.waitForStatus(new RegExp(`^ ${row + 1}/${TOTAL} · \\d+ unread · all`));
    s.write(']G');
    await s.waitForStatus(new RegExp(`^ ${row + 2}/${TOTAL} · \\d+ unread · end`));
    expect(s.screen()).toContain(lastLine(bbc[row + 1]!, articleWidth));
  });

  it('/oil Enter j s in one write stars the second hit, with the hits styled', async () => {
    const s = await start();
    s.write('/oil\rjs');
    await s.waitForStatus(/^ 2\/\d+ · \d+ matches/);
    await s.waitFor(() => listText(s, 1).startsWith('●★'), 'the star on the second hit');
    expect(listText(s, 0)).not.toContain('★');
    expect(inverseRows(s)).toEqual([1]);
    const underlinedMatch = s.lines().some((_, y) => {
      const at = listText(s, y).toLowerCase().indexOf('oil');
      return at >= 0 && Boolean(cell(s, at, y)?.isUnderline());
    });
    expect(underlinedMatch).toBe(true);
  });

  it('pages search hits on demand: /is:unread then G reaches the last of 2,225', async () => {
    const s = await start();
    s.write('/is:unread\r');
    await s.waitForStatus(/^ 1\/2225 · 2225 matches/);
    s.write('G');
    await s.waitForStatus(/^ 2225\/2225 · 2225 matches/);
    const last = bbc[TOTAL - 1]!.headline.slice(0, 30);
    await s.waitFor(() => listText(s, ROWS - 2).includes(last), 'the last hit drawn');
    expect(inverseRows(s)).toEqual([ROWS - 2]);
  });

  it('starts the article with its source, date and section, and the file dimmed', async () => {
    const s = await start();
    const pane = (y: number): string => (s.lines()[y] ?? '').split('│')[1] ?? '';
    // The list may be drawn once more after the status bar says indexing is over.
    await s.waitFor(() => pane(1).trim() === bbc[0]!.path, 'the newest article in the pane');
    expect(pane(0).trim()).toBe(`no date · ${bbc[0]!.section}`);
    expect(pane(1).trim()).toBe(bbc[0]!.path);
    const x = (s.lines()[1] ?? '').indexOf(bbc[0]!.path);
    expect(cell(s, x, 1)?.isDim()).toBeTruthy();
    expect(cell(s, x, 0)?.isDim()).toBeFalsy();
    expect(pane(3).trim()).toBe(bbc[0]!.headline);
  });
});

describe.skipIf(!hasShared)('a search typed during the first indexing', () => {
  it('shows every match once indexing ends, without another key', async () => {
    const s = spawnReader({ cols: COLS, rows: ROWS, args: ['--db', freshDatabase(), bbcDir], env: { FORCE_COLOR: '1' } });
    sessions.push(s);
    await s.waitForStatus(/looking|indexing|0\/0/);
    s.write('/oil');
    await s.waitFor(() => s.lines().some((line) => line.startsWith('/oil')), 'the query in the field');
    const count = bbc.filter((a) => /\boil/i.test(`${a.headline}\n${a.blocks.map((b) => b.text).join('\n')}`)).length;
    // Then nothing is left running, and the count stays.
    await s.waitForStatus(new RegExp(`^ 1/${count} · ${count} matches · by relevance\\s+j/k`));
  });
});

describe.skipIf(!hasShared)('two readers on one library', () => {
  it("each sees the other's stars and reads", async () => {
    const db = freshDatabase();
    const a = await start(db);
    const b = await start(db);
    a.write('s');
    await b.waitFor(() => listText(b, 0).includes('★'), "the other reader's star");
    b.write('jm');
    await a.waitFor(() => listText(a, 1).startsWith('  '), "the other reader's mark read");
    expect(listText(a, 0)).toContain('★');
  });
});

/** The last line of an article laid out at `width`, as the end of the pane shows it. */
function lastLine(article: Article, width: number): string {
  const line = layoutArticle(article, width, null).lines.at(-1)!;
  return line.segments.map((segment) => segment.text).join('');
}
