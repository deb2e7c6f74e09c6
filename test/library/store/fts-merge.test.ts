/**
 * A bulk index with long slices lets more FTS5 segments gather before merging them
 * (fts-merge.ts) and puts the setting back at the end; the reader's short slices leave it.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { automerge, BULK_AUTOMERGE, setAutomerge } from '../../../src/library/store/fts-merge.js';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { suiteCorpus, tempDir } from './helpers.js';

/** At least the refresh's big-job size, below which a refresh is never a bulk one. */
const COUNT = 1200;
const corpus = suiteCorpus(COUNT, 9);

/** Refresh with `sliceMs`, noting `automerge` at each progress report while indexing. */
async function automergeWhileIndexing(lib: SqliteLibrary, sliceMs: number): Promise<Set<number>> {
  const seen = new Set<number>();
  const refresh = lib.refresh({ sliceMs });
  refresh.onProgress((progress) => {
    if (progress.phase === 'indexing' && progress.done > 0) seen.add(automerge(lib.db));
  });
  const summary = await refresh.done;
  expect(summary.added).toBe(COUNT);
  return seen;
}

function ftsIntact(db: Database.Database): void {
  // FTS5 checks its index against the articles it was built from; it throws when they differ.
  expect(() => db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
}

describe('FTS5 merging during a bulk index', () => {
  it('gathers more segments while a long-sliced index writes, then has the default again', async () => {
    const lib = openLibrary({ paths: [corpus.dir], db: path.join(tempDir(), 'library.db') });
    expect(automerge(lib.db)).toBe(4);
    const seen = await automergeWhileIndexing(lib, 2000);
    expect([...seen]).toEqual([BULK_AUTOMERGE]);
    expect(automerge(lib.db)).toBe(4);
    ftsIntact(lib.db);
    expect(lib.db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'the'").pluck().get()).toBeGreaterThan(COUNT / 2);
    lib.close();
  });

  it('puts back a value the library had set, not the default', async () => {
    const lib = openLibrary({ paths: [corpus.dir], db: path.join(tempDir(), 'library.db') });
    setAutomerge(lib.db, 2);
    await automergeWhileIndexing(lib, 2000);
    expect(automerge(lib.db)).toBe(2);
    lib.close();
  });

  it('leaves it alone with the reader\'s short slices', async () => {
    const lib = openLibrary({ paths: [corpus.dir], db: path.join(tempDir(), 'library.db') });
    const seen = await automergeWhileIndexing(lib, 16);
    expect([...seen]).toEqual([4]);
    ftsIntact(lib.db);
    lib.close();
  });
});
