/**
 * Crashes and concurrency, with real processes: a `newsreader index` killed with SIGKILL
 * mid-run, and two of them indexing into one database at once.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/library/store/sqlite-library.js';
import { runCli, spawnCli } from '../../cli/run-cli.js';
import { suiteCorpus, tempDir, waitFor } from './helpers.js';

const COUNT = 2000;
const corpus = suiteCorpus(COUNT, 11);

function articleCount(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

describe('the store under crashes and concurrency', () => {
  it('survives kill -9 mid-index: the database opens, checks ok, and a rerun completes', async () => {
    const db = path.join(tempDir(), 'library.db');
    const { child, result } = spawnCli(['index', '--db', db, corpus.dir]);
    await waitFor(() => articleCount(db) > 0);
    child.kill('SIGKILL');
    const ended = await result;
    expect(ended.signal).toBe('SIGKILL');
    const partial = articleCount(db);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(COUNT);

    const check = new Database(db);
    expect(check.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    check.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
    check.close();

    const rerun = await runCli(['index', '--db', db, corpus.dir]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`indexed ${COUNT} files .* ${COUNT - partial} added, 0 changed, 0 removed, ${partial} unchanged`));
    expect(articleCount(db)).toBe(COUNT);
  });

  it('lets two processes index the same paths into one database at once', async () => {
    const db = path.join(tempDir(), 'library.db');
    const [a, b] = await Promise.all([runCli(['index', '--db', db, corpus.dir]), runCli(['index', '--db', db, corpus.dir])]);
    expect(a.stderr).not.toMatch(/error|locked/i);
    expect(b.stderr).not.toMatch(/error|locked/i);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(articleCount(db)).toBe(COUNT);
    const lib = openLibrary({ paths: [corpus.dir], db });
    expect(lib.count({ sort: 'newest' })).toBe(COUNT);
    expect(lib.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    lib.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
    lib.close();
  });
});
