/**
 * The reading flow over the real store and searcher: the next unread article (J/K and
 * Space at an article's end), the unread and starred views, marking a view read and
 * undoing it, sorting search hits, the search history, and the view kept between runs.
 * Keys go one by one and in one write.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import type { FixtureDb } from '../search/fixture-db.js';
import { DAYS, daysFixture } from './days-fixture.js';
import { fieldLine, renderReader, statusLine, until, type Reader } from './harness.js';
import { HeldSearcher } from '../fakes/held-searcher.js';


let fixture: FixtureDb;
let library: SqliteLibrary | null = null;
let searcher: HeldSearcher | null = null;
let reader: Reader | null = null;

beforeAll(async () => {
  fixture = await daysFixture();
});

afterAll(() => fixture.remove());

function close(): void {
  reader?.unmount();
  searcher?.close();
  library?.close();
  reader = null;
  searcher = null;
  library = null;
}

afterEach(() => {
  vi.useRealTimers();
  close();
  // Each test starts with nothing read or starred, no view saved and no history.
  const lib = openLibrary({ paths: [], db: fixture.dbPath });
  lib.db.exec('DELETE FROM user_state; DELETE FROM reader_views; DELETE FROM search_history;');
  lib.close();
});

/** The reader over the fixture at 100x30 (list and article side by side), remembering its view. */
async function open(): Promise<{ r: Reader; lib: SqliteLibrary; asked: () => readonly string[] }> {
  library = openLibrary({ paths: [], db: fixture.dbPath });
  const held = new HeldSearcher(new SqliteSearcher(fixture.dbPath));
  searcher = held;
  reader = await renderReader({ library, searcher, memory: library.memory, width: 100, height: 30 });
  return { r: reader, lib: library, asked: () => held.asked };
}

/** The article id of `day`. */
function idOf(lib: SqliteLibrary, day: number): string {
  const row = lib.page({ sort: 'newest' }, DAYS - day, 1)[0];
  expect(row?.headline).toBe(`Story of day ${day}`);
  return row!.id;
}

/** The headline of the selected row, from the article pane's heading. */
function shownDay(r: Reader): number {
  return dayIn(r.frame());
}

/** The day of the article a frame's pane shows, or -1. */
function dayIn(frame: string): number {
  // eslint-disable-next-line no-control-regex -- the frame's styles
  const lines = frame.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const heading = lines.map((line) => /[│┃] +Story of day (\d+)/.exec(line)).find((m) => m !== null);
  return Number(heading?.[1] ?? -1);
}

describe('the next unread article', () => {
  it('J and K skip what is read, and say so at either end', async () => {
    const { r, lib } = await open();
    lib.setRead([29, 28, 26].map((day) => idOf(lib, day)), true);
    await r.waitFor(`1/${DAYS} · ${DAYS - 3} unread`);
    await r.press('J');
    await r.waitFor(`4/${DAYS}`); // day 27: rows 1 and 2 (days 29, 28) are read
    await r.press('J');
    await r.waitFor(`6/${DAYS}`); // day 25
    await r.press('K', 'K');
    await r.waitFor(`1/${DAYS}`);
    await r.press('K');
    await until(() => statusLine(r).includes('no unread articles above'), 'the notice');
    await r.press('G', 'J');
    await until(() => statusLine(r).includes('no more unread articles below'), 'the notice at the end');
  });

  it('Space pages the article, then goes on to the next unread one', async () => {
    const { r, lib } = await open();
    lib.setState(idOf(lib, 29), { read: true });
    await r.press('return');
    expect(shownDay(r)).toBe(30);
    // Page to the end of the long article of day 30; the next Space skips day 29 (read).
    for (let i = 0; i < 8 && !statusLine(r).includes(' end '); i++) await r.press('space');
    expect(statusLine(r)).toContain('1/30');
    await r.press('space');
    await r.waitFor(`3/${DAYS}`);
    expect(shownDay(r)).toBe(28);
    expect(statusLine(r)).toContain(' top ');
    // Opened, so read: day 30 and day 28, and 29 from before.
    await until(() => statusLine(r).includes(`${DAYS - 3} unread`), 'the unread count');
  });

  it('Jm in one write: moves, then marks the article moved to', async () => {
    const { r, lib } = await open();
    await r.type('Jm');
    await r.waitFor(`2/${DAYS}`);
    await until(() => lib.state(idOf(lib, 29)).read, 'day 29 read');
    expect(lib.state(idOf(lib, 30)).read).toBe(false);
  });
});

