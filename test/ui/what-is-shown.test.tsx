/**
 * What the reader shows is what the library holds now: marks on search hits, marks set
 * by another reader on the same library, hits of a search typed before the articles were
 * indexed, and the selected article when the search field opens over the list.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import { fixtureDbFromTexts, type FixtureDb } from '../search/fixture-db.js';
import { type Reader, renderReader, statusLine } from './harness.js';

/** Poll `condition` until it holds; the deadline only turns a hang into a failure. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const waitFor = (r: Reader, text: string): Promise<void> => until(() => r.frame().includes(text), text);

function storyText(day: number, words = ''): string {
  return `Story of day ${day}\n\nUpdated Jan ${day}, 2016\n\nWhat happened on day ${day}. ${words}\n`;
}

const DAYS = 12;
let fixture: FixtureDb;
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  const days = Array.from({ length: DAYS }, (_, i) => i + 1);
  fixture = await fixtureDbFromTexts(days.map((day) => ({ path: `news/day-${day}.txt`, text: storyText(day, day % 2 === 0 ? 'Oil fell.' : '') })));
});

afterAll(() => fixture.remove());

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A reader on its own connection to `db`, closed after the test. */
async function open(db: string, width = 100, height = 30): Promise<{ r: Reader; lib: SqliteLibrary }> {
  const lib = openLibrary({ paths: [], db });
  const searcher = new SqliteSearcher(db);
  const r = await renderReader({ library: lib, searcher, width, height });
  cleanups.push(() => {
    r.unmount();
    searcher.close();
    lib.close();
  });
  return { r, lib };
}

function resetMarks(): void {
  const lib = openLibrary({ paths: [], db: fixture.dbPath });
  lib.db.prepare('DELETE FROM user_state').run();
  lib.close();
}

const lineOf = (r: Reader, headline: string): string => r.frame().split('\n').find((line) => line.includes(`${headline} `)) ?? '';

describe('marks', () => {
  afterEach(resetMarks);

  it('shows the marks the library has now on search hits, not those from when they were found', async () => {
    const { r, lib } = await open(fixture.dbPath);
    const newest = lib.page({ sort: 'newest' }, 0, 1)[0]!;
    lib.setState(newest.id, { starred: true });
    await r.type('/oil\r');
    await waitFor(r, '6 matches');
    await until(() => lineOf(r, newest.headline).includes('★'), 'the star on the hit');
    await r.press('g', 's');
    expect(lib.state(newest.id).starred).toBe(false);
    await r.press('j');
    await until(() => statusLine(r).startsWith(' 2/6'), 'the second hit');
    expect(lineOf(r, newest.headline)).not.toContain('★');
  });

  it("shows another reader's marks on the same library within a second", async () => {
    const a = await open(fixture.dbPath);
    const b = await open(fixture.dbPath);
    const newest = a.lib.page({ sort: 'newest' }, 0, 1)[0]!;
    await a.r.type('s');
    expect(a.lib.state(newest.id).starred).toBe(true);
    await until(() => lineOf(b.r, newest.headline).includes('★'), "the other reader's star");
    await b.r.type('m');
    await until(() => lineOf(a.r, newest.headline).startsWith(' '), "the other reader's mark read");
  });
});

describe('the search field over the list', () => {
  it('keeps the selected row on screen and its article shown when the field opens', async () => {
    const { r, lib } = await open(fixture.dbPath, 100, 12);
    // Eleven rows of list above the status bar: select the bottom one.
    await r.type('jjjjjjjjjj');
    await until(() => statusLine(r).startsWith(` 11/${DAYS}`), 'row 11');
    const selected = lib.page({ sort: 'newest' }, 10, 1)[0]!;
    await r.type('/');
    await until(() => r.frame().split('\n').some((line) => line.startsWith('/')), 'the field');
    expect(statusLine(r)).toMatch(new RegExp(`^ 11/${DAYS}`));
    expect(lineOf(r, selected.headline)).not.toBe('');
    expect(r.frame()).not.toContain('no longer there');
    await until(() => r.frame().includes(`What happened on day ${DAYS - 10}.`), 'the selected article in the pane');
  });
});

describe('a search typed before the articles are indexed', () => {
  it('shows the hits once they are indexed, without another key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-live-'));
    const folder = path.join(dir, 'news');
    mkdirSync(folder);
    const db = path.join(dir, 'library.db');
    const lib = openLibrary({ paths: [folder], db });
    const searcher = new SqliteSearcher(db);
    const r = await renderReader({ library: lib, searcher, width: 100, height: 30 });
    cleanups.push(() => {
      r.unmount();
      searcher.close();
      lib.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await r.type('/oil');
    await waitFor(r, 'no matches');
    for (const day of [1, 2, 3]) writeFileSync(path.join(folder, `day-${day}.txt`), storyText(day, 'Oil rose.'));
    await lib.refresh().done;
    await waitFor(r, '3 matches');
    expect(r.frame()).toContain('Story of day 3');
  });

  it('asks again on Enter', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-again-'));
    const folder = path.join(dir, 'news');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'day-1.txt'), storyText(1, 'Oil rose.'));
    const db = path.join(dir, 'library.db');
    const writer = openLibrary({ paths: [folder], db });
    cleanups.push(() => {
      writer.close();
      rmSync(dir, { recursive: true, force: true });
    });
    await writer.refresh().done;
    const { r } = await open(db);
    await r.type('/zebra');
    await waitFor(r, 'no matches');
    // Another process indexes an article the reader was not told about.
    writeFileSync(path.join(folder, 'day-2.txt'), storyText(2, 'A zebra crossing opened.'));
    await writer.refresh().done;
    await r.press('return');
    await waitFor(r, '1/1 · 1 match');
    expect(r.frame()).toContain('Story of day 2');
  });
});
