/**
 * The config file's settings in the reader: rebound keys act and show in the help and the
 * status-bar hints, the list starts in the configured sort, an article is marked read only
 * after mark_read_after, and the mouse scrolls, selects and never types.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keymapFrom } from '../../src/config/keys.js';
import { fixtureDbFromTexts, type FixtureDb } from '../search/fixture-db.js';
import { articleText, fieldLine, openStored, type Reader, type ReaderSettings, statusLine, type Stored, until } from './harness.js';

const COUNT = 30;
const TEXTS = Array.from({ length: COUNT }, (_, k) => {
  const day = new Date(Date.UTC(2016, 0, 1 + COUNT - k)).toISOString().slice(0, 10);
  const paragraphs = Array.from({ length: 40 }, (_, p) => `Paragraph ${p + 1} of story ${k + 1}.`).join('\n\n');
  return { path: `news/${String(k).padStart(2, '0')}.txt`, text: articleText(`Story ${String(k + 1).padStart(2, '0')} headline`, day, paragraphs) };
});

let fixture: FixtureDb;
let stored: Stored | null = null;

beforeAll(async () => {
  fixture = await fixtureDbFromTexts(TEXTS, { once: true });
}, 60_000);

afterAll(() => fixture.remove());

afterEach(() => {
  vi.useRealTimers();
  stored?.library.db.prepare('DELETE FROM user_state').run();
  stored?.close();
  stored = null;
});

async function open(settings: ReaderSettings, width = 100, height = 20, search = false): Promise<Reader> {
  stored = await openStored(fixture.dbPath, { width, height, settings, search });
  return stored.reader;
}

/** Whether the article with this headline is read in the library. */
function isRead(headline: string): boolean {
  const library = stored!.library;
  const row = library.page({ sort: 'newest' }, 0, COUNT).find((r) => r.headline === headline);
  return row !== undefined && library.state(row.id).read;
}

describe('rebound keys', () => {
  const keymap = keymapFrom({ down: ['d', 'down'], up: ['i', 'up'], star: ['*'], help: ['H'] });

  it('act in place of the default ones', async () => {
    const r = await open({ keymap });
    await r.waitFor('1/30');
    await r.press('d', 'd');
    await r.waitFor('3/30');
    await r.press('j');
    expect(statusLine(r)).toContain('3/30');
    await r.press('i');
    await r.waitFor('2/30');
    await r.press('*');
    await until(() => /★ Story 02/.test(r.frame()), 'the star');
    await r.press('s');
    expect(r.frame()).toMatch(/★ Story 02/);
  });

  it('show in the status-bar hints and the help', async () => {
    const r = await open({ keymap }, 120);
    await r.waitFor('1/30');
    expect(statusLine(r)).toContain('d/i move');
    expect(statusLine(r)).toContain('* star');
    expect(statusLine(r)).toContain('H help');
    expect(statusLine(r)).not.toContain('j/k');
    await r.press('H');
    await r.waitFor('Headline list');
    expect(r.frame()).toMatch(/Keys {2}\(d\/i and Space scroll, q closes\)/);
    expect(r.frame()).toMatch(/^ {2}d ↓ +next headline$/m);
    expect(r.frame()).not.toMatch(/^ {2}↓ j +next headline$/m);
  });
});

describe('sort', () => {
  it('starts the list in the configured order', async () => {
    const r = await open({ sort: 'oldest' });
    await r.waitFor('1/30');
    expect(r.frame().split('\n')[0]).toContain('Story 30 headline');
    expect(statusLine(r)).toMatch(/oldest/);
  });
});

describe('mark_read_after', () => {
  it('marks an opened article read only once it has been open that long; moving on sooner leaves it unread', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const r = await open({ markReadAfter: 1000 }, 100, 20);
    await r.waitFor('1/30');
    await r.press('return');
    vi.advanceTimersByTime(999);
    expect(isRead('Story 01 headline')).toBe(false);
    // On to the next one before the second is up.
    await r.press(']');
    await r.waitFor('2/30');
    vi.advanceTimersByTime(5000);
    expect(isRead('Story 01 headline')).toBe(false);
    expect(isRead('Story 02 headline')).toBe(true);
  });

  it('leaves an article unread when it is marked by hand while waiting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const r = await open({ markReadAfter: 1000 }, 100, 20);
    await r.waitFor('1/30');
    await r.press('return', 'm', 'm');
    vi.advanceTimersByTime(5000);
    expect(isRead('Story 01 headline')).toBe(false);
  });

  it('never marks with "never", and at once with 0', async () => {
    let r = await open({ markReadAfter: null });
    await r.waitFor('1/30');
    await r.press('return', 'q');
    expect(isRead('Story 01 headline')).toBe(false);
    stored?.close();
    r = await open({ markReadAfter: 0 });
    await r.waitFor('1/30');
    await r.press('return');
    expect(isRead('Story 01 headline')).toBe(true);
  });
});

const ESC = '\u001b';
const wheelDown = (x: number, y: number): string => `${ESC}[<65;${x + 1};${y + 1}M`;
const wheelUp = (x: number, y: number): string => `${ESC}[<64;${x + 1};${y + 1}M`;
const click = (x: number, y: number): string => `${ESC}[<0;${x + 1};${y + 1}M${ESC}[<0;${x + 1};${y + 1}m`;

describe('the mouse', () => {
  it('scrolls the list under the pointer, three headlines a notch', async () => {
    const r = await open({});
    await r.waitFor('1/30');
    await r.type(wheelDown(5, 3));
    await r.waitFor('4/30');
    await r.type(wheelDown(5, 3) + wheelDown(5, 3));
    await r.waitFor('10/30');
    await r.type(wheelUp(5, 3));
    await r.waitFor('7/30');
  });

  it('scrolls the article under the pointer while the list keeps the keys', async () => {
    const r = await open({});
    await r.waitFor('1/30');
    expect(r.frame()).toContain('Paragraph 1 of story 1.');
    for (let i = 0; i < 4; i++) await r.type(wheelDown(70, 5));
    await until(() => !r.frame().includes('Paragraph 1 of story 1.'), 'the article scrolled');
    expect(statusLine(r)).toContain('1/30');
  });

  it('selects a clicked headline, and opens it with a second click', async () => {
    const r = await open({});
    await r.waitFor('1/30');
    await r.type(click(10, 4));
    await r.waitFor('5/30');
    await r.waitFor('Paragraph 1 of story 5.');
    await r.type(click(10, 4));
    await until(() => statusLine(r).includes('scroll'), 'the article has the keys');
  });

  it('gives the article the keys when it is clicked', async () => {
    const r = await open({});
    await r.waitFor('1/30');
    await r.type(click(70, 3));
    await until(() => statusLine(r).includes('scroll'), 'the article has the keys');
    await r.press('j');
    expect(statusLine(r)).toContain('1/30');
  });

  it('never types into the search field', async () => {
    const r = await open({}, 100, 20, true);
    await r.waitFor('1/30');
    await r.press('/');
    await r.type('oil');
    await until(() => fieldLine(r).startsWith('/oil'), 'the query');
    await r.type(`${ESC}[<64;10;5M`);
    await r.type(`${wheelDown(5, 3)}${click(5, 3)}`);
    expect(fieldLine(r)).toMatch(/^\/oil\s*$/);
  });
});
