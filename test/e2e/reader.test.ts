import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types.js';
import { loadArticles } from '../../src/library/load-all.js';
import { freshDatabase } from '../cli/run-cli.js';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type PtySession, spawnReader } from './pty.js';

let session: PtySession | null = null;
let bbc: Article[];

beforeAll(async () => {
  if (hasShared) bbc = (await loadArticles([bbcDir])).articles;
});

afterEach(() => {
  session?.dispose();
  session = null;
});

function start(cols: number, rows: number, args: string[] = [], env: Record<string, string> = {}): PtySession {
  session = spawnReader({ cols, rows, args, env });
  return session;
}

/** Quit with Q (from wherever the reader is) and check the terminal is as it was: normal screen, cursor shown. */
async function quitAndCheckRestored(s: PtySession): Promise<void> {
  s.press('Q');
  const exit = await s.waitForExit();
  expect(exit.exitCode).toBe(0);
  expect(s.alternateScreen).toBe(false);
  expect(s.cursorVisible).toBe(true);
}

describe.each([
  [120, 40],
  [60, 20],
])('at %ix%i', (cols, rows) => {
  it('starts on the seed with the headline and the article, and quits restoring the terminal', async () => {
    const s = start(cols, rows);
    await s.waitFor('US-Russia talks on Syria');
    expect(s.alternateScreen).toBe(true);
    expect(s.cursorVisible).toBe(false);
    await s.waitForStatus(/1\/1/);
    if (cols < 100) {
      s.press('return');
      await s.waitForStatus(/scroll/);
    }
    await s.waitFor('Presidents Barack Obama');
    for (const line of s.lines()) expect(line.length).toBeLessThanOrEqual(cols);
    await quitAndCheckRestored(s);
  });

  it.skipIf(!hasShared)('moves through the BBC corpus with j/k and the arrows', async () => {
    const s = start(cols, rows, [bbcDir]);
    await s.waitForStatus(/1\/2225/);
    s.press('j', 'j', 'down');
    await s.waitForStatus(/4\/2225/);
    const fourth = bbc[3]!.headline;
    if (cols >= 100) {
      // The article pane follows the selection; its headline comes after the header.
      await s.waitFor(() => s.lines()[3]!.includes(fourth), 'the fourth article in the pane');
    } else {
      s.press('return');
      await s.waitFor(() => s.lines()[3]!.includes(fourth), 'the fourth article full screen');
      s.press('escape');
      await s.waitForStatus(/move/);
    }
    s.press('k', 'up');
    await s.waitForStatus(/2\/2225/);
    s.press('G');
    await s.waitForStatus(/2225\/2225/);
    await quitAndCheckRestored(s);
  });

  it('opens the help and closes it', async () => {
    const s = start(cols, rows);
    await s.waitForStatus(/1\/1/);
    s.press('?');
    await s.waitFor('Headline list');
    s.press('escape');
    await s.waitFor(() => !s.screen().includes('Headline list'), 'help to close');
    await quitAndCheckRestored(s);
  });
});

describe('terminal lifecycle', () => {
  it.each([
    ['in the list', []],
    ['in the help', ['?']],
    ['in the search field', ['/', 'o']],
  ])('restores the terminal after Ctrl-C %s and exits 130, as shells expect', async (_where, keys) => {
    const s = start(80, 24);
    await s.waitForStatus(/1\/1/);
    s.write(keys.join(''));
    s.press('ctrl+c');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(130);
    expect(s.alternateScreen).toBe(false);
    expect(s.cursorVisible).toBe(true);
  });

  it.each(['SIGTERM', 'SIGHUP'] as const)('restores the terminal on %s', async (signal) => {
    const s = start(80, 24);
    await s.waitForStatus(/1\/1/);
    s.signal(signal);
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(signal === 'SIGTERM' ? 143 : 129);
    expect(s.alternateScreen).toBe(false);
    expect(s.cursorVisible).toBe(true);
  });

  it('suspends on Ctrl-Z and redraws when continued', async () => {
    const s = start(80, 24);
    await s.waitForStatus(/1\/1/);
    s.press('j');
    s.press('ctrl+z');
    await s.waitFor(() => !s.alternateScreen && s.cursorVisible, 'the normal screen while suspended');
    // Continued only once stopped: a SIGCONT before the stop would be lost.
    await s.waitFor(() => s.isStopped(), 'the process stopped');
    s.signal('SIGCONT');
    await s.waitFor(() => s.alternateScreen && s.screen().includes('US-Russia talks'), 'the reader redrawn');
    expect(s.cursorVisible).toBe(false);
    await quitAndCheckRestored(s);
  });

  it('re-lays out when the terminal is resized', async () => {
    const s = start(120, 40);
    await s.waitFor('│');
    s.resize(60, 20);
    await s.waitFor(() => !s.screen().includes('│') && s.status().includes('1/1'), 'the narrow layout');
    await quitAndCheckRestored(s);
  });

  it('gives a clear error when standard input is not a terminal', async () => {
    const s = (session = spawnReader({ cols: 120, rows: 24, stdinNotTerminal: true }));
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(2);
    await s.waitFor(/needs a terminal/);
    expect(s.screen().split('\n').filter((l) => l.trim() !== '')).toHaveLength(1);
  });

  it('lists the articles instead when TERM is dumb', async () => {
    const s = start(120, 40, [], { TERM: 'dumb' });
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    await s.waitFor(/needs a terminal that can move the cursor/);
    await s.waitFor(/2016-09-06\s+-\s+US-Russia talks on Syria end without deal/);
    expect(s.output).not.toContain('\u001b[?1049h');
  });
});

