/**
 * Keys that arrive in one read act one after the other, each on the state the key before
 * it left: the row it moved to, the marks it set, the article it opened. Over a real
 * library database and the real searcher.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import type { FixtureDb } from '../search/fixture-db.js';
import { DAYS, daysFixture } from './days-fixture.js';
import { type Reader, renderReader, statusLine, until } from './harness.js';

async function waitFor(r: Reader, text: string): Promise<void> {
  await until(() => r.frame().includes(text), text);
}

let fixture: FixtureDb;
let library: SqliteLibrary | null = null;
let searcher: SqliteSearcher | null = null;
let reader: Reader | null = null;

beforeAll(async () => {
  fixture = await daysFixture();
});

afterAll(() => fixture.remove());

afterEach(() => {
  reader?.unmount();
  searcher?.close();
  // Each test starts with nothing read or starred.
  library?.db.prepare('DELETE FROM user_state').run();
  library?.close();
  reader = null;
  searcher = null;
  library = null;
});

/** The reader over the fixture at 100x30 (list and article side by side). */
async function open(): Promise<{ r: Reader; lib: SqliteLibrary }> {
  library = openLibrary({ paths: [], db: fixture.dbPath });
  searcher = new SqliteSearcher(fixture.dbPath);
  reader = await renderReader({ library, searcher, width: 100, height: 30 });
  return { r: reader, lib: library };
}

/** The id of the article of `day`. */
function idOf(lib: SqliteLibrary, day: number): string {
  const row = lib.page({ sort: 'newest' }, DAYS - day, 1)[0];
  expect(row?.headline).toBe(`Story of day ${day}`);
  return row!.id;
}

/** The list's line for the article of `day`. */
function rowLine(r: Reader, day: number): string {
  return r.frame().split('\n').find((line) => line.includes(`Story of day ${day} `)) ?? '';
}

/** Move down to list row `index` one key at a time. */
async function selectRow(r: Reader, index: number): Promise<void> {
  for (let i = 0; i < index; i++) await r.press('j');
  await waitFor(r, `${index + 1}/${DAYS}`);
}

describe('keys read together', () => {
  it('js: moves, then stars the row it moved to', async () => {
    const { r, lib } = await open();
    await selectRow(r, 10); // row 11: day 20
    await r.type('js');
    await waitFor(r, `12/${DAYS}`);
    await until(() => rowLine(r, 19).includes('★'), 'the star on row 12');
    expect(lib.state(idOf(lib, 19)).starred).toBe(true);
    expect(lib.state(idOf(lib, 20)).starred).toBe(false);
    expect(rowLine(r, 20)).not.toContain('★');
  });

  it('jm: moves, then marks the row it moved to', async () => {
    const { r, lib } = await open();
    await selectRow(r, 10);
    await r.type('jm');
    await waitFor(r, `12/${DAYS}`);
    await until(() => lib.state(idOf(lib, 19)).read, 'row 12 read');
    expect(lib.state(idOf(lib, 20)).read).toBe(false);
    await until(() => rowLine(r, 19).startsWith(' '), 'row 12 shown read');
    expect(rowLine(r, 20)).toMatch(/^●/);
  });

  it('ss stars and unstars; sss leaves a star', async () => {
    const { r, lib } = await open();
    const id = idOf(lib, 30);
    await r.type('ss');
    expect(lib.state(id).starred).toBe(false);
    expect(rowLine(r, 30)).not.toContain('★');
    await r.type('sss');
    expect(lib.state(id).starred).toBe(true);
    await until(() => rowLine(r, 30).includes('★'), 'the star');
  });

  it('[G opens the previous article and goes to its end', async () => {
    const { r } = await open();
    await selectRow(r, 1); // day 29, short
    await r.press('return');
    await waitFor(r, 'all');
    await r.type('[G');
    await waitFor(r, `1/${DAYS}`);
    await until(() => statusLine(r).includes('end'), 'the end of the long article');
    expect(r.frame()).toContain('Last words of day 30.');
  });

  it(']G opens the next article and goes to its end', async () => {
    const { r } = await open();
    await selectRow(r, 1);
    await r.press('return');
    await waitFor(r, 'all');
    await r.type(']G');
    await waitFor(r, `3/${DAYS}`);
    await until(() => statusLine(r).includes('end'), 'the end of the long article');
    expect(r.frame()).toContain('Last words of day 28.');
  });

  it('/oil Enter j s: searches, moves in the hits and stars the second hit', async () => {
    const { r, lib } = await open();
    await r.type('/oil\rjs');
    // Days divisible by 3 mention oil: 10 of them, the long ones ranked by BM25.
    await waitFor(r, `2/10 · 10 matches`);
    // The second hit is the list's second line: it is the one starred.
    await until(() => r.frame().split('\n')[1]!.includes('★'), 'the star on the second hit');
    const starred = lib.page({ sort: 'newest' }, 0, DAYS).filter((row) => lib.state(row.id).starred);
    expect(starred).toHaveLength(1);
    expect(r.frame().split('\n')[1]).toContain(starred[0]!.headline);
  });

  it('runs the keys after an Enter on a malformed query: the query fails, the keys go on', async () => {
    const { r } = await open();
    await r.type('/"oil\rj');
    // The failed query leaves the list as it was, and the j moves in it.
    await r.waitFor(new RegExp(`2/${DAYS} · \\d+ unread · newest first`));
  });
});
