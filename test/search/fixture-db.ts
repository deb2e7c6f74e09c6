/**
 * Fixture databases for search tests, built by the library store itself: the texts are
 * written as files under a temporary library folder (sections are its subfolders) and
 * indexed by a refresh, so the tests search the real schema, rows and full-text index.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../../src/article/types.js';
import { articleFromBytes } from '../../src/library/load.js';
import { loadArticles } from '../../src/library/load-all.js';
import { openLibrary } from '../../src/library/store/sqlite-library.js';

export interface FixtureText {
  /** Relative to the library folder; its folder is the article's section. */
  path: string;
  text: string;
}

export interface FixtureDb {
  dbPath: string;
  /** The articles as parsed; for fixtures from texts, with the texts' relative paths. */
  articles: Article[];
  /** A stored (absolute) path as the fixture names it: relative to the folder of the texts. */
  relative(storedPath: string): string;
  /** Mark an article read or starred, as the reader does. */
  setState(id: string, state: { read?: boolean; starred?: boolean }): void;
  remove(): void;
}

function parseFixture(fixture: FixtureText): Article {
  const section = path.dirname(fixture.path);
  const result = articleFromBytes(Buffer.from(fixture.text, 'utf8'), { path: fixture.path, section: section === '.' ? null : section });
  if (!('article' in result)) throw new Error(`fixture ${fixture.path}: ${result.warning}`);
  return result.article;
}

/**
 * A database in `dir` holding the articles under `paths`, written by the store's refresh:
 * one refresh after each of `additions` (each adds files), or one refresh when none.
 */
async function storeFixture(
  paths: string[],
  dir: string,
  fixture: Pick<FixtureDb, 'articles' | 'relative'>,
  additions: (() => void)[] = [() => undefined],
): Promise<FixtureDb> {
  const dbPath = path.join(dir, 'library.db');
  const library = openLibrary({ paths, db: dbPath });
  try {
    for (const add of additions) {
      add();
      await library.refresh().done;
    }
  } finally {
    library.close();
  }
  return {
    ...fixture,
    dbPath,
    setState(id, state) {
      const writer = openLibrary({ paths, db: dbPath });
      try {
        writer.setState(id, state);
      } finally {
        writer.close();
      }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The texts as files, added one at a time in the order given (a refresh after each), so
 * their rowids follow that order as in a library that grows: the newest is added last.
 * With `once`, all are written and then indexed by one refresh, for larger fixtures.
 */
export async function fixtureDbFromTexts(fixtures: FixtureText[], options: { once?: boolean } = {}): Promise<FixtureDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-search-test-'));
  const libraryDir = path.join(dir, 'library');
  mkdirSync(libraryDir);
  const additions = fixtures.map((fixture) => () => {
    const file = path.join(libraryDir, fixture.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, fixture.text);
  });
  const relative = (storedPath: string): string => path.relative(libraryDir, storedPath);
  const steps = options.once === true ? [() => additions.forEach((add) => add())] : additions;
  return storeFixture([libraryDir], dir, { articles: fixtures.map(parseFixture), relative }, steps);
}

export async function fixtureDbFromPaths(paths: string[]): Promise<FixtureDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-search-test-'));
  return storeFixture(paths, dir, { articles: (await loadArticles(paths)).articles, relative: (storedPath) => storedPath });
}
