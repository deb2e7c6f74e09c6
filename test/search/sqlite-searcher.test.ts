import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import { fixtureDbFromTexts, type FixtureDb } from './fixture-db.js';

let fixture: FixtureDb;

beforeAll(async () => {
  fixture = await fixtureDbFromTexts([
    { path: 'a.txt', text: 'Aleppo siege tightens\n\nFighting continued in Aleppo.\n' },
    { path: 'b.txt', text: 'Café culture\n\nThe café opens at dawn.\n' },
  ]);
});

afterAll(() => {
  fixture.remove();
});

describe('SqliteSearcher and its worker', () => {
  it('starts its worker with the first search, or when asked to get ready, and only once', async () => {
    const asked = new SqliteSearcher(fixture.dbPath);
    const prepared = new SqliteSearcher(fixture.dbPath);
    try {
      expect([asked.workersStarted, prepared.workersStarted]).toEqual([0, 0]);
      prepared.prepare();
      prepared.prepare();
      expect(prepared.workersStarted).toBe(1);
      expect(await prepared.search('cafe', 10)).toMatchObject({ total: 1, error: null });
      expect(await asked.search('aleppo', 10)).toMatchObject({ total: 1, error: null });
      expect([asked.workersStarted, prepared.workersStarted]).toEqual([1, 1]);
    } finally {
      asked.close();
      prepared.close();
    }
    // A closed searcher starts nothing.
    prepared.prepare();
    expect(prepared.workersStarted).toBe(1);
  });

  it('moves to its worker when the library outgrows searching on this thread', async () => {
    let small = true;
    const growing = new SqliteSearcher(fixture.dbPath, { searchHere: () => small });
    try {
      growing.prepare();
      expect(await growing.search('cafe', 10)).toMatchObject({ total: 1, error: null });
      expect(growing.workersStarted).toBe(0);
      small = false;
      expect(await growing.search('aleppo', 10)).toMatchObject({ total: 1, error: null });
      expect(growing.workersStarted).toBe(1);
    } finally {
      growing.close();
    }
  });
});

describe('SqliteSearcher of a large library', () => {
  it('answers on this thread while its worker starts, then in the worker', async () => {
    const starting = new SqliteSearcher(fixture.dbPath, { searchHere: () => false, whileWorkerStarts: true });
    try {
      starting.prepare();
      expect(await starting.search('cafe', 10)).toMatchObject({ total: 1, error: null });
      expect([starting.workersStarted, starting.answeredHere]).toEqual([1, 1]);
      // Once the worker is ready it answers, and this thread answers no more.
      await vi.waitFor(async () => {
        const before = starting.answeredHere;
        expect(await starting.search('aleppo', 10)).toMatchObject({ total: 1, error: null });
        expect(starting.answeredHere).toBe(before);
      });
      expect(starting.workersStarted).toBe(1);
    } finally {
      starting.close();
    }
  });
});

describe('SqliteSearcher of a large library, when nothing matches', () => {
  it('leaves the spelling to its worker, so this thread never reads the index\'s words', async () => {
    const starting = new SqliteSearcher(fixture.dbPath, { searchHere: () => false, whileWorkerStarts: true });
    try {
      const outcome = await starting.search('alepo ', 10);
      expect(outcome).toMatchObject({ total: 0, suggestion: 'aleppo ' });
      // Counted here first, then asked again of the worker for its did-you-mean.
      expect(starting.answeredHere).toBe(1);
    } finally {
      starting.close();
    }
  });
});

