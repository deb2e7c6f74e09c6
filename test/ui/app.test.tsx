import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDbFromTexts, type FixtureDb, type FixtureText } from '../search/fixture-db.js';
import { articleText, openStored, type Reader, seedFixture, type Stored, until } from './harness.js';

/**
 * The list fixture: 120 dated articles in three sections. `LIST[k]` is the k-th newest
 * (the first row of the list); a few headlines are there for the A–Z order.
 */
const LIST_SIZE = 120;
const SECTIONS = ['business', 'politics', 'sport'];
const SPECIAL: Record<number, string> = {
  7: 'Zebra crossing opens on the high street',
  20: '\u00c9clair shortage hits bakeries',
  33: 'apple harvest begins early',
  34: 'Apple shares rise after results',
  50: "'Quoted' headline comes first",
  61: '2016 in review',
};
const LIST = Array.from({ length: LIST_SIZE }, (_, k) => {
  const day = new Date(Date.UTC(2016, 0, 1 + LIST_SIZE - k)).toISOString().slice(0, 10);
  const headline = SPECIAL[k] ?? `Story ${String(k + 1).padStart(3, '0')} of the year`;
  const section = SECTIONS[k % SECTIONS.length]!;
  const body = `The first paragraph of story ${k + 1}.\n\nThe second paragraph of story ${k + 1}, in ${section}.`;
  return { path: `${section}/${String(k).padStart(3, '0')}.txt`, text: articleText(headline, day, body), headline, day, section };
});

const fixtures: FixtureDb[] = [];
let list: FixtureDb;
let seed: FixtureDb;
let stored: Stored | null = null;

beforeAll(async () => {
  [list, seed] = await Promise.all([fixtureDbFromTexts(LIST, { once: true }), seedFixture()]);
  fixtures.push(list, seed);
}, 60_000);

afterAll(() => {
  for (const fixture of fixtures) fixture.remove();
});

afterEach(() => {
  // Each test starts with nothing read or starred: the fixtures are shared by the file.
  stored?.library.db.prepare('DELETE FROM user_state').run();
  stored?.close();
  stored = null;
});

async function open(fixture: FixtureDb, width: number, height: number, search = false): Promise<Reader> {
  stored?.close();
  stored = await openStored(fixture.dbPath, { width, height, search });
  return stored.reader;
}

/** A fixture database of its own over `texts`, removed after the file's tests. */
async function fixtureOf(texts: FixtureText[]): Promise<FixtureDb> {
  const fixture = await fixtureDbFromTexts(texts, { once: true });
  fixtures.push(fixture);
  return fixture;
}

