/**
 * Search hits come a page at a time as the selection moves: the list is as long as the
 * count of matches, and its last row is reachable, on the BBC corpus in a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import { SEARCH_PAGE } from '../../src/state/hits.js';
import { fixtureDbFromPaths, type FixtureDb } from '../search/fixture-db.js';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type Reader, renderReader, statusLine } from './harness.js';

/** Poll `condition` until it holds; the deadline only turns a hang into a failure. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.skipIf(!hasShared)('paging through search hits', () => {
  let fixture: FixtureDb;
  let library: SqliteLibrary;
  let searcher: SqliteSearcher;
  let reader: Reader;

  beforeAll(async () => {
    fixture = await fixtureDbFromPaths([bbcDir]);
    library = openLibrary({ paths: [], db: fixture.dbPath });
    searcher = new SqliteSearcher(fixture.dbPath);
    reader = await renderReader({ library, searcher, width: 120, height: 40 });
  }, 120_000);

  afterAll(() => {
    reader.unmount();
    searcher.close();
    library.close();
    fixture.remove();
  });

  it('reaches the last of 2,225 hits with G, and the rows around it', async () => {
    const total = library.count({ sort: 'newest' });
    expect(total).toBe(2225);
    expect(total).toBeGreaterThan(SEARCH_PAGE);
    await reader.type('/is:unread\r');
    await until(() => statusLine(reader).startsWith(` 1/${total} · ${total} matches`), 'the first page');
    await reader.type('G');
    await until(() => statusLine(reader).startsWith(` ${total}/${total} · ${total} matches`), 'the last hit');
    // Unsearched, the list has the same order (newest first, undated by path).
    const last = library.page({ sort: 'newest' }, total - 2, 2);
    await until(() => last.every((row) => reader.frame().includes(row.headline.slice(0, 30))), 'the last rows drawn');
    const lines = reader.frame().split('\n');
    expect(lines.at(-2)).toContain(last[1]!.headline.slice(0, 30));
    // No row is left waiting for its page.
    expect(lines.filter((line) => line.startsWith('   …'))).toEqual([]);
    await reader.type('k');
    await until(() => statusLine(reader).startsWith(` ${total - 1}/${total}`), 'one up');
  });
});
