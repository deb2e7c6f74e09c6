/**
 * A search worker that dies: the searcher starts a new one once and asks it the query that
 * was running; a second death ends search with the reason, and every call answers (none is
 * left pending). Workers are made to die with the searcher's test-only hook: the first N
 * exit on their second query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function start(deaths: number): { searcher: SqliteSearcher; stops: { message: string; restarted: boolean }[] } {
  const stops: { message: string; restarted: boolean }[] = [];
  const searcher = new SqliteSearcher(fixture.dbPath, {
    testOnlyWorkerDeaths: deaths,
    onWorkerStop: (message, restarted) => stops.push({ message, restarted }),
  });
  return { searcher, stops };
}

function paths(outcome: Awaited<ReturnType<SqliteSearcher['search']>>): string[] {
  return outcome.hits.map((h) => fixture.relative(h.path));
}

describe('SqliteSearcher with a worker that dies', () => {
  it('restarts it once and answers the query it was running', async () => {
    const { searcher, stops } = start(1);
    try {
      expect(paths(await searcher.search('aleppo', 10))).toEqual(['a.txt']);
      // The worker dies on this query; its replacement answers it.
      const second = await searcher.search('cafe', 10);
      expect(second).toMatchObject({ query: 'cafe', error: null, total: 1 });
      expect(paths(second)).toEqual(['b.txt']);
      expect(stops).toEqual([{ message: 'search worker stopped (exit code 70)', restarted: true }]);
      // And search goes on.
      expect(paths(await searcher.search('fighting', 10))).toEqual(['a.txt']);
    } finally {
      searcher.close();
    }
  });

  it('after a second death answers every call with the reason', async () => {
    const { searcher, stops } = start(2);
    try {
      expect((await searcher.search('aleppo', 10)).error).toBeNull();
      // Dies on the second query; the replacement answers it and dies on the third.
      expect((await searcher.search('cafe', 10)).error).toBeNull();
      const third = await searcher.search('fighting', 10);
      expect(third).toMatchObject({ query: 'fighting', total: 0, hits: [], error: 'search unavailable: search worker stopped (exit code 70)' });
      expect(stops).toEqual([
        { message: 'search worker stopped (exit code 70)', restarted: true },
        { message: 'search unavailable: search worker stopped (exit code 70)', restarted: false },
      ]);
      await expect(searcher.search('dawn', 10)).resolves.toMatchObject({ error: expect.stringMatching(/^search unavailable/) as unknown });
    } finally {
      searcher.close();
    }
  });
});