describe('views', () => {
  it('u shows only the unread, keeps an article read in it, and u again keeps the selection', async () => {
    const { r, lib } = await open();
    const earlier = [30, 29].map((day) => idOf(lib, day));
    lib.setRead(earlier, true);
    // Read a second before the view opens: the view keeps what was read from the moment it
    // opened on (read_at >= readSince, in ms), and a press in the same millisecond as the
    // marking kept both (one suite run in several on a loaded machine).
    lib.db.prepare(`UPDATE user_state SET read_at = read_at - 1000 WHERE id IN (${earlier.map(() => '?').join(', ')})`).run(...earlier);
    await r.press('u');
    await until(() => statusLine(r).includes(`1/${DAYS - 2} · ${DAYS - 2} unread · newest first · unread only`), () => statusLine(r));
    await r.press('j', 'return');
    expect(shownDay(r)).toBe(27);
    // Read now, and still in the view: the rows do not move under the reader.
    await r.waitFor(`2/${DAYS - 2} · ${DAYS - 3} unread`);
    await r.press('left', 'u');
    // Back to every article, with day 27 still selected (row 4).
    await until(() => statusLine(r).includes(`4/${DAYS} · ${DAYS - 3} unread · newest first`), () => statusLine(r));
    expect(statusLine(r)).not.toContain('unread only');
  });

  it('S shows only the starred; with none it says how to get back', async () => {
    const { r, lib } = await open();
    await r.press('S');
    await until(() => r.frame().includes('No starred articles here.'), 'the empty view');
    await r.press('S');
    lib.setState(idOf(lib, 12), { starred: true });
    await r.press('S');
    await r.waitFor(`1/1 · 1 unread · newest first · starred only`);
    expect(r.frame()).toContain('Story of day 12');
  });

  it('A asks, marks the whole view read on y, and U undoes it; n answers no', async () => {
    const { r, lib } = await open();
    lib.setState(idOf(lib, 30), { read: true });
    await r.press('A');
    await until(() => statusLine(r).includes(`mark ${DAYS - 1} unread articles read? (y/n)`), 'the question');
    // Other keys leave the question up.
    await r.press('x', 'j');
    expect(statusLine(r)).toContain('(y/n)');
    await r.press('n');
    await until(() => statusLine(r).includes('nothing marked'), 'no');
    expect(lib.count({ sort: 'newest', unreadOnly: true })).toBe(DAYS - 1);
    await r.press('A', 'y');
    await until(() => statusLine(r).includes(`marked ${DAYS - 1} articles read · U undoes`), 'yes');
    expect(statusLine(r)).toContain('· 0 unread');
    await r.press('U');
    await r.waitFor(`${DAYS - 1} unread`);
    // What was read before stays read.
    expect(lib.state(idOf(lib, 30)).read).toBe(true);
    expect(lib.state(idOf(lib, 29)).read).toBe(false);
  });

  it('Ay in one write marks everything read', async () => {
    const { r, lib } = await open();
    await r.type('Ay');
    await until(() => lib.count({ sort: 'newest', unreadOnly: true }) === 0, 'all read');
    await r.waitFor(`1/${DAYS} · 0 unread`);
  });

  it('in search results: o sorts the hits, u asks for unread hits, A marks the hits read', async () => {
    const { r, lib, asked } = await open();
    await r.type('/oil\r');
    await r.waitFor('10 matches · by relevance');
    await r.press('o');
    // The order shows at once; the hits in that order come with the answer.
    await r.waitFor('10 matches · newest first');
    await until(() => asked().at(-1) === 'sort:newest oil', () => `asked ${asked().join(', ')}`);
    // Newest first: day 30 is the first hit.
    expect(shownDay(r)).toBe(30);
    await r.press('o', 'o', 'o');
    await r.waitFor('10 matches · by relevance');
    lib.setState(idOf(lib, 27), { read: true });
    await r.press('u');
    await r.waitFor('9 matches · by relevance · unread only');
    expect(asked().at(-1)).toBe('is:unread oil');
    await r.press('u');
    // All the hits again, counted, before A asks about them.
    await until(() => statusLine(r).includes('10 matches · by relevance') && !statusLine(r).includes('unread only'), () => statusLine(r));
    await r.press('A');
    await until(() => statusLine(r).includes('mark all 10 matches read? (y/n)'), 'the question');
    await r.press('y');
    await until(() => statusLine(r).includes('marked 9 articles read'), 'marked');
    // Only the hits: other articles stay unread.
    expect(lib.count({ sort: 'newest', unreadOnly: true })).toBe(DAYS - 10);
  });
});

