/**
 * The remembered first screen: a launch that finds the library and terminal as a previous
 * launch left them draws that launch's first frame before Ink loads, and Ink then changes
 * nothing but the status bar's activity note. A launch that finds them changed shows
 * nothing remembered. A launch stamped as the one that checked the frame (a quit, or a
 * signal, left everything as it was) draws it before anything else loads.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import xterm from '@xterm/headless';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, runCli } from '../cli/run-cli.js';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type PtySession, spawnReader } from './pty.js';

const COLS = 120;
const ROWS = 40;
const BEGIN_SYNC = '\u001b[?2026h';
const END_SYNC = '\u001b[?2026l';

let session: PtySession | null = null;
let articles: string;

beforeAll(() => {
  if (!hasShared) return;
  articles = mkdtempSync(path.join(tmpdir(), 'newsreader-first-screen-'));
  const business = path.join(bbcDir, 'business');
  for (const name of readdirSync(business).sort().slice(0, 30)) copyFileSync(path.join(business, name), path.join(articles, name));
});

afterEach(() => {
  session?.dispose();
  session = null;
});

function launch(db: string): PtySession {
  // Colour on, whatever the runner's environment: the frames compared carry attributes.
  session = spawnReader({ cols: COLS, rows: ROWS, args: [articles], env: { NEWSREADER_DB: db, FORCE_COLOR: '3' } });
  return session;
}

async function quit(s: PtySession): Promise<void> {
  s.press('q');
  expect((await s.waitForExit()).exitCode).toBe(0);
  session = null;
}

/** Launch, wait until the start-up check of the files is over, and quit. */
async function launchAndQuit(db: string): Promise<void> {
  const s = launch(db);
  await s.waitForStatus(/ 1\/30 /);
  await s.waitFor(() => !/indexing|looking/.test(s.status()), 'the start-up check to end');
  await quit(s);
}

/** Every cell of a screen (text and attributes), one string per row. */
async function cellsOf(output: string): Promise<string[]> {
  const term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(output, resolve));
  const rows = cellRows(term);
  term.dispose();
  return rows;
}

function cellRows(term: InstanceType<typeof xterm.Terminal>): string[] {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    let row = '';
    for (let x = 0; x < term.cols; x++) {
      const cell = line?.getCell(x);
      if (cell === undefined) continue;
      const flags = [cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isInverse()].map((on) => (on ? 1 : 0)).join('');
      row += `${cell.getChars() || ' '}${flags}${cell.getFgColor()}/${cell.getBgColor()}|`;
    }
    rows.push(row);
  }
  return rows;
}

