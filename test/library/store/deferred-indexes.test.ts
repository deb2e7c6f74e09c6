/**
 * A cold bulk index (`buildIndexesLast`) drops the articles indexes while it inserts and
 * builds them at the end; opening a database builds any a killed run left missing.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { articleText, suiteCorpus, tempDir, writeArticle } from './helpers.js';

/** At least the refresh's big-job size, below which nothing is deferred. */
const COUNT = 1000;
const ARTICLE_INDEXES = ['articles_by_date', 'articles_by_headline', 'articles_by_id'];
const corpus = suiteCorpus(COUNT, 5);

/** The deferrable indexes present; the feed-file index stays, a refresh looks feeds up by it as it writes. */
function articleIndexes(db: Database.Database): string[] {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'articles' AND sql IS NOT NULL AND name != 'articles_by_feed_file' ORDER BY name")
    .pluck()
    .all();
  return names as string[];
}

const synchronous = (db: Database.Database): number => db.pragma('synchronous', { simple: true }) as number;

/**
 * Refresh `lib`, noting the articles indexes present and the synchronous setting (0 off,
 * 1 normal) at each progress report while indexing.
 */
async function refreshWatchingIndexes(lib: SqliteLibrary): Promise<{ indexes: string[][]; syncs: Set<number> }> {
  const indexes: string[][] = [];
  const syncs = new Set<number>();
  const refresh = lib.refresh({ sliceMs: 1000, buildIndexesLast: true });
  refresh.onProgress((progress) => {
    if (progress.phase !== 'indexing' || progress.done === 0) return;
    indexes.push(articleIndexes(lib.db));
    syncs.add(synchronous(lib.db));
  });
  await refresh.done;
  expect(synchronous(lib.db)).toBe(1);
  return { indexes, syncs };
}

describe('building the articles indexes after a cold bulk index', () => {
  it('drops them while filling an empty database and has them all at the end', async () => {
    const lib = openLibrary({ paths: [corpus.dir], db: path.join(tempDir(), 'library.db') });
    const { indexes, syncs } = await refreshWatchingIndexes(lib);
    expect(indexes.length).toBeGreaterThan(0);
    expect(indexes.every((names) => names.length === 0)).toBe(true);
    expect([...syncs]).toEqual([0]);
    expect(articleIndexes(lib.db)).toEqual(ARTICLE_INDEXES);
    expect(lib.count({ sort: 'newest' })).toBe(COUNT);
    expect(lib.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    lib.close();
  });

  it('keeps them when the database already has articles', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'library.db');
    writeArticle(path.join(dir, 'other'), 'one.txt', articleText('Already in the library', 'Sep 6, 2016'));
    const first = openLibrary({ paths: [path.join(dir, 'other')], db });
    await first.refresh().done;
    first.close();
    const lib = openLibrary({ paths: [corpus.dir], db });
    const { indexes, syncs } = await refreshWatchingIndexes(lib);
    expect(indexes.length).toBeGreaterThan(0);
    expect(indexes.every((names) => names.join() === ARTICLE_INDEXES.join())).toBe(true);
    expect([...syncs]).toEqual([1]);
    lib.close();
  });

  it('keeps every sync when the empty database already holds user state', async () => {
    const lib = openLibrary({ paths: [corpus.dir], db: path.join(tempDir(), 'library.db') });
    lib.setState('an-article-read-before', { read: true });
    const { indexes, syncs } = await refreshWatchingIndexes(lib);
    expect(indexes.length).toBeGreaterThan(0);
    expect(indexes.every((names) => names.length === 0)).toBe(true);
    expect([...syncs]).toEqual([1]);
    expect(articleIndexes(lib.db)).toEqual(ARTICLE_INDEXES);
    lib.close();
  });

  it('builds missing ones when a database is opened, as after a bulk index was killed', async () => {
    const file = path.join(tempDir(), 'library.db');
    const lib = openLibrary({ paths: [corpus.dir], db: file });
    await lib.refresh().done;
    lib.close();
    const raw = new Database(file);
    raw.exec('DROP INDEX articles_by_date; DROP INDEX articles_by_headline');
    raw.close();
    const reopened = openLibrary({ paths: [corpus.dir], db: file });
    expect(articleIndexes(reopened.db)).toEqual(ARTICLE_INDEXES);
    reopened.close();
  });
});
