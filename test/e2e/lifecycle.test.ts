/**
 * The reader among the shell's other programs: suspended and continued from a real bash
 * with job control, resized while stopped, quitting back to the prompt, and what it leaves
 * on stderr.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../cli/run-cli.js';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type PtySession, readerCommand, spawnReader } from './pty.js';

let session: PtySession | null = null;

afterEach(() => {
  session?.dispose();
  session = null;
});

/** A bash in a pseudo-terminal, at its first prompt. */
async function shell(cols: number, rows: number): Promise<PtySession> {
  session = spawnReader({ cols, rows, shell: true, env: { CI: 'true' } });
  await session.waitFor(() => session!.lines()[0]!.trimEnd() === '$', 'the prompt');
  return session;
}

/** Lines of the shell's screen that are not blank. */
function shown(s: PtySession): string[] {
  return s.lines().filter((line) => line.trim() !== '');
}

describe('in a shell with job control', () => {
  it.skipIf(!hasShared)('draws nothing on the shell screen after jjj and Ctrl-Z in one read, and takes a resize made while stopped', async () => {
    const s = await shell(120, 40);
    s.write(`${readerCommand([bbcDir, '--db', freshDatabase()])}\r`);
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first(?! · indexing)/);
    s.write('jjj\u001a');
    await s.waitFor(() => !s.alternateScreen && /Stopped/.test(s.screen()), 'the job stopped');
    s.resize(80, 24);
    s.write('fg\r');
    await s.waitFor(() => s.alternateScreen && /4\/2225/.test(s.status()), 'the reader back');
    // Drawn for 80 columns: the list alone, one headline a row, the status bar at the bottom.
    await s.waitFor(() => !s.screen().includes('│') && s.lines().every((line) => line.length <= 80), 'the narrow layout');
    expect(s.status()).toMatch(/^ 4\/2225 · \d+ unread · newest first +j\/k move/);
    s.write('q');
    await s.waitFor(() => !s.alternateScreen && shown(s).at(-1)?.trimEnd() === '$', 'the prompt again');
    // The shell's screen has the command, the job messages and prompts, and nothing of the reader.
    const normal = shown(s).join('\n');
    expect(normal).not.toMatch(/\/2225|newest first|j\/k move|●/);
  });

  it('shows the cursor on standard output, leaving nothing on standard error', async () => {
    const s = await shell(80, 24);
    const errors = path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-stderr-')), 'stderr');
    s.write(`${readerCommand(['--db', freshDatabase()])} 2>${errors}\r`);
    await s.waitForStatus(/1\/1 · \d+ unread · newest first(?! · indexing)/);
    s.write('q');
    await s.waitFor(() => !s.alternateScreen && shown(s).at(-1)?.trimEnd() === '$', 'the prompt again');
    expect(s.cursorVisible).toBe(true);
    expect(JSON.stringify(readFileSync(errors, 'utf8'))).toBe('""');
  });
});

describe.skipIf(!hasShared)('SIGTERM during the first indexing', () => {
  it('quits between two transactions, without waiting for the rest, and leaves a library that opens', async () => {
    const db = freshDatabase();
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [bbcDir], env: { CI: 'true', NEWSREADER_DB: db } }));
    await s.waitFor(() => /indexing [1-9]\d*\/2225/.test(s.status()), 'indexing under way');
    s.signal('SIGTERM');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(143);
    expect(s.alternateScreen).toBe(false);
    expect(s.cursorVisible).toBe(true);
    // The handler ran while articles were still to be written, not after the last batch.
    const store = new Database(db, { readonly: true });
    try {
      const { count } = store.prepare('SELECT count(*) AS count FROM articles').get() as { count: number };
      expect(count).toBeLessThan(2225);
      expect(store.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  });
});

describe('first launch', () => {
  it.skipIf(!hasShared)('says it is looking for articles, never that there are none, while the first walk runs', async () => {
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [bbcDir], env: { CI: 'true' } }));
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first(?! · indexing)/);
    expect(s.output).toContain('looking…');
    expect(s.output).not.toContain('No articles here');
  });

  it('still says when there are no articles once it has looked', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'newsreader-empty-'));
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [empty], env: { CI: 'true' } }));
    await s.waitFor('No articles here');
  });
});
