/**
 * The schema, as ordered migration steps. `PRAGMA user_version` records how many steps a
 * database has had; opening runs the missing ones, each in its own transaction, so a
 * database from any older release is brought up to date and a crash mid-step leaves
 * the previous version intact.
 *
 * The tables are a contract with search (src/search): `articles` with rowid keys, the
 * external-content FTS5 table `articles_fts` kept in sync by triggers, `user_state`
 * keyed by the article's stable id, and the word list `vocabulary`.
 */
import type Database from 'better-sqlite3';
import { cjkPairText } from '../index-text.js';

/** 'NWRD': marks a database as ours, so a foreign SQLite file is not taken for one. */
export const APPLICATION_ID = 0x4e575244;

export interface Migration {
  /** What the step does, for errors and tests. */
  description: string;
  sql: string;
  /** Work SQL alone cannot do, run after `sql` in the same transaction. */
  after?: (db: Database.Database) => void;
}

/** The full-text columns, in the order BM25 weights are given (src/search/compile.ts). */
const FTS_COLUMNS = 'headline, standfirst, body, source, section, cjk_headline, cjk_text';
const ftsValues = (row: 'new' | 'old'): string => FTS_COLUMNS.split(', ').map((column) => `${row}.${column}`).join(', ');

/**
 * The full-text table and the triggers that keep it in step with `articles`, as of step 5.
 * Prefix index for three-letter prefixes only: the two-letter one cost a third of the write
 * time of a cold index (synthetic 10,000, CPU: 1.55 s -> 1.10 s), so the reader's
 * typing prefix starts at three letters (src/search/query.ts).
 */
