/**
 * Fixture databases with the store's schema, for search tests and benchmarks: articles
 * parsed from given texts or loaded from paths, inserted as the store would.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/article/types.js';
import { articleFromBytes } from '../../src/library/load.js';
import { loadArticles } from '../../src/library/load-all.js';
import { articleRow, createSchema, insertRows } from '../../src/search/build-index.js';

export interface FixtureText {
  path: string;
  section?: string | null;
  text: string;
}

export interface FixtureDb {
  dbPath: string;
  articles: Article[];
  /** Mark an article read or starred, as the reader would. */
  setState(id: string, state: { read?: boolean; starred?: boolean }): void;
  remove(): void;
}

export function parseFixture(fixture: FixtureText): Article {
  const result = articleFromBytes(Buffer.from(fixture.text, 'utf8'), { path: fixture.path, section: fixture.section ?? null });
  if (!('article' in result)) throw new Error(`fixture ${fixture.path}: ${result.warning}`);
  return result.article;
}

export function fixtureDbFromArticles(articles: Article[]): FixtureDb {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-search-test-'));
  const dbPath = path.join(dir, 'library.sqlite');
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  createSchema(db);
  insertRows(
    db,
    articles.map((a) => articleRow(a, null)),
  );
  db.close();
  return {
    dbPath,
    articles,
    setState(id, state) {
      const writer = new Database(dbPath);
      writer
        .prepare(
          `INSERT INTO user_state (id, read, starred) VALUES (@id, @read, @starred)
           ON CONFLICT (id) DO UPDATE SET read = @read, starred = @starred`,
        )
        .run({ id, read: state.read ? 1 : 0, starred: state.starred ? 1 : 0 });
      writer.close();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function fixtureDbFromTexts(fixtures: FixtureText[]): FixtureDb {
  return fixtureDbFromArticles(fixtures.map(parseFixture));
}

export async function fixtureDbFromPaths(paths: string[]): Promise<FixtureDb> {
  return fixtureDbFromArticles((await loadArticles(paths)).articles);
}
