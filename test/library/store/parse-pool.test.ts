/**
 * Parse workers that die: the pool replaces one once and resends its jobs, and on a second
 * death settles every waiting job with the reason (none is left pending). Workers are made
 * to die with the pool's test-only hook: the first N exit on their second job.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseRequest } from '../../../src/library/store/parse-file.js';
import { ParsePool, TEST_ONLY_WORKER_DEATHS_ENV } from '../../../src/library/store/parse-pool.js';
import { openLibrary } from '../../../src/library/store/sqlite-library.js';
import { articleText, tempDir, writeArticle } from './helpers.js';

/** Four one-file jobs over real article files. */
function jobs(): ParseRequest[][] {
  const dir = tempDir();
  return ['one', 'two', 'three', 'four'].map((name) => {
    const file = writeArticle(dir, `${name}.txt`, articleText(`Headline ${name}`, 'Sep 6, 2016'));
    return [{ file: { path: file, root: dir, section: null }, knownHash: null }];
  });
}

function headlineOf(outcomes: Awaited<ReturnType<ParsePool['parse']>>): string | null {
  const first = outcomes[0];
  return first?.kind === 'row' ? first.row.headline : null;
}

describe('ParsePool with a worker that dies', () => {
  it('replaces it once, resends its jobs, and answers every one', async () => {
    const restarts: string[] = [];
    const pool = new ParsePool(1, { testOnlyWorkerDeaths: 1, onRestart: (reason) => restarts.push(reason) });
    try {
      const outcomes = await Promise.all(jobs().map((job) => pool.parse(job)));
      expect(outcomes.map(headlineOf)).toEqual(['Headline one', 'Headline two', 'Headline three', 'Headline four']);
      expect(restarts).toEqual(['parse worker stopped (exit code 70)']);
    } finally {
      pool.close();
    }
  });

  it('on a second death fails the jobs it holds with the reason, and every later one', async () => {
    const restarts: string[] = [];
    const pool = new ParsePool(1, { testOnlyWorkerDeaths: 2, onRestart: (reason) => restarts.push(reason) });
    try {
      // The first worker answers job one and dies on job two; its replacement answers the
      // resent job two and dies on job three.
      const settled = await Promise.allSettled(jobs().map((job) => pool.parse(job)));
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected']);
      for (const s of settled.slice(2)) expect(s.status === 'rejected' && String(s.reason)).toMatch(/parse worker stopped \(exit code 70\)/);
      expect(restarts).toHaveLength(1);
      await expect(pool.parse(jobs()[0] ?? [])).rejects.toThrow(/exit code 70/);
    } finally {
      pool.close();
    }
  });
});

describe('refresh with parse workers that die', () => {
  async function refreshWithDeaths(deaths: number) {
    const dir = tempDir();
    const news = path.join(dir, 'news');
    for (let i = 0; i < 450; i++) writeArticle(news, `a/${i}.txt`, articleText(`Article ${i}`, 'Sep 6, 2016'));
    const lib = openLibrary({ paths: [news], db: path.join(dir, 'library.db') });
    // The pool reads the hook from the environment, as the built program would.
    process.env[TEST_ONLY_WORKER_DEATHS_ENV] = String(deaths);
    try {
      const refresh = lib.refresh({ workers: 1 });
      const seen: number[] = [];
      refresh.onProgress((p) => seen.push(p.restarts));
      const outcome = await refresh.done.then(
        (summary) => ({ summary, error: null }),
        (error: unknown) => ({ summary: null, error }),
      );
      return { lib, outcome, seen, count: lib.count({ sort: 'newest' }) };
    } finally {
      delete process.env[TEST_ONLY_WORKER_DEATHS_ENV];
    }
  }

  it('goes on after one death and says so in its progress', async () => {
    const { lib, outcome, seen, count } = await refreshWithDeaths(1);
    expect(outcome.error).toBeNull();
    expect(outcome.summary).toMatchObject({ added: 450, restarts: 1 });
    expect(seen).toContain(1);
    expect(count).toBe(450);
    lib.close();
  });

  it('fails with the reason after a second death, keeping what was written', async () => {
    const { lib, outcome, count } = await refreshWithDeaths(2);
    expect(String(outcome.error)).toMatch(/parse worker stopped \(exit code 70\)/);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(450);
    lib.close();
  });
});
