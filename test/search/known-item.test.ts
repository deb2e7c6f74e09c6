/** Search quality on the BBC corpus: the known-item test (kit/known-item.ts). */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../src/search/engine.js';
import { hasShared, sharedDir } from '../../kit/shared-dir.js';
import { fixtureDbFromPaths, type FixtureDb } from './fixture-db.js';
import { runKnownItem } from '../../kit/known-item.js';

describe.skipIf(!hasShared)('known-item search on the BBC corpus', () => {
  let fixture: FixtureDb;
  let engine: SearchEngine;

  beforeAll(async () => {
    fixture = await fixtureDbFromPaths([path.join(sharedDir, 'corpora', 'bbc')]);
    engine = new SearchEngine(fixture.dbPath);
  });

  afterAll(() => {
    engine.close();
    fixture.remove();
  });

  it('finds a sampled article from three rarer body words, also with a typo', () => {
    const result = runKnownItem(engine, fixture.dbPath, fixture.articles);
    expect(result.sampled).toBe(200);
    const top3 = result.top3 / result.sampled;
    const typoTop10 = result.typoTop10 / result.sampled;
    expect(top3, result.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(typoTop10, result.misses.join('\n')).toBeGreaterThanOrEqual(0.8);
  });
});
