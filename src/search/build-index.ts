/**
 * Build a search index for some paths into a database file, with the schema the library
 * store shares with search (articles, articles_fts, user_state). The command line uses it
 * when there is no store to query; tests and benchmarks use it to make fixture databases.
 */
import Database from 'better-sqlite3';
import type { Article } from '../article/types.js';
import { loadArticles, type Warning } from '../library/load-all.js';

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  root TEXT,
  section TEXT,
  headline TEXT NOT NULL,
  standfirst TEXT,
  date TEXT,
  source TEXT,
  words INTEGER NOT NULL DEFAULT 0,
  size INTEGER,
  mtime_ms REAL,
  ino INTEGER,
  hash TEXT,
  blocks TEXT NOT NULL DEFAULT '[]',
  warnings TEXT NOT NULL DEFAULT '[]',
  body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date DESC, path);
-- Beyond the shared contract: is:read and is:starred map user_state ids to articles.
CREATE INDEX IF NOT EXISTS articles_id ON articles (id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
  headline, standfirst, body, source, section,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3',
  content = 'articles', content_rowid = 'rowid'
);
CREATE TABLE IF NOT EXISTS user_state (
  id TEXT PRIMARY KEY,
  read INTEGER NOT NULL DEFAULT 0,
  starred INTEGER NOT NULL DEFAULT 0,
  read_at INTEGER,
  starred_at INTEGER
);
`;

/** The text columns of one row, as the store fills them. */
export interface ArticleRow {
  id: string;
  path: string;
  root: string | null;
  section: string | null;
  headline: string;
  standfirst: string | null;
  date: string | null;
  source: string | null;
  words: number;
  blocks: string;
  warnings: string;
  body: string;
}

export function articleRow(article: Article, root: string | null): ArticleRow {
  return {
    id: article.id,
    path: article.path,
    root,
    section: article.section,
    headline: article.headline,
    standfirst: article.standfirst,
    date: article.date,
    source: article.source,
    words: article.words,
    blocks: JSON.stringify(article.blocks),
    warnings: JSON.stringify(article.warnings),
    body: article.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.text)
      .join('\n'),
  };
}

export function createSchema(db: Database.Database): void {
  db.exec(SCHEMA);
}

/** Insert rows and their full-text entries, in one transaction. */
export function insertRows(db: Database.Database, rows: Iterable<ArticleRow>): void {
  const insert = db.prepare(
    `INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, blocks, warnings, body)
     VALUES (@id, @path, @root, @section, @headline, @standfirst, @date, @source, @words, @blocks, @warnings, @body)`,
  );
  const insertFts = db.prepare(
    `INSERT INTO articles_fts (rowid, headline, standfirst, body, source, section)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const row of rows) {
      const { lastInsertRowid } = insert.run(row);
      insertFts.run(lastInsertRowid, row.headline, row.standfirst, row.body, row.source, row.section);
    }
  })();
}

/** Create `dbPath` holding every article found under `paths`; returns the load warnings. */
export async function buildIndex(dbPath: string, paths: string[]): Promise<Warning[]> {
  const { articles, warnings } = await loadArticles(paths);
  const db = new Database(dbPath);
  try {
    db.pragma('journal_mode = WAL');
    createSchema(db);
    insertRows(
      db,
      articles.map((a) => articleRow(a, null)),
    );
  } finally {
    db.close();
  }
  return warnings;
}