const FTS_SCHEMA = `
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    ${FTS_COLUMNS},
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3',
    content = 'articles',
    content_rowid = 'rowid'
  );
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
  WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred) BEGIN
    INSERT INTO articles_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${ftsValues('new')});
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${ftsValues('old')});
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF ${FTS_COLUMNS} ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, ${FTS_COLUMNS}) VALUES ('delete', old.rowid, ${ftsValues('old')});
    INSERT INTO articles_fts (rowid, ${FTS_COLUMNS}) VALUES (new.rowid, ${ftsValues('new')});
  END;
  INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'articles and user state',
    sql: `
      CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        path TEXT NOT NULL UNIQUE,
        root TEXT NOT NULL,
        section TEXT,
        headline TEXT NOT NULL,
        standfirst TEXT,
        date TEXT,
        source TEXT,
        words INTEGER NOT NULL,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        ino INTEGER NOT NULL,
        hash TEXT NOT NULL,
        blocks TEXT NOT NULL,
        warnings TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX articles_by_date ON articles (date DESC, path);
      CREATE INDEX articles_by_id ON articles (id);
      CREATE TABLE user_state (
        id TEXT PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        read_at INTEGER,
        starred_at INTEGER
      );
    `,
  },
  {
    description: 'full-text index over headline, standfirst, body, source and section',
    sql: `
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, standfirst, body, source, section,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3',
        content = 'articles',
        content_rowid = 'rowid'
      );
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, headline, standfirst, body, source, section)
        VALUES (new.rowid, new.headline, new.standfirst, new.body, new.source, new.section);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, body, source, section)
        VALUES ('delete', old.rowid, old.headline, old.standfirst, old.body, old.source, old.section);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, standfirst, body, source, section ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, standfirst, body, source, section)
        VALUES ('delete', old.rowid, old.headline, old.standfirst, old.body, old.source, old.section);
        INSERT INTO articles_fts (rowid, headline, standfirst, body, source, section)
        VALUES (new.rowid, new.headline, new.standfirst, new.body, new.source, new.section);
      END;
      INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    `,
  },
  {
    description: 'index for sorting by headline; partial indexes for the unread and starred views',
    sql: `
      CREATE INDEX articles_by_headline ON articles (headline COLLATE NOCASE, path);
      CREATE INDEX user_state_starred ON user_state (id) WHERE starred = 1;
      CREATE INDEX user_state_read ON user_state (id) WHERE read = 1;
    `,
  },
  {
    description: 'bulk inserts may add their full-text rows in one statement',
    // Adding a batch's FTS rows with one INSERT … SELECT after the articles is twice as
    // fast as a trigger per row (BBC: 0.40 s against 0.80 s). A writer that does so puts a
    // row in articles_fts_deferred inside its transaction; every other insert, by any
    // program, still goes through the trigger, so the index can never miss a row.
    sql: `
      CREATE TABLE articles_fts_deferred (writer INTEGER);
      DROP TRIGGER articles_fts_insert;
      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
      WHEN NOT EXISTS (SELECT 1 FROM articles_fts_deferred) BEGIN
        INSERT INTO articles_fts (rowid, headline, standfirst, body, source, section)
        VALUES (new.rowid, new.headline, new.standfirst, new.body, new.source, new.section);
      END;
      -- FTS5 flushes pending terms to a new segment whenever they pass hashsize (1 MB by
      -- default), which splits a 1,000-article batch into many small segments to merge
      -- later; 16 MB keeps a batch in one (synthetic 5,000: FTS 0.70 s -> 0.47 s).
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
    `,
  },
  {
    description: 'undated articles sort by file modification time; text with character references read again',
    // sort_date is the article's date, or for an undated one its file's modification time
    // in UTC to the millisecond (library.ts sortDate computes the same string), so a file
    // added later sorts as newer. A virtual column costs no space; the index stores it.
    // Rows whose text may hold &#163; or &amp; are made to look changed (size -1, no hash),
    // so the next refresh parses them again and shows and indexes the decoded text.
    sql: `
      ALTER TABLE articles ADD COLUMN sort_date TEXT GENERATED ALWAYS AS
        (COALESCE(date, strftime('%Y-%m-%dT%H:%M:%fZ', CAST(mtime_ms AS INTEGER) / 1000.0, 'unixepoch'))) VIRTUAL;
      DROP INDEX IF EXISTS articles_by_date;
      CREATE INDEX articles_by_date ON articles (sort_date DESC, path);
      UPDATE articles SET size = -1, hash = '' WHERE blocks LIKE '%&%;%';
    `,
  },
  {
    description: 'feed entries: the feed file they come from, link, feed title, time, author, categories, enclosures',
    // An entry's row has path `FILE#ID` and feed_file FILE (its `source` is the feed's path
    // or URL); article files leave these NULL. An entry sorts by its full time (published),
    // so sort_date is made again with it first. The file's size, mtime, inode and hash are
    // repeated on each of its entries' rows, so a refresh checks a feed like any file.
    sql: `
      ALTER TABLE articles ADD COLUMN feed_file TEXT;
      ALTER TABLE articles ADD COLUMN url TEXT;
      ALTER TABLE articles ADD COLUMN feed TEXT;
      ALTER TABLE articles ADD COLUMN published TEXT;
      ALTER TABLE articles ADD COLUMN author TEXT;
      ALTER TABLE articles ADD COLUMN categories TEXT;
      ALTER TABLE articles ADD COLUMN enclosures TEXT;
      CREATE INDEX articles_by_feed_file ON articles (feed_file) WHERE feed_file IS NOT NULL;
      DROP INDEX IF EXISTS articles_by_date;
      ALTER TABLE articles DROP COLUMN sort_date;
      ALTER TABLE articles ADD COLUMN sort_date TEXT GENERATED ALWAYS AS
        (COALESCE(published, date, strftime('%Y-%m-%dT%H:%M:%fZ', CAST(mtime_ms AS INTEGER) / 1000.0, 'unixepoch'))) VIRTUAL;
      CREATE INDEX articles_by_date ON articles (sort_date DESC, path);
    `,
  },
  {
    description: 'CJK text searchable by character pairs; no two-letter prefix index',
    sql: `
      DROP TRIGGER articles_fts_insert;
      DROP TRIGGER articles_fts_delete;
      DROP TRIGGER articles_fts_update;
      DROP TABLE articles_fts;
      ALTER TABLE articles ADD COLUMN cjk_headline TEXT;
      ALTER TABLE articles ADD COLUMN cjk_text TEXT;
    `,
    after(db) {
      // The pairs of the articles already stored, then the index built again over them.
      db.function('cjk_pairs', { deterministic: true, varargs: true }, (...texts: unknown[]) =>
        cjkPairText(...texts.map((text) => (typeof text === 'string' ? text : null))),
      );
      db.exec(`
        UPDATE articles SET cjk_headline = cjk_pairs(headline), cjk_text = cjk_pairs(standfirst, body, source, section)
        WHERE cjk_pairs(headline, standfirst, body, source, section) IS NOT NULL;
        ${FTS_SCHEMA}
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
      `);
    },
  },
  {
    description: 'the did-you-mean vocabulary: each indexed word and the articles it is in',
    // Reading the words from the full-text index takes about a second at 100,000
    // articles, too long to wait for on a query that found nothing; the refresh keeps
    // this table instead (src/library/store/vocabulary.ts). A row with the empty term
    // marks it incomplete: a bulk index is still to rebuild it.
    sql: `
      CREATE TABLE vocabulary (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
      CREATE VIRTUAL TABLE temp.migration_vocab USING fts5vocab(main, articles_fts, 'row');
      INSERT INTO vocabulary (term, docs) SELECT term, doc FROM temp.migration_vocab;
      DROP TABLE temp.migration_vocab;
    `,
  },
  {
    description: 'subscriptions: the feeds `newsreader fetch` keeps up to date, with their HTTP validators',
    // A subscription's entries are ordinary feed rows whose feed_file is its url; a 301
    // renames them with it. Tags are a JSON array. retry_after (ms since the epoch) is when
    // a server that answered 429/503 may be asked again; a gone feed (410) is not fetched.
    sql: `
      CREATE TABLE subscriptions (
        url TEXT PRIMARY KEY,
        title TEXT,
        feed_title TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        added_at INTEGER NOT NULL,
        etag TEXT,
        last_modified TEXT,
        body_hash TEXT,
        last_fetch INTEGER,
        last_error TEXT,
        gone INTEGER NOT NULL DEFAULT 0,
        retry_after INTEGER
      );
    `,
  },
  {
    description: 'the reader remembers: its last view for each set of library paths, and the queries searched',
    // A view is JSON (sort, filters, the selected article's key and place), by the JSON
    // array of the library's roots. The search history keeps each query once; `used` counts
    // up with each search, so the latest is the highest.
    sql: `
      CREATE TABLE reader_views (roots TEXT PRIMARY KEY, view TEXT NOT NULL, saved_at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE search_history (query TEXT PRIMARY KEY, used INTEGER NOT NULL) WITHOUT ROWID;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * The articles indexes (from steps 1, 3 and 5) a cold bulk index drops and builds after its
 * inserts: filling them row by row in random order cost about a third of indexing
 * 100,000 articles. Opening a database builds any that are missing, so a bulk index
 * killed midway leaves a database that opens with every index.
 */
const DEFERRABLE_INDEXES: readonly { name: string; sql: string }[] = [
  { name: 'articles_by_date', sql: 'CREATE INDEX IF NOT EXISTS articles_by_date ON articles (sort_date DESC, path)' },
  { name: 'articles_by_id', sql: 'CREATE INDEX IF NOT EXISTS articles_by_id ON articles (id)' },
  { name: 'articles_by_headline', sql: 'CREATE INDEX IF NOT EXISTS articles_by_headline ON articles (headline COLLATE NOCASE, path)' },
];

/** Drop the deferrable indexes if `articles` is empty, checked under the write lock; true if it did. */
export function dropIndexesIfEmpty(db: Database.Database): boolean {
  const drop = db.transaction((): boolean => {
    if (db.prepare('SELECT 1 FROM articles LIMIT 1').get() !== undefined) return false;
    for (const index of DEFERRABLE_INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`);
    return true;
  });
  return drop.immediate();
}

