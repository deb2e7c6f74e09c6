import stringWidth from 'string-width';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types.js';
import { parseArticle } from '../../src/article/parse.js';
import { MemoryLibrary } from '../fakes/memory-library.js';
import { bbcArticles, type Reader, renderReader, seedArticles, until } from './harness.js';

let bbc: Article[];
let seed: Article[];
let reader: Reader | null = null;

beforeAll(async () => {
  [bbc, seed] = await Promise.all([bbcArticles(), seedArticles()]);
});

afterEach(() => {
  reader?.unmount();
  reader = null;
});

async function open(articles: Article[], width: number, height: number): Promise<Reader> {
  reader = await renderReader({ library: new MemoryLibrary(articles), width, height });
  return reader;
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
    expect(statusLine(r)).toMatch(/1\/1 · newest first/);
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

describe('on the BBC corpus', () => {
  it('moves through the list with j/k and the arrows, the article following', async () => {
    const r = await open(bbc, 100, 30);
    expect(statusLine(r)).toMatch(/1\/2225/);
    await r.press('j', 'j', 'down');
    expect(statusLine(r)).toMatch(/4\/2225/);
    const fourth = bbc[3]!.headline;
    expect(r.frame()).toContain(fourth);
    await r.press('k', 'up');
    expect(statusLine(r)).toMatch(/2\/2225/);
  });

  it('pages and jumps to both ends', async () => {
    const r = await open(bbc, 100, 30);
    await r.press('pagedown');
    expect(statusLine(r)).toMatch(/30\/2225/);
    await r.press('ctrl+f');
    expect(statusLine(r)).toMatch(/59\/2225/);
    await r.press('ctrl+b');
    expect(statusLine(r)).toMatch(/30\/2225/);
    await r.press('G');
    expect(statusLine(r)).toMatch(/2225\/2225/);
    expect(r.frame()).toContain(bbc[2224]!.headline.slice(0, 20));
    await r.press('home');
    expect(statusLine(r)).toMatch(/1\/2225/);
  });

  it('renders only the rows on screen', async () => {
    const r = await open(bbc, 100, 30);
    expect(lines(r)).toHaveLength(30);
    expect(r.frame()).not.toContain(bbc[40]!.headline);
  });

  it('keeps up with 100 quick presses', async () => {
    const r = await open(bbc, 100, 30);
    // Keys written back to back, as a held key delivers them, without waiting between.
    for (let i = 0; i < 100; i++) void r.press('j');
    await until(() => statusLine(r).includes('101/2225'), '101/2225');
    await r.press('k');
    expect(statusLine(r)).toMatch(/100\/2225/);
    expect(r.frame()).toContain(bbc[99]!.headline.slice(0, 20));
  });

  it('takes a run of keys that arrive in one read as separate presses', async () => {
    const r = await open(bbc, 100, 30);
    await r.type('jjjjj');
    expect(statusLine(r)).toMatch(/6\/2225/);
  });

  it('moves to the next and previous article from the article pane', async () => {
    const r = await open(bbc, 100, 30);
    await r.press('return', ']', ']');
    expect(statusLine(r)).toMatch(/3\/2225/);
    expect(statusLine(r)).toMatch(/scroll/);
    await r.press('[');
    expect(statusLine(r)).toMatch(/2\/2225/);
    await r.press('tab');
    expect(statusLine(r)).toMatch(/move/);
  });

  it('cycles the sort order', async () => {
    const r = await open(bbc, 100, 30);
    await r.press('o', 'o');
    expect(statusLine(r)).toMatch(/A–Z/);
    const first = [...bbc].sort((a, b) => a.headline.localeCompare(b.headline, undefined, { sensitivity: 'base', numeric: true, ignorePunctuation: true }))[0]!;
    expect(lines(r)[0]).toContain(first.headline.slice(0, 20));
  });
});

describe('narrow terminals', () => {
  it('shows the list full screen, Enter opens the article and Esc goes back', async () => {
    const r = await open(bbc, 60, 20);
    expect(r.frame()).not.toContain('│');
    expect(lines(r)[0]).toContain(bbc[0]!.headline);
    expect(lines(r)[0]).toMatch(/business/);
    await r.press('return');
    // The header says what the article is and where it comes from, then the headline.
    expect(lines(r)[0]).toBe(' no date · business');
    expect(lines(r)[1]).toMatch(/^ .*business/);
    expect(lines(r)[3]).toContain(bbc[0]!.headline);
    expect(r.frame()).toContain(bbc[0]!.blocks[1]!.text.slice(0, 20));
    expect(r.frame()).not.toContain(bbc[1]!.headline);
    await r.press('escape');
    expect(r.frame()).toContain(bbc[1]!.headline);
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
    const r = await open(bbc, 20, 6);
    expectFits(r, 20, 6);
    expect(lines(r)[0]).toMatch(/…/);
    for (const key of ['j', 'return', 'space', 'G', 'escape', '?', 'j', 'q', 'z', 'G', 'g', 'escape', 'o']) {
      await r.press(key);
      expectFits(r, 20, 6);
    }
  });

  it('re-lays out at once when the terminal is resized', async () => {
    const r = await open(bbc, 100, 30);
    await r.press('G');
    await r.rerender({ width: 40, height: 8 });
    expectFits(r, 40, 8);
    expect(statusLine(r)).toMatch(/2225\/2225/);
    expect(r.frame()).toContain(bbc[2224]!.headline.slice(0, 10));
    await r.rerender({ width: 100, height: 30 });
    expect(r.frame()).toContain('│');
  });
});

describe('help, quit and edges', () => {
  it('lists every binding by group and closes on the next key', async () => {
    const r = await open(seed, 100, 40);
    await r.press('?');
    const frame = r.frame();
    for (const heading of ['Headline list', 'Article', 'Search field']) expect(frame).toContain(heading);
    expect(frame).toMatch(/PgDn Ctrl-F\s+page down/);
    expect(frame).toMatch(/Ctrl-W\s+delete the word before the cursor/);
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
    const r = await open([], 60, 20);
    expect(r.frame()).toMatch(/No articles here/);
    await r.press('j', 'return', 'G', 'z', 's', 'm', '[', 'o');
    expect(r.frame()).toMatch(/No articles here/);
    expect(statusLine(r)).toMatch(/0\/0/);
  });

  it('shows hostile text as inert symbols', async () => {
    const text = 'Evil\u001b]0;pwned\u0007 headline\u001b[2J\r\n\nBody\u001b]52;c;aGk=\u0007 text \u202eoverride\n';
    const article = parseArticle(text, { path: 'evil.txt', section: null }, []);
    const r = await open([article], 100, 30);
    const frame = r.frame();
    expect(frame).toContain('Evil');
    for (const bad of ['\u001b]', '\u0007', '\u001b[2J', '\u202e', '\r']) expect(frame).not.toContain(bad);
  });

  it('lines up wide, combined and emoji headlines without running past the edge', async () => {
    const texts = ['日本語のニュース見出しがとても長い場合の表示', '👩‍👩‍👧 family emoji headline that goes on', 'Cafe\u0301 Zoe\u0308 combining marks here', '한국어 헤드라인 뉴스'];
    const articles = texts.map((headline, i) =>
      parseArticle(`${headline}\n\nUpdated Sep ${i + 1}, 2016\n\nA body with 日本語 and 👍 words.\n`, { path: `w${i}.txt`, section: 'world' }, []),
    );
    for (const [w, h] of [[100, 30], [60, 20], [20, 6]] as const) {
      const r = await open(articles, w, h);
      expectFits(r, w, h);
      await r.press('return');
      expectFits(r, w, h);
      r.unmount();
    }
  });

  it('pages through 100,000 articles', async () => {
    const many = Array.from({ length: 100_000 }, (_, i) =>
      parseArticle(`Headline number ${i}\n\nBody ${i}.\n`, { path: `a/${String(i).padStart(6, '0')}.txt`, section: 'a' }, []),
    );
    const r = await open(many, 100, 30);
    expect(statusLine(r)).toMatch(/1\/100000/);
    await r.press('G');
    expect(statusLine(r)).toMatch(/100000\/100000/);
    expect(r.frame()).toContain('Headline number 99999');
    await r.press('pageup', 'k');
    expect(statusLine(r)).toMatch(/99970\/100000/);
  });

  it('says search is unavailable without a searcher', async () => {
    const r = await open(seed, 100, 30);
    expect(statusLine(r)).not.toMatch(/search/);
    await r.press('/');
    expect(statusLine(r)).toMatch(/search is not available/);
  });
});
