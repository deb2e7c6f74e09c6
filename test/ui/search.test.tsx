import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types.js';
import type { MemoryLibrary } from '../fakes/memory-library.js';
import type { FakeSearcher, FakeSearcherOptions } from '../fakes/searcher.js';
import { bbcArticles, fieldLine, type Reader, renderSearchableReader, statusLine } from './harness.js';

let bbc: Article[];
let reader: Reader | null = null;

beforeAll(async () => {
  bbc = await bbcArticles();
});

afterEach(() => {
  reader?.unmount();
  reader = null;
});

async function open(options: FakeSearcherOptions = {}, width = 100, height = 30): Promise<{ r: Reader; searcher: FakeSearcher; library: MemoryLibrary }> {
  const opened = await renderSearchableReader(bbc, options, width, height);
  reader = opened.reader;
  return { r: reader, searcher: opened.searcher, library: opened.library };
}

const matchingHeadlines = (word: string) => bbc.filter((a) => `${a.headline}\n${a.blocks.map((b) => b.text).join('\n')}`.toLowerCase().includes(word));

describe('search in the reader', () => {
  it('searches as you type and shows the count and the hits', async () => {
    const { r, searcher } = await open();
    await r.press('/');
    expect(fieldLine(r)).toMatch(/^\//);
    await r.press('y', 'u', 'k', 'o', 's');
    expect(searcher.asked).toEqual(['y', 'yu', 'yuk', 'yuko', 'yukos']);
    const expected = matchingHeadlines('yukos');
    // Outcomes arrive asynchronously: wait for the last one.
    await r.waitFor(`1/${expected.length} · ${expected.length} matches`);
    expect(r.frame()).toContain(expected[0]!.headline.slice(0, 20));
    expect(fieldLine(r)).toContain('yukos');
  });

  it('takes `/` and a query arriving in one read as a search, not as commands', async () => {
    const { r, searcher } = await open();
    await r.type('/yukos');
    expect(searcher.asked.at(-1)).toBe('yukos');
    await r.waitFor(`${matchingHeadlines('yukos').length} matches`);
    expect(fieldLine(r)).toContain('yukos');
    expect(r.frame()).not.toContain('★');
    expect(statusLine(r)).not.toMatch(/oldest/);
  });

  it('takes Enter and the keys after it in one read as submit, then list keys', async () => {
    const { r } = await open();
    await r.press('/', 'o', 'i', 'l');
    await r.type('\rjj');
    const count = matchingHeadlines('oil').length;
    await r.waitFor(`3/${count} · ${count} matches`);
    expect(fieldLine(r)).toBe('');
  });

  it('Enter keeps the results; Esc on the list goes back to where it was', async () => {
    const { r } = await open();
    await r.press('j', 'j', '/', 'o', 'i', 'l', 'return');
    expect(fieldLine(r)).toBe('');
    const count = matchingHeadlines('oil').length;
    await r.waitFor(`${count} matches`);
    await r.press('j');
    expect(statusLine(r)).toContain(`2/${count}`);
    await r.press('escape');
    expect(statusLine(r)).toMatch(/3\/2225 · newest first/);
  });

  it('Esc in the field restores the list and the selection from before', async () => {
    const { r } = await open();
    await r.press('G', '/', 'o', 'i', 'l');
    await r.waitFor(`${matchingHeadlines('oil').length} matches`);
    await r.press('escape');
    expect(fieldLine(r)).toBe('');
    expect(statusLine(r)).toMatch(/2225\/2225/);
  });

  it('/ again edits the current query', async () => {
    const { r, searcher } = await open();
    await r.press('/', 'o', 'i', 'l', 'return', '/');
    expect(fieldLine(r)).toContain('oil');
    await r.press('backspace');
    expect(searcher.asked.at(-1)).toBe('oi');
  });

  it('drops an outcome that arrives after a newer one', async () => {
    const { r, searcher } = await open({ manual: true });
    await r.press('/', 'g', 'o');
    // The newer query ("go") answers first, then the stale "g".
    searcher.release([1, 0]);
    await r.waitFor(/matches/);
    await r.press('right');
    const count = matchingHeadlines('go').length;
    expect(statusLine(r)).toContain(`${count} matches`);
  });

  it('shows a malformed query’s message under the field and keeps the last good results', async () => {
    const { r } = await open({ malformed: (q) => (q.includes('"') ? 'unclosed quote: add a closing "' : null) });
    await r.press('/', 'o', 'i', 'l');
    const count = matchingHeadlines('oil').length;
    await r.waitFor(`${count} matches`);
    await r.press('space', '"');
    await r.waitFor('unclosed quote');
    expect(statusLine(r)).toContain(`${count} matches`);
  });

  it('offers the closest spelling when nothing matches', async () => {
    const { r } = await open({ suggestion: 'aleppo' });
    await r.press('/', 'x', 'q', 'z', 'x');
    await r.waitFor('no matches — did you mean aleppo?');
    expect(r.frame()).toContain('No matches.');
  });

  it('highlights matches in the article and n/N jump between them', async () => {
    const { r } = await open();
    await r.press('/', 'o', 'i', 'l', 'return');
    await r.waitFor(`${matchingHeadlines('oil').length} matches`);
    await r.press('return');
    expect(statusLine(r)).toMatch(/scroll/);
    await r.press('n');
    expect(statusLine(r)).toMatch(/match 1\/\d+/);
    const total = Number(/match 1\/(\d+)/.exec(statusLine(r))![1]);
    await r.press('n');
    expect(statusLine(r)).toContain(`match ${total >= 2 ? 2 : 1}/${total}`);
    await r.press('N', 'N');
    expect(statusLine(r)).toContain(`match ${total}/${total}`);
  });
});