/** Build whichever deferrable indexes are missing (none, unless a bulk index dropped them). */
export function restoreIndexes(db: Database.Database): void {
  const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all());
  const missing = DEFERRABLE_INDEXES.filter((index) => !present.has(index.name));
  if (missing.length === 0) return;
  const build = db.transaction(() => {
    for (const index of missing) db.exec(index.sql);
  });
  build.immediate();
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The database was written by a newer release than this one. */
export class NewerSchemaError extends Error {}

/**
 * Bring `db` up to `target` (the latest by default). Each step commits with its version
 * number, under BEGIN IMMEDIATE so two processes opening an old database at once do not
 * both run a step: the second waits, then sees the new version and skips it.
 */
export function migrate(db: Database.Database, target: number = SCHEMA_VERSION): void {
  if (schemaVersion(db) > SCHEMA_VERSION) {
    throw new NewerSchemaError(
      `the library database has schema version ${schemaVersion(db)}, newer than this release knows (${SCHEMA_VERSION})`,
    );
  }
  for (let version = schemaVersion(db); version < target; version = schemaVersion(db)) {
    const step = db.transaction(() => {
      if (schemaVersion(db) !== version) return; // another process ran it meanwhile
      const migration = MIGRATIONS[version];
      if (!migration) return;
      if (version === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.exec(migration.sql);
      migration.after?.(db);
      db.pragma(`user_version = ${version + 1}`);
    });
    step.immediate();
  }
}
