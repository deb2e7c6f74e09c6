/**
 * Keys that arrive while focus moves (the search field closing, an article opening) and
 * the odd bytes terminals send for Enter and Esc: none may be lost or misread.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDbFromTexts, type FixtureDb } from '../search/fixture-db.js';
import { fieldLine, openStored, type Reader, statusLine, type Stored, tick } from './harness.js';
import { SEARCH_FIXTURE, SEARCH_MATCHES } from './search-fixture.js';

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

async function open(width = 100, height = 30): Promise<Reader> {
  stored = await openStored(fixture.dbPath, { width, height });
  return stored.reader;
}

const { all } = SEARCH_MATCHES;
const matches = (word: 'oil' | 'yukos'): number => SEARCH_MATCHES[word].length;

async function searchFor(r: Reader, query: 'oil' | 'yukos'): Promise<number> {
  await r.press('/');
  await r.type(query);
  const count = matches(query);
  await r.waitFor(`1/${count} · ${count} matches`);
  return count;
}

describe('keys while focus moves', () => {
  it('moves in the hits with a j sent right after the Enter that closes the field', async () => {
    const r = await open();
    const count = await searchFor(r, 'yukos');
    // Two reads, no frame between them: the j arrives while the field is closing.
    r.write('\r');
    r.write('j');
    await r.waitFor(`2/${count} · ${count} matches`);
    expect(fieldLine(r)).toBe('');
  });

  it('moves in the list with a j sent right after the Esc that closes the field', async () => {
    const r = await open();
    await searchFor(r, 'yukos');
    r.write('\u001b');
    // Ink holds a lone Esc back for one turn; the j follows as soon as it is let through.
    await tick();
    r.write('j');
    await r.waitFor(new RegExp(`2/${all} · \\d+ unread · newest first`));
    expect(fieldLine(r)).toBe('');
  });

  it('takes Esc and j read together as Esc, then j: the field closes and the list moves', async () => {
    const r = await open();
    await searchFor(r, 'yukos');
    r.write('\u001bj');
    await r.waitFor(new RegExp(`2/${all} · \\d+ unread · newest first`));
    expect(fieldLine(r)).toBe('');
  });

  it('takes `/`, a query, Enter and list keys written back to back', async () => {
    const r = await open();
    for (const chunk of ['/', 'o', 'i', 'l', '\r', 'j', 'j']) r.write(chunk);
    const count = matches('oil');
    await r.waitFor(`3/${count} · ${count} matches`);
  });
});

describe('Escape and Enter as terminals send them', () => {
  it('takes two Escapes in one read as two: back from the article, then out of the results', async () => {
    const r = await open();
    const count = await searchFor(r, 'yukos');
    await r.press('return', 'return');
    await r.waitFor(/scroll/);
    r.write('\u001b\u001b');
    await r.waitFor(new RegExp(`1/${all} · \\d+ unread · newest first`));
    expect(statusLine(r)).not.toContain(`${count} matches`);
    expect(statusLine(r)).toMatch(/j\/k move/);
  });

  it('leaves the field and the results with two Escapes in one read', async () => {
    const r = await open();
    await r.press('j');
    await searchFor(r, 'yukos');
    await r.press('return');
    await r.press('/');
    r.write('\u001b\u001b');
    await r.waitFor(new RegExp(`2/${all} · \\d+ unread · newest first`));
    expect(fieldLine(r)).toBe('');
  });

  it('opens the article on a line feed, as on a carriage return', async () => {
    const r = await open(60, 20);
    expect(statusLine(r)).toContain(`1/${all}`);
    await r.type('\n');
    expect(statusLine(r)).toMatch(/scroll/);
  });

  it('submits the query on a line feed', async () => {
    const r = await open();
    const count = await searchFor(r, 'yukos');
    await r.type('\n');
    expect(fieldLine(r)).toBe('');
    await r.press('j');
    await r.waitFor(`2/${count} · ${count} matches`);
  });
});

describe('editing the query', () => {
  it('moves the cursor, deletes under and before it, and inserts where it is', async () => {
    const r = await open();
    await r.press('/');
    await r.type('yukso');
    await r.press('left', 'left', 'backspace');
    expect(fieldLine(r)).toContain('/yuso');
    await r.press('right', 'k');
    // Nothing says yusko: the real search answers with none (and a spelling to try).
    await r.waitFor('no matches');
    expect(fieldLine(r)).toContain('/yusko');
    await r.press('home');
    await r.type('\u001b[3~'); // Delete
    expect(fieldLine(r)).toContain('/usko');
    await r.press('end');
    await r.type(' oil');
    expect(fieldLine(r)).toContain('/usko oil');
    await r.press('ctrl+w');
    await r.type('gas');
    expect(fieldLine(r)).toContain('/usko gas');
  });

  it('takes a paste into the middle of the query and drops its control characters', async () => {
    const r = await open();
    await r.press('/');
    await r.type('oil');
    await r.press('home');
    await r.type('\u0007crude ');
    expect(fieldLine(r)).toContain('/crude oil');
  });
});