/** Lines of the frame without styling, each no wider than the screen. */
function lines(r: Reader): string[] {
  // eslint-disable-next-line no-control-regex
  return r.frame().replace(/\u001b\[[0-9;]*m/g, '').split('\n');
}

function expectFits(r: Reader, width: number, height: number): void {
  const all = lines(r);
  expect(all.length).toBeLessThanOrEqual(height);
  for (const line of all) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
}

function statusLine(r: Reader): string {
  return lines(r).at(-1) ?? '';
}

describe('on the seed', () => {
  it('shows the headline in the list and the article beside it on a wide terminal', async () => {
    const r = await open(seed, 100, 30);
    const frame = r.frame();
    expect(frame).toMatch(/US-Russia talks on Syria end/);
    expect(frame).toContain('│');
    expect(frame).toContain('Presidents Barack Obama and Vladimir Putin');
    expect(statusLine(r)).toMatch(/1\/1 · \d+ unread · newest first/);
    expect(statusLine(r)).toMatch(/\? help/);
    expectFits(r, 100, 30);
  });

  it('wraps the article to the pane and scrolls it once focused', async () => {
    const r = await open(seed, 100, 30);
    await r.press('return');
    expect(statusLine(r)).toMatch(/j\/k scroll/);
    await r.press('G');
    expect(r.frame()).toContain('TRTWorld and agencies');
    await r.press('g');
    expect(r.frame()).toContain('Presidents Barack Obama');
    expectFits(r, 100, 30);
  });

  it('marks the article read when it is opened, and toggles star and read', async () => {
    const r = await open(seed, 100, 30);
    expect(r.frame()).toMatch(/● {2}US-Russia/);
    await r.press('s');
    expect(r.frame()).toMatch(/●★ US-Russia/);
    await r.press('return');
    expect(r.frame()).toMatch(/ ★ US-Russia/);
    await r.press('m');
    expect(r.frame()).toMatch(/●★ US-Russia/);
  });
});

describe('on a library of 120 articles', () => {
  it('moves through the list with j/k and the arrows, the article following', async () => {
    const r = await open(list, 100, 30);
    expect(statusLine(r)).toMatch(/1\/120/);
    await r.press('j', 'j', 'down');
    expect(statusLine(r)).toMatch(/4\/120/);
    const fourth = LIST[3]!.headline;
    expect(r.frame()).toContain(fourth);
    await r.press('k', 'up');
    expect(statusLine(r)).toMatch(/2\/120/);
  });

  it('pages and jumps to both ends', async () => {
    const r = await open(list, 100, 30);
    await r.press('pagedown');
    expect(statusLine(r)).toMatch(/30\/120/);
    await r.press('ctrl+f');
    expect(statusLine(r)).toMatch(/59\/120/);
    await r.press('ctrl+b');
    expect(statusLine(r)).toMatch(/30\/120/);
    await r.press('G');
    expect(statusLine(r)).toMatch(/120\/120/);
    expect(r.frame()).toContain(LIST[119]!.headline.slice(0, 20));
    await r.press('home');
    expect(statusLine(r)).toMatch(/1\/120/);
  });

  it('renders only the rows on screen', async () => {
    const r = await open(list, 100, 30);
    expect(lines(r)).toHaveLength(30);
    expect(r.frame()).not.toContain(LIST[40]!.headline);
  });

  it('keeps up with 100 quick presses', async () => {
    const r = await open(list, 100, 30);
    // Keys written back to back, as a held key delivers them, without waiting between.
    for (let i = 0; i < 100; i++) void r.press('j');
    await until(() => statusLine(r).includes('101/120'), '101/120');
    await r.press('k');
    expect(statusLine(r)).toMatch(/100\/120/);
    expect(r.frame()).toContain(LIST[99]!.headline.slice(0, 20));
  });

  it('takes a run of keys that arrive in one read as separate presses', async () => {
    const r = await open(list, 100, 30);
    await r.type('jjjjj');
    expect(statusLine(r)).toMatch(/6\/120/);
  });

  it('moves to the next and previous article from the article pane', async () => {
    const r = await open(list, 100, 30);
    await r.press('return', ']', ']');
    expect(statusLine(r)).toMatch(/3\/120/);
    expect(statusLine(r)).toMatch(/scroll/);
    await r.press('[');
    expect(statusLine(r)).toMatch(/2\/120/);
    await r.press('tab');
    expect(statusLine(r)).toMatch(/move/);
  });

  it('cycles the sort order', async () => {
    const r = await open(list, 100, 30);
    await r.press('o', 'o');
    expect(statusLine(r)).toMatch(/A–Z/);
    // The article selected stays selected in the new order; g goes to the top of it.
    await r.press('g');
    // The store's order (COLLATE NOCASE): punctuation and digits before letters, ASCII case
    // folded, equal headlines by path, and non-ASCII letters after z.
    expect(lines(r).slice(0, 4).map((line) => line.slice(0, 40))).toEqual([
      expect.stringContaining("'Quoted' headline comes first"),
      expect.stringContaining('2016 in review'),
      expect.stringContaining('apple harvest begins early'),
      expect.stringContaining('Apple shares rise after results'),
    ]);
    await r.press('G');
    expect(lines(r).at(-2)).toContain('\u00c9clair shortage');
    await r.press('k');
    expect(lines(r).at(-3)).toContain('Zebra crossing');
  });
});

describe('narrow terminals', () => {
  it('shows the list full screen, Enter opens the article and Esc goes back', async () => {
    const r = await open(list, 60, 20);
    expect(r.frame()).not.toContain('│');
    expect(lines(r)[0]).toContain(LIST[0]!.headline);
    expect(lines(r)[0]).toMatch(/2016-04-30$/);
    await r.press('return');
    // The header says what the article is and where it comes from, then the headline.
    expect(lines(r)[0]).toBe(' 2016-04-30 · business');
    expect(lines(r)[1]).toMatch(/^ .*business/);
    // The path (a temporary folder, of any length) wraps; the headline follows a blank line.
    const headlineAt = lines(r).indexOf(` ${LIST[0]!.headline}`);
    expect(headlineAt).toBeGreaterThan(1);
    expect(lines(r)[headlineAt - 1]).toBe('');
    expect(r.frame()).toContain('The first paragraph of story 1.');
    expect(r.frame()).not.toContain(LIST[1]!.headline);
    await r.press('escape');
    expect(r.frame()).toContain(LIST[1]!.headline);
    expectFits(r, 60, 20);
  });

  it('z gives a full-width article at any width', async () => {
    const r = await open(seed, 100, 30);
    await r.press('z');
    expect(r.frame()).not.toContain('│');
    expect(lines(r)[0]).toMatch(/^ TRTWorld and agencies · 2016-09-06/);
    expect(lines(r)[3]).toMatch(/^ US-Russia talks on Syria end without deal/);
    await r.press('z');
    // Back beside the list, with the article keeping the keys (the heavier rule).
    expect(r.frame()).toContain('┃');
  });

  it('shows what fits in 20x6 and never draws past the edge', async () => {
    const r = await open(list, 20, 6);
    expectFits(r, 20, 6);
    expect(lines(r)[0]).toMatch(/…/);
    for (const key of ['j', 'return', 'space', 'G', 'escape', '?', 'j', 'q', 'z', 'G', 'g', 'escape', 'o']) {
      await r.press(key);
      expectFits(r, 20, 6);
    }
  });

  it('re-lays out at once when the terminal is resized', async () => {
    const r = await open(list, 100, 30);
    await r.press('G');
    await r.rerender({ width: 40, height: 8 });
    expectFits(r, 40, 8);
    expect(statusLine(r)).toMatch(/120\/120/);
    expect(r.frame()).toContain(LIST[119]!.headline.slice(0, 10));
    await r.rerender({ width: 100, height: 30 });
    expect(r.frame()).toContain('│');
  });
});

describe('help, quit and edges', () => {
  it('lists every binding by group and closes on the next key', async () => {
    const r = await open(seed, 100, 40);
    await r.press('?');
    const frame = r.frame();
    for (const heading of ['Headline list', 'Article']) expect(frame).toContain(heading);
    expect(frame).toMatch(/PgDn Ctrl-F\s+page down/);
    // j scrolls on to the search field's keys.
    for (let i = 0; i < 80 && !/Ctrl-W\s+delete the word before the cursor/.test(r.frame()); i++) await r.press('j');
    expect(r.frame()).toContain('Search field');
    expect(r.frame()).toMatch(/Ctrl-W\s+delete the word before the cursor/);
    // Taller than the screen: G goes to its end instead of closing it.
    await r.press('G');
    expect(r.frame()).toMatch(/Ctrl-Z\s+suspend/);
    expect(r.frame()).toMatch(/Ctrl-L\s+redraw the screen/);
    for (const form of ['"oil price"', '-word', 'oil OR gas', 'headline:oil', 'source:', 'section:', 'after:', 'before:', 'is:unread']) {
      expect(r.frame()).toContain(form);
    }
    await r.press('escape');
    expect(r.frame()).toContain('US-Russia talks');
    expect(r.quit).not.toHaveBeenCalled();
  });

  it('quits with q and with Ctrl-C', async () => {
    const r = await open(seed, 100, 30);
    await r.press('q');
    expect(r.quit).toHaveBeenCalledTimes(1);
    const again = await open(seed, 60, 20);
    await again.press('ctrl+c');
    expect(again.quit).toHaveBeenCalledTimes(1);
  });

  it('says what to do with an empty library, and keys do nothing harmful', async () => {
    const r = await open(await fixtureOf([]), 60, 20);
    expect(r.frame()).toMatch(/No articles here/);
    await r.press('j', 'return', 'G', 'z', 's', 'm', '[', 'o');
    expect(r.frame()).toMatch(/No articles here/);
    expect(statusLine(r)).toMatch(/0\/0/);
  });

  it('shows hostile text as inert symbols', async () => {
    const text = 'Evil\u001b]0;pwned\u0007 headline\u001b[2J\r\n\nBody\u001b]52;c;aGk=\u0007 text \u202eoverride\n';
    const r = await open(await fixtureOf([{ path: 'evil.txt', text }]), 100, 30);
    const frame = r.frame();
    expect(frame).toContain('Evil');
    for (const bad of ['\u001b]', '\u0007', '\u001b[2J', '\u202e', '\r']) expect(frame).not.toContain(bad);
  });

  it('lines up wide, combined and emoji headlines without running past the edge', async () => {
    const texts = ['日本語のニュース見出しがとても長い場合の表示', '👩‍👩‍👧 family emoji headline that goes on', 'Cafe\u0301 Zoe\u0308 combining marks here', '한국어 헤드라인 뉴스'];
    const wide = await fixtureOf(
      texts.map((headline, i) => ({ path: `world/w${i}.txt`, text: `${headline}\n\nUpdated Sep ${i + 1}, 2016\n\nA body with 日本語 and 👍 words.\n` })),
    );
    for (const [w, h] of [[100, 30], [60, 20], [20, 6]] as const) {
      const r = await open(wide, w, h);
      expect(statusLine(r)).toMatch(w >= 60 ? /1\/4/ : /1\//);
      expectFits(r, w, h);
      await r.press('return');
      expectFits(r, w, h);
    }
  });

  it('pages through 3,000 articles', async () => {
    // Dated a minute apart, so newest first is the reverse of the numbering.
    const many = await fixtureOf(
      Array.from({ length: 3_000 }, (_, i) => {
        const at = new Date(Date.UTC(2016, 0, 1, 0, i)).toISOString().replace('.000', '');
        return { path: `a/${String(i).padStart(5, '0')}.txt`, text: `Headline number ${i}\n\nUpdated ${at}\n\nBody ${i}.\n` };
      }),
    );
    const r = await open(many, 100, 30);
    expect(statusLine(r)).toMatch(/1\/3000/);
    expect(lines(r)[0]).toContain('Headline number 2999');
    await r.press('G');
    expect(statusLine(r)).toMatch(/3000\/3000/);
    expect(r.frame()).toContain('Headline number 0');
    await r.press('pageup', 'k');
    expect(statusLine(r)).toMatch(/2970\/3000/);
  }, 60_000);

  it('says search is unavailable without a searcher', async () => {
    const r = await open(seed, 100, 30);
    expect(statusLine(r)).not.toMatch(/search/);
    await r.press('/');
    expect(statusLine(r)).toMatch(/search is not available/);
  });
});