describe('what the reader keeps between runs', () => {
  it('reopens on the last sort, filters and selected article, not the search', async () => {
    const first = await open();
    // o and u keep the selected article (day 30, last when oldest first); g goes to the top.
    await first.r.press('o', 'u', 'g', 'j', 'j', 'j');
    await until(() => statusLine(first.r).includes(`4/${DAYS} · ${DAYS} unread · oldest first · unread only`), () => statusLine(first.r));
    await first.r.type('/oil\r');
    await first.r.waitFor('matches');
    await first.r.press('q');
    await until(() => first.r.quit.mock.calls.length === 1, 'quit');
    close();

    const again = await open();
    // The best oil hit (day 30, oil in each of its paragraphs) was selected at quitting: the
    // list is the oldest-first unread view, with day 30 selected, last.
    await until(() => statusLine(again.r).includes(`${DAYS}/${DAYS} · ${DAYS} unread · oldest first · unread only`), () => statusLine(again.r));
    expect(shownDay(again.r)).toBe(30);
    expect(fieldLine(again.r)).toBe('');
  });

  it('keeps the searches: / then Up brings back the last one', async () => {
    const first = await open();
    await first.r.type('/oil\r');
    await first.r.waitFor('matches');
    await first.r.type('/"day 12"\r');
    await first.r.waitFor('1 match');
    close();

    const again = await open();
    await again.r.press('/', 'up');
    await until(() => fieldLine(again.r).includes('"day 12"'), 'the last query');
    await again.r.press('up');
    await until(() => fieldLine(again.r).includes('oil'), 'the one before');
    await again.r.press('down', 'down');
    await until(() => fieldLine(again.r).includes('earlier searches'), 'back to the empty field');
  });
});

describe('the article pane following the list', () => {
  it('moves the selection in one frame and shows the article it stopped on in the next', async () => {
    const { r } = await open();
    const first = shownDay(r);
    const before = r.frames().length;
    await r.press('j');
    const drawn = r.frames().slice(before);
    const moved = drawn.findIndex((f) => f.includes(`2/${DAYS}`));
    expect(moved).toBeGreaterThanOrEqual(0);
    // The frame that moves the selection keeps the article it showed...
    expect(dayIn(drawn[moved]!)).toBe(first);
    // ...and the next one shows the article selected.
    await until(() => shownDay(r) !== first, () => `day ${shownDay(r)} shown`);
    expect(shownDay(r)).toBe(first - 1);
  });

  it('keys pressed in a run show only the article they stop on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { r } = await open();
    const first = shownDay(r);
    const before = r.frames().length;
    // Three presses, each well inside the pane's delay of the one before.
    for (let n = 2; n <= 4; n++) {
      await r.press('j');
      await r.waitFor(`${n}/${DAYS}`);
      vi.advanceTimersByTime(10);
    }
    expect(shownDay(r)).toBe(first);
    vi.advanceTimersByTime(10);
    await until(() => shownDay(r) !== first, () => `day ${shownDay(r)} shown`);
    expect(shownDay(r)).toBe(first - 3);
    const shown = new Set(r.frames().slice(before).map(dayIn));
    expect(shown).toEqual(new Set([first, first - 3]));
  });

  it('in the article, J shows the next unread article, with nothing else drawn between', async () => {
    const { r } = await open();
    await r.press('enter');
    const day = shownDay(r);
    const before = r.frames().length;
    await r.press('J');
    await until(() => shownDay(r) !== day, () => `day ${shownDay(r)} shown`);
    const next = shownDay(r);
    expect(next).toBe(day - 1);
    expect(r.frames().slice(before).every((frame) => dayIn(frame) === day || dayIn(frame) === next)).toBe(true);
  });
});

describe('articles arriving while keys are read', () => {
  it('a key that moved the selection before the next frame is kept when rows come above it', async () => {
    const { r, lib } = await open();
    await r.press('j');
    await r.waitFor(`2/${DAYS}`);
    // Another article, newer than every other, stored by another writer: a copy of day 1
    // under a new path, dated in February.
    const columns = (lib.db.prepare("SELECT name FROM pragma_table_xinfo('articles') WHERE hidden = 0").all() as { name: string }[])
      .map((c) => c.name)
      .filter((name) => !['rowid', 'path', 'date'].includes(name));
    const list = columns.join(', ');
    // j read, its frame not yet drawn: the rows change under it, and it must still count.
    r.write('j');
    lib.db
      .prepare(`INSERT INTO articles (${list}, path, date) SELECT ${list}, path || '.copy', '2016-02-01' FROM articles WHERE headline = ?`)
      .run('Story of day 1');
    lib.changed('articles');
    // Day 28 was third; one article came above it, so it is fourth of 31, and selected.
    await until(() => statusLine(r).includes(`4/${DAYS + 1}`), () => statusLine(r));
    // The article pane follows the selection a frame later (App.tsx).
    await until(() => shownDay(r) === 28, () => `day ${shownDay(r)} shown`);
    lib.db.prepare("DELETE FROM articles WHERE path LIKE '%.copy'").run();
  });
});
