/**
 * Worker threads that die under the reader, and what the user sees: the refresh or search
 * goes on after one death and the status bar says so; after a second, the status bar says
 * why at once, reading goes on, and the next start indexes what is missing. Workers are
 * made to die with the test-only hooks (the first N workers exit on their second job).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../kit/corpus-generator.js';
import { TEST_ONLY_WORKER_DEATHS_ENV } from '../../src/library/store/parse-pool.js';
import { TEST_ONLY_SEARCH_WORKER_DEATHS_ENV } from '../../src/search/sqlite-searcher.js';
import { freshDatabase } from '../cli/run-cli.js';
import { type PtySession, spawnReader } from './pty.js';

/** Enough files for the refresh to parse in workers (a chunk is 100 files). */
const COUNT = 2000;

let dir: string;
let corpus: string;
let session: PtySession | null = null;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-worker-failures-'));
  corpus = path.join(dir, 'corpus');
  generateCorpus({ count: COUNT, seed: 3, out: corpus });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  session?.dispose();
  session = null;
});

function start(env: Record<string, string>): PtySession {
  session = spawnReader({ cols: 120, rows: 40, args: [corpus], env: { CI: 'true', ...env } });
  return session;
}

const INDEXED = new RegExp(`^ \\d+/${COUNT} · \\d+ unread · newest first(?! · indexing)`);

describe('a parse worker that dies', () => {
  it('once: indexing goes on and the status bar says a worker was restarted', async () => {
    const s = start({ [TEST_ONLY_WORKER_DEATHS_ENV]: '1' });
    await s.waitForStatus(/indexing \d+\/2000 · a parse worker stopped and was restarted/, 60_000);
    await s.waitForStatus(INDEXED, 60_000);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('twice: the failure shows at once, reading goes on, and the next start indexes the rest', async () => {
    const db = freshDatabase();
    const s = start({ [TEST_ONLY_WORKER_DEATHS_ENV]: '2', NEWSREADER_DB: db });
    await s.waitForStatus(/indexing failed: parse worker stopped \(exit code 70\)/, 60_000);
    const shown = Number(/^ 1\/(\d+) /.exec(s.status())?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(COUNT);
    // The list still answers keys, one at a time and several in one write.
    s.press('j');
    await s.waitForStatus(/^ 2\/\d+ · \d+ unread · newest first · indexing failed/);
    s.write('jj');
    await s.waitForStatus(/^ 4\/\d+ · \d+ unread · newest first · indexing failed/);
    s.press('q');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    // Said again on the normal screen, where it stays.
    expect(s.screen()).toContain('newsreader: parse worker stopped (exit code 70)');
    s.dispose();

    // The next start, with healthy workers, indexes what was missing.
    const again = (session = spawnReader({ cols: 120, rows: 40, args: [corpus], env: { CI: 'true', NEWSREADER_DB: db } }));
    await again.waitForStatus(INDEXED, 60_000);
    again.press('G');
    await again.waitForStatus(new RegExp(`^ ${COUNT}/${COUNT} `));
    again.press('q');
    expect((await again.waitForExit()).exitCode).toBe(0);
  }, 120_000);
});

describe('a search worker that dies', () => {
  it('is restarted once and the status bar says so; after a second death it says search is unavailable', async () => {
    const s = start({ [TEST_ONLY_SEARCH_WORKER_DEATHS_ENV]: '2' });
    await s.waitForStatus(INDEXED, 60_000);
    // The last change of the indexing may still ask an open search again (after 300 ms):
    // let it pass first, so that each worker hears exactly the queries typed below.
    await s.waitForQuiet(500);
    s.press('/');
    await s.waitFor(() => s.lines().at(-2)!.startsWith('/'), 'the search field');
    // First query: answered by the first worker.
    s.write('t');
    await s.waitForStatus(/^ 1\/\d+ · \d+ matches(?! · search)/);
    // Second: the first worker dies on it, the second answers it.
    s.write('h');
    await s.waitForStatus(/^ 1\/\d+ · \d+ matches · (?:by relevance · )?search restarted after its worker stopped/);
    expect(s.lines().at(-1)).not.toMatch(/unavailable/);
    // Third: the second worker dies on it; search ends and says why, in the field and the bar.
    s.write('e');
    await s.waitForStatus(/search unavailable: search worker stopped \(exit code 70\)/);
    await s.waitFor(() => s.screen().includes('search unavailable'), 'the reason on screen');
    // Reading goes on.
    s.press('escape');
    await s.waitFor(() => !s.lines().at(-2)!.startsWith('/'), 'the field to close');
    s.press('j');
    await s.waitForStatus(/^ 2\/2000 · \d+ unread · newest first · search unavailable/);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  }, 120_000);
});
