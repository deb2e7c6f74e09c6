/**
 * Search in the reader through the real store and the real searcher (its worker, its query
 * language, its highlighter) over a fixture whose matches are known by construction.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDbFromTexts, type FixtureDb } from '../search/fixture-db.js';
import { SEARCH_FIXTURE, SEARCH_MATCHES } from './search-fixture.js';
import { fieldLine, openStored, type Reader, renderReader, statusLine, type Stored, until } from './harness.js';
import { openLibrary } from '../../src/library/store/sqlite-library.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import type { HeldSearcher } from '../fakes/held-searcher.js';

let fixture: FixtureDb;
let stored: Stored | null = null;

beforeAll(async () => {
  fixture = await fixtureDbFromTexts(SEARCH_FIXTURE, { once: true });
}, 60_000);

afterAll(() => fixture.remove());

afterEach(() => {
  stored?.close();
  stored = null;
});

async function open(options: { hold?: boolean } = {}): Promise<{ r: Reader; searcher: HeldSearcher }> {
  stored = await openStored(fixture.dbPath, options);
  return { r: stored.reader, searcher: stored.searcher! };
}

const { all, oil, yukos, go } = SEARCH_MATCHES;

describe('search in the reader', () => {
  it('searches as you type and shows the count and the hits', async () => {
    const { r, searcher } = await open();
    await r.press('/');
    expect(fieldLine(r)).toMatch(/^\//);
    await r.press('y', 'u', 'k', 'o', 's');
    expect(searcher.asked).toEqual(['y', 'yu', 'yuk', 'yuko', 'yukos']);
    // Outcomes arrive asynchronously: wait for the last one.
    await r.waitFor(`1/${yukos.length} · ${yukos.length} matches`);
    // The one with Yukos in its headline ranks first; the article pane follows a frame later.
    expect(r.frame().split('\n')[0]).toContain('Yukos bid rejected');
    await until(() => !r.frame().includes('Story 001'), 'the pane to leave the article selected before');
    expect(fieldLine(r)).toContain('yukos');
  });

  it('in a small library searched on its own thread, draws a query typed with its count in one frame', async () => {
    const library = openLibrary({ paths: [], db: fixture.dbPath });
    const searcher = new SqliteSearcher(fixture.dbPath, { searchHere: () => true });
    const r = await renderReader({ library, searcher, width: 100, height: 30 });
    try {
      await r.press('/');
      const before = r.frames().length;
      await r.type('yukos');
      const typed = r.frames().slice(before).filter((frame) => frame.split('\n').some((line) => line.startsWith('/yukos')));
      expect(typed.length).toBeGreaterThan(0);
      // No frame shows the query without its count: it was answered as it was typed.
      expect(typed.every((frame) => frame.includes(`${yukos.length} matches`))).toBe(true);
      expect([searcher.workersStarted, searcher.answeredHere]).toEqual([0, 1]);
    } finally {
      r.unmount();
      searcher.close();
      library.close();
    }
  });

  it('takes `/` and a query arriving in one read as a search, not as commands', async () => {
    const { r, searcher } = await open();
    await r.type('/yukos');
    expect(searcher.asked.at(-1)).toBe('yukos');
    await r.waitFor(`${yukos.length} matches`);
    expect(fieldLine(r)).toContain('yukos');
    expect(r.frame()).not.toContain('★');
    expect(statusLine(r)).not.toMatch(/oldest/);
  });

  it('takes Enter and the keys after it in one read as submit, then list keys', async () => {
    const { r } = await open();
    await r.press('/', 'o', 'i', 'l');
    await r.type('\rjj');
    const count = oil.length;
    await r.waitFor(`3/${count} · ${count} matches`);
    expect(fieldLine(r)).toBe('');
  });

  it('Enter keeps the results; Esc on the list goes back to where it was', async () => {
    const { r } = await open();
    await r.press('j', 'j', '/', 'o', 'i', 'l', 'return');
    expect(fieldLine(r)).toBe('');
    const count = oil.length;
    await r.waitFor(`${count} matches`);
    await r.press('j');
    expect(statusLine(r)).toContain(`2/${count}`);
    await r.press('escape');
    expect(statusLine(r)).toContain(`3/${all} · ${all} unread · newest first`);
  });

  it('Esc in the field restores the list and the selection from before', async () => {
    const { r } = await open();
    await r.press('G', '/', 'o', 'i', 'l');
    await r.waitFor(`${oil.length} matches`);
    await r.press('escape');
    expect(fieldLine(r)).toBe('');
    expect(statusLine(r)).toContain(`${all}/${all}`);
  });

  it('/ again opens a fresh field; Up brings back the last query to edit', async () => {
    const { r, searcher } = await open();
    await r.press('/', 'o', 'i', 'l', 'return', '/');
    // Keys after an Enter wait for its outcome, then the field opens empty.
    await until(() => fieldLine(r).includes('earlier searches'), 'the field open and empty');
    await r.press('up');
    await until(() => fieldLine(r).includes('oil'), 'the field open on the last query');
    await r.press('backspace');
    await until(() => searcher.asked.at(-1) === 'oi', 'the shorter query asked');
  });

  it('drops an outcome that arrives after a newer one', async () => {
    const { r, searcher } = await open({ hold: true });
    await r.press('/', 'g', 'o');
    // The newer query ("go") answers first, then the stale "g".
    searcher.release([1, 0]);
    await r.waitFor(/matches/);
    await r.press('right');
    const count = go.length;
    expect(statusLine(r)).toContain(`${count} matches`);
  });

  it('shows a malformed query’s message under the field and keeps the last good results', async () => {
    const { r } = await open();
    await r.press('/', 'o', 'i', 'l');
    const count = oil.length;
    await r.waitFor(`${count} matches`);
    await r.press('space', '"');
    await r.waitFor('missing closing quote');
    expect(statusLine(r)).toContain(`${count} matches`);
  });

  it('offers the closest spelling when nothing matches', async () => {
    const { r } = await open();
    await r.type('/yukoss');
    await r.waitFor('no matches — did you mean yukos?');
    expect(r.frame()).toContain('No matches.');
  });

  it('highlights matches in the article and n/N jump between them', async () => {
    const { r } = await open();
    await r.press('/', 'o', 'i', 'l', 'return');
    await r.waitFor(`${oil.length} matches`);
    // The article saying oil most often ranks first: three times, and "toil" is no match.
    expect(r.frame().split('\n')[0]).toContain('Story 001');
    await r.press('return');
    expect(statusLine(r)).toMatch(/scroll/);
    await r.press('n');
    expect(statusLine(r)).toContain('match 1/3');
    await r.press('n');
    expect(statusLine(r)).toContain('match 2/3');
    await r.press('N', 'N');
    expect(statusLine(r)).toContain('match 3/3');
  });
});