describe('when something breaks', () => {
  const fixture = new URL('./fixtures/failing-reader.ts', import.meta.url).pathname;

  it.each([
    ['render', 'the library is unreadable'],
    ['timer', 'a timer went wrong'],
    ['reject', 'a promise went wrong'],
  ])('restores the terminal and prints one line (%s)', async (mode, message) => {
    const s = (session = spawnReader({ cols: 100, rows: 24, script: fixture, args: [mode] }));
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(1);
    expect(s.alternateScreen).toBe(false);
    expect(s.cursorVisible).toBe(true);
    const shown = s.lines().filter((line) => line.trim() !== '');
    expect(shown).toEqual([`newsreader: unexpected error: ${message}`]);
  });
});

describe.skipIf(!hasShared)('search in a real terminal', () => {
  it('finds as you type, highlights, keeps results on Enter and jumps with n', async () => {
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [bbcDir] }));
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first(?! · indexing)/);
    s.press('/');
    await s.waitFor(() => s.lines().at(-2)!.startsWith('/'), 'the search field');
    s.write('yukos');
    const count = bbc.filter((a) => a.blocks.some((b) => /\byukos\b/i.test(b.text))).length;
    await s.waitForStatus(new RegExp(`1/${count} · ${count} matches`));
    s.press('return');
    await s.waitFor(() => !s.lines().at(-2)!.startsWith('/'), 'the field to close');
    s.press('return');
    await s.waitForStatus(/scroll/);
    s.press('n');
    await s.waitForStatus(/match 1\/\d+/);
    // The match is drawn highlighted: a background colour on the cells of "Yukos".
    const buffer = s.term.buffer.active;
    const highlighted = s.lines().some((line, y) => {
      const at = line.toLowerCase().indexOf('yukos', 49);
      return at >= 0 && (buffer.getLine(buffer.viewportY + y)?.getCell(at)?.getBgColor() ?? 0) !== 0;
    });
    expect(highlighted).toBe(true);
    s.press('escape');
    await s.waitForStatus(/j\/k move/);
    s.press('escape');
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first/);
    await quitAndCheckRestored(s);
  });

  it('moves in the hits with a j sent right after the Enter that closes the field', async () => {
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [bbcDir] }));
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first(?! · indexing)/);
    s.write('/yukos');
    const count = bbc.filter((a) => a.blocks.some((b) => /\byukos\b/i.test(b.text))).length;
    await s.waitForStatus(new RegExp(`1/${count} · ${count} matches`));
    s.write('\r');
    s.write('j');
    await s.waitForStatus(new RegExp(`2/${count} · ${count} matches`));
    expect(s.lines().at(-2)!.startsWith('/')).toBe(false);
    await quitAndCheckRestored(s);
  });

  it('takes two Escapes in one read as two: back from the article, then out of the results', async () => {
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [bbcDir] }));
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first(?! · indexing)/);
    s.write('/yukos');
    await s.waitForStatus(/matches/);
    s.press('return', 'return');
    await s.waitForStatus(/scroll/);
    s.write('\u001b\u001b');
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first/);
    expect(s.status()).toMatch(/j\/k move/);
    await quitAndCheckRestored(s);
  });

  it('leaves the field and the results with /x and two Escapes in one read', async () => {
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [bbcDir] }));
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first(?! · indexing)/);
    s.press('j');
    s.write('/x');
    await s.waitFor(() => s.lines().at(-2)!.startsWith('/x'), 'the query in the field');
    s.write('\u001b\u001b');
    await s.waitFor(() => !s.lines().at(-2)!.startsWith('/'), 'the field to close');
    await s.waitForStatus(/2\/2225 · \d+ unread · newest first +j\/k move/);
    await quitAndCheckRestored(s);
  });
});

describe('Enter as a line feed', () => {
  it('opens the article on a line feed, as Enter typed before the terminal is in raw mode arrives', async () => {
    const s = (session = spawnReader({ cols: 60, rows: 20 }));
    await s.waitForStatus(/1\/1/);
    s.write('\n');
    await s.waitForStatus(/scroll/);
    await quitAndCheckRestored(s);
  });

  it('opens the article on an Enter pressed before the reader has drawn anything', async () => {
    // A library indexed already, so the article is there at once when the Enter is read.
    const db = freshDatabase();
    const first = (session = spawnReader({ cols: 60, rows: 20, env: { NEWSREADER_DB: db } }));
    await first.waitForStatus(/1\/1 · \d+ unread · newest first(?! · indexing)/);
    await quitAndCheckRestored(first);
    first.dispose();
    const s = (session = spawnReader({ cols: 60, rows: 20, env: { NEWSREADER_DB: db } }));
    // Written at once: the terminal is not in raw mode yet, so it turns the CR into LF.
    s.press('return');
    await s.waitForStatus(/scroll/);
    await s.waitFor('Presidents Barack Obama');
    await quitAndCheckRestored(s);
  });
});