/** The rows a chunk of output moves the cursor to (1-based), as the frame writer addresses them. */
function rowsWritten(output: string): number[] {
  // eslint-disable-next-line no-control-regex -- the cursor-position escape is what is counted
  return Array.from(output.matchAll(/\u001b\[(\d+);1H/g), (match) => Number(match[1]));
}

describe.skipIf(!hasShared)('the remembered first screen', () => {
  it('is drawn before Ink loads, and Ink changes nothing on it but the activity note', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    await launchAndQuit(db);
    expect(existsSync(`${db}-screen`)).toBe(true);

    const s = launch(db);
    await s.waitForStatus(/ 1\/30 /);
    await s.waitFor(() => !/indexing|looking/.test(s.status()), 'the start-up check to end');
    await s.waitForQuiet();
    const start = s.output.indexOf(BEGIN_SYNC);
    const preFrameEnd = s.output.indexOf(END_SYNC, start) + END_SYNC.length;
    const preFrame = await cellsOf(s.output.slice(0, preFrameEnd));
    const settledScreen = cellRows(s.term);
    // The whole list and article, attributes included, are on screen from the first frame.
    expect(preFrame.slice(0, ROWS - 1)).toEqual(settledScreen.slice(0, ROWS - 1));
    expect(preFrame.join('')).toMatch(/\|[^|]{1,2}00001/);
    // After it, only the status bar was written to.
    expect(new Set(rowsWritten(s.output.slice(preFrameEnd)))).toEqual(new Set([ROWS]));
    await quit(s);
  });

  it('draws the remembered rows first, and Ink’s first frame puts right any row that differs', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    await launchAndQuit(db);
    const remembered = JSON.parse(readFileSync(`${db}-screen`, 'utf8')) as { fingerprint: string; rows: string[] };
    const headline = remembered.rows[0]!;
    remembered.rows[0] = 'A ROW THAT IS NOT IN THE LIBRARY';
    writeFileSync(`${db}-screen`, JSON.stringify(remembered));

    const s = launch(db);
    await s.waitForStatus(/ 1\/30 /);
    // Only the reader under Ink says the start-up check is over: the remembered frame says it has begun.
    await s.waitFor(() => !/indexing|looking/.test(s.status()), 'the start-up check to end');
    await s.waitForQuiet();
    const start = s.output.indexOf(BEGIN_SYNC);
    expect(s.output.slice(start, s.output.indexOf(END_SYNC, start))).toContain('A ROW THAT IS NOT IN THE LIBRARY');
    expect(s.lines()[0]).not.toContain('A ROW THAT IS NOT');
    expect(s.output).toContain(headline);
    expect(s.lines()[0]!.length).toBeGreaterThan(0);
    await quit(s);
  });

  it('after the reader moved, draws the screen it was quit on before Ink loads', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    const first = launch(db);
    await first.waitForStatus(/ 1\/30 /);
    await first.waitFor(() => !/indexing|looking/.test(first.status()), 'the start-up check to end');
    first.press('j', 'j', 'j');
    await first.waitForStatus(/ 4\/30 /);
    await quit(first);

    const s = launch(db);
    await s.waitForStatus(/ 4\/30 /);
    await s.waitForQuiet();
    const start = s.output.indexOf(BEGIN_SYNC);
    const preFrame = s.output.slice(start, s.output.indexOf(END_SYNC, start));
    // The restored view, drawn before Ink loaded: the fourth headline selected.
    expect(preFrame).toMatch(/ 4\/30 · /);
    await quit(s);
  });

  it('refuses a remembered frame holding anything but styled text', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    await launchAndQuit(db);
    const remembered = JSON.parse(readFileSync(`${db}-screen`, 'utf8')) as { fingerprint: string; rows: string[] };
    remembered.rows[0] = 'planted\u001b]0;planted title\u0007\u001b[2J';
    writeFileSync(`${db}-screen`, JSON.stringify(remembered));

    const s = launch(db);
    await s.waitFor(() => !/indexing|looking/.test(s.status()) && / 1\/30 /.test(s.status()), 'the reader under Ink');
    expect(s.output).not.toContain('planted');
    expect(s.received.titles).toEqual([]);
    await quit(s);
  });

  it('takes keys typed before Ink loads, without echoing them', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    await launchAndQuit(db);
    const s = launch(db);
    await s.waitFor(() => s.output.includes(END_SYNC), 'the first screen');
    s.write('jj');
    await s.waitForStatus(/ 3\/30 /);
    expect(s.lines().slice(0, ROWS - 1).join('\n')).not.toMatch(/jj/);
    await quit(s);
  });

  it('takes keys typed as the screen changes, without a remembered frame, without echoing them', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    const s = launch(db);
    // The alternate screen is entered before Ink draws: keys typed from then on are keys.
    await s.waitFor(() => s.output.includes('\u001b[?1049h'), 'the alternate screen');
    s.write('jj');
    await s.waitForStatus(/ 3\/30 /);
    expect(s.lines().slice(0, ROWS - 1).join('\n')).not.toMatch(/jj/);
    await quit(s);
  });

  it('is not shown once the library has changed: a star given since shows at once', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    await launchAndQuit(db);
    const s = launch(db);
    await s.waitForStatus(/ 1\/30 /);
    s.press('s');
    await s.waitFor(() => s.lines()[0]!.includes('★'), 'the star on the first row');
    await quit(s);

    const next = launch(db);
    await next.waitFor(() => next.output.includes(END_SYNC), 'the first frame');
    const start = next.output.indexOf(BEGIN_SYNC);
    const first = next.output.slice(start, next.output.indexOf(END_SYNC, start));
    expect(first).toContain('★');
    await quit(next);
  });

  it('after a quit, is drawn before the rest of the program loads, and still checked against the library', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    await launchAndQuit(db);
    const remembered = JSON.parse(readFileSync(`${db}-screen`, 'utf8')) as { fingerprint: string; rows: string[]; launch: { stamp: string } | null };
    expect(remembered.launch?.stamp).toEqual(expect.any(String));
    // A frame whose fingerprint no longer fits: only a launch that trusts its stamp draws it,
    // and the check that follows must put it right.
    remembered.fingerprint = 'not this library';
    remembered.rows[0] = 'A ROW DRAWN BEFORE THE CHECK';
    writeFileSync(`${db}-screen`, JSON.stringify(remembered));

    const s = launch(db);
    await s.waitFor(() => !/indexing|looking/.test(s.status()) && / 1\/30 /.test(s.status()), 'the reader under Ink');
    await s.waitForQuiet();
    const start = s.output.indexOf(BEGIN_SYNC);
    expect(s.output.slice(start, s.output.indexOf(END_SYNC, start))).toContain('A ROW DRAWN BEFORE THE CHECK');
    expect(s.screen()).not.toContain('A ROW DRAWN BEFORE THE CHECK');
    await quit(s);
    expect(readFileSync(`${db}-screen`, 'utf8')).not.toContain('A ROW DRAWN BEFORE THE CHECK');
  });

  it('is stamped by a session ended with a signal, as a closed terminal ends it', async () => {
    const db = freshDatabase();
    expect((await runCli(['index', '--db', db, articles])).code).toBe(0);
    const s = launch(db);
    await s.waitForStatus(/ 1\/30 /);
    await s.waitFor(() => !/indexing|looking/.test(s.status()), 'the start-up check to end');
    s.signal('SIGHUP');
    expect((await s.waitForExit()).exitCode).toBe(128 + 1);
    session = null;
    const remembered = JSON.parse(readFileSync(`${db}-screen`, 'utf8')) as { launch: { stamp: string } | null };
    expect(remembered.launch?.stamp).toEqual(expect.any(String));
  });

  it('is not drawn early once another process has changed the library since the quit', async () => {
    const db = freshDatabase();
    const folder = mkdtempSync(path.join(tmpdir(), 'newsreader-first-screen-changed-'));
    for (const name of readdirSync(articles)) copyFileSync(path.join(articles, name), path.join(folder, name));
    try {
      expect((await runCli(['index', '--db', db, folder])).code).toBe(0);
      const first = spawnReader({ cols: COLS, rows: ROWS, args: [folder], env: { NEWSREADER_DB: db, FORCE_COLOR: '3' } });
      session = first;
      await first.waitForStatus(/ 1\/30 /);
      await first.waitFor(() => !/indexing|looking/.test(first.status()), 'the start-up check to end');
      await quit(first);
      rmSync(path.join(folder, readdirSync(folder).sort()[0]!));
      expect((await runCli(['index', '--db', db, folder])).code).toBe(0);

      const s = spawnReader({ cols: COLS, rows: ROWS, args: [folder], env: { NEWSREADER_DB: db, FORCE_COLOR: '3' } });
      session = s;
      await s.waitFor(() => s.output.includes(END_SYNC), 'the first frame');
      const start = s.output.indexOf(BEGIN_SYNC);
      const firstFrame = s.output.slice(start, s.output.indexOf(END_SYNC, start));
      expect(firstFrame).toMatch(/ 1\/29 /);
      expect(firstFrame).not.toMatch(/ 1\/30 /);
      await quit(s);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
