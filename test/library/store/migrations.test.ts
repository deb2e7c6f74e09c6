import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, migrate, MIGRATIONS, SCHEMA_VERSION, schemaVersion } from '../../../src/library/store/migrations.js';
import { openStore, StoreError } from '../../../src/library/store/open.js';
import { tempDir } from './helpers.js';

function insertArticle(db: Database.Database, rowPath: string, headline: string): void {
  db.prepare(
    `INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body)
     VALUES (?, ?, '/lib', NULL, ?, NULL, '2016-09-06', 'Reuters', 3, 10, 1, 1, 'h', '[]', '[]', 'aleppo ceasefire talks')`,
  ).run(`id-${headline}`, rowPath, headline);
}

function objectNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );
}

describe('migrations', () => {
  it('builds the whole schema on an empty database', () => {
    const db = new Database(path.join(tempDir(), 'library.db'));
    migrate(db);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(objectNames(db)).toEqual(
      expect.arrayContaining(['articles', 'articles_fts', 'user_state', 'articles_by_date', 'articles_by_headline', 'articles_fts_insert']),
    );
    const fts = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").get() as { sql: string };
    expect(fts.sql).toContain("tokenize = 'unicode61 remove_diacritics 2'");
    expect(fts.sql).toContain("prefix = '3'");
    expect(fts.sql).toContain('cjk_headline, cjk_text');
    expect(objectNames(db)).toContain('vocabulary');
    expect(fts.sql).toContain("content = 'articles'");
    db.close();
  });

  it('is idempotent: a second run changes nothing', () => {
    const db = new Database(path.join(tempDir(), 'library.db'));
    migrate(db);
    const before = objectNames(db);
    migrate(db);
    expect(objectNames(db)).toEqual(before);
    db.close();
  });

  for (let version = 1; version < SCHEMA_VERSION; version++) {
    it(`upgrades a version ${version} database keeping its articles and state (${MIGRATIONS[version]?.description})`, () => {
      const db = new Database(path.join(tempDir(), 'library.db'));
      migrate(db, version);
      expect(schemaVersion(db)).toBe(version);
      insertArticle(db, '/lib/a.txt', 'Syria talks');
      db.prepare('INSERT INTO user_state (id, read, starred, read_at) VALUES (?, 1, 0, 5)').run('id-Syria talks');
      migrate(db);
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT headline FROM articles').all()).toEqual([{ headline: 'Syria talks' }]);
      expect(db.prepare('SELECT read, read_at FROM user_state').get()).toEqual({ read: 1, read_at: 5 });
      // The full-text index covers rows written before it existed, and rows written after.
      insertArticle(db, '/lib/b.txt', 'Ceasefire holds');
      const hits = db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'aleppo'").all();
      expect(hits).toHaveLength(2);
      db.close();
    });
  }

  it('makes CJK text already stored searchable and fills the vocabulary from the index (steps 5 and 6)', () => {
    const db = new Database(path.join(tempDir(), 'library.db'));
    migrate(db, 4);
    insertArticle(db, '/lib/a.txt', 'Syria talks');
    db.prepare(
      `INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body)
       VALUES ('id-cjk', '/lib/cjk.txt', '/lib', NULL, '中国经济增长放缓', NULL, NULL, NULL, 1, 10, 1, 1, 'h', '[]', '[]', '今年经济形势')`,
    ).run();
    migrate(db);
    const match = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').pluck();
    expect(match.all('cjk_headline : "经济 济增"')).toHaveLength(1);
    expect(match.all('cjk_text : "经济"')).toHaveLength(1);
    expect(match.all('cjk_text : "济增"')).toHaveLength(0);
    expect(db.prepare('SELECT cjk_headline, cjk_text FROM articles WHERE id = ?').get('id-Syria talks')).toEqual({ cjk_headline: null, cjk_text: null });
    const vocabulary = db.prepare('SELECT term, docs FROM vocabulary WHERE term IN (?, ?)').all('aleppo', 'syria');
    expect(vocabulary).toEqual([
      { term: 'aleppo', docs: 1 },
      { term: 'syria', docs: 1 },
    ]);
    db.close();
  });

  it('adds an empty subscriptions table, from empty and from the version before it (step 9)', () => {
    const fresh = new Database(path.join(tempDir(), 'library.db'));
    migrate(fresh);
    expect(objectNames(fresh)).toContain('subscriptions');
    fresh.close();

    const db = new Database(path.join(tempDir(), 'library.db'));
    migrate(db, 8);
    insertArticle(db, '/lib/a.txt', 'Syria talks');
    migrate(db, 9);
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT count(*) AS n FROM subscriptions').get()).toEqual({ n: 0 });
    db.prepare("INSERT INTO subscriptions (url, added_at) VALUES ('https://example.org/feed', 1)").run();
    expect(db.prepare('SELECT tags, gone, etag FROM subscriptions').get()).toEqual({ tags: '[]', gone: 0, etag: null });
    expect(db.prepare('SELECT headline FROM articles').all()).toEqual([{ headline: 'Syria talks' }]);
    db.close();
  });

  it('adds the reader memory tables, keeping what was there (step 10)', () => {
    const db = new Database(path.join(tempDir(), 'library.db'));
    migrate(db, 9);
    insertArticle(db, '/lib/a.txt', 'Syria talks');
    migrate(db);
    expect(schemaVersion(db)).toBe(10);
    expect(objectNames(db)).toEqual(expect.arrayContaining(['reader_views', 'search_history']));
    expect(db.prepare('SELECT count(*) AS n FROM search_history').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT headline FROM articles').all()).toEqual([{ headline: 'Syria talks' }]);
    db.close();
  });

  it('refuses a database from a newer release with a clear error', () => {
    const file = path.join(tempDir(), 'library.db');
    const db = new Database(file);
    migrate(db);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/newer than this release/);
  });
});