describe.each([
  ['in its worker', {}],
  ['on this thread (a small library)', { searchHere: () => true }],
])('SqliteSearcher %s', (_where, options) => {
  let searcher: SqliteSearcher;
  beforeAll(() => {
    searcher = new SqliteSearcher(fixture.dbPath, options);
  });
  afterAll(() => {
    searcher.close();
  });

  it('answers with hits, total and a highlighter', async () => {
    const outcome = await searcher.search('cafe', 10);
    expect(outcome).toMatchObject({ query: 'cafe', total: 1, error: null, suggestion: null });
    expect(outcome.hits.map((h) => fixture.relative(h.path))).toEqual(['b.txt']);
    expect(outcome.highlight('Un café')).toEqual([[3, 7]]);
    expect(searcher.workersStarted).toBe('searchHere' in options ? 0 : 1);
    expect(searcher.answeredHere).toBe('searchHere' in options ? 1 : 0);
  });

  it('lets a newer query supersede a queued older one', async () => {
    const typed = ['a', 'al', 'ale', 'alep', 'alepp', 'aleppo'];
    const outcomes = await Promise.all(typed.map((q) => searcher.search(q, 10)));
    // The first runs at once; the others queue behind it and the last replaces them all.
    expect(outcomes[0]?.query).toBe('a');
    for (const outcome of outcomes.slice(1)) expect(outcome.query).toBe('aleppo');
    expect(outcomes[5]?.hits.map((h) => fixture.relative(h.path))).toEqual(['a.txt']);
  });

  it('answers later pages in turn without letting them replace a query', async () => {
    const running = searcher.search('a', 1);
    const query = searcher.search('cafe', 1);
    const page = searcher.search('aleppo', 1, 1);
    const samePage = searcher.search('aleppo', 1, 1);
    await running;
    expect(await query).toMatchObject({ query: 'cafe', offset: 0, total: 1 });
    expect(await page).toMatchObject({ query: 'aleppo', offset: 1, total: 1, hits: [] });
    expect(await samePage).toBe(await page);
    // A new first page replaces the pages queued for the old list.
    void searcher.search('a', 1);
    const stale = searcher.search('aleppo', 1, 1);
    const fresh = searcher.search('cafe', 1);
    expect(await stale).toBe(await fresh);
  });

  it('answers a malformed query at once with its message', async () => {
    await expect(searcher.search('aleppo OR', 10)).resolves.toMatchObject({ error: 'OR needs a word on each side', hits: [] });
  });

  it('offers a spelling when nothing matches', async () => {
    await expect(searcher.search('alepo ', 10)).resolves.toMatchObject({ total: 0, suggestion: 'aleppo ' });
  });

  it('reports a missing database as an error, not an exception', async () => {
    const broken = new SqliteSearcher(`${fixture.dbPath}.missing`, options);
    try {
      const outcome = await broken.search('aleppo', 10);
      expect(outcome.error).toMatch(/unable to open/);
    } finally {
      broken.close();
    }
  });

  it('resolves waiting searches when closed', async () => {
    const closing = new SqliteSearcher(fixture.dbPath, options);
    const pending = closing.search('aleppo', 10);
    closing.close();
    await expect(pending).resolves.toMatchObject({ error: 'search closed' });
  });
});

describe('SqliteSearcher when the did-you-mean vocabulary cannot be read', () => {
  it('keeps searching and reports the failure once as a warning', async () => {
    const broken = await fixtureDbFromTexts([{ path: 'a.txt', text: 'Aleppo siege tightens\n\nFighting continued.\n' }]);
    // Without its vocabulary table the index's words cannot be read; searches still work.
    const db = new Database(broken.dbPath);
    db.exec('DROP TABLE vocabulary');
    db.close();
    const warnings: string[] = [];
    const searching = new SqliteSearcher(broken.dbPath, { onWarning: (message) => warnings.push(message) });
    try {
      expect((await searching.search('is:unread', 10)).total).toBe(1);
      await vi.waitFor(() => expect(warnings).toHaveLength(1));
      expect(warnings[0]).toMatch(/^did-you-mean suggestions unavailable: cannot read the index's words \(.+\)$/);
      expect((await searching.search('is:unread', 10)).total).toBe(1);
      expect(searching.warnings).toEqual([]);
    } finally {
      searching.close();
      broken.remove();
    }
  });
});
