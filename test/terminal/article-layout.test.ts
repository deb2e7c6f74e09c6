import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article/parse.js';
import { ArticleLayoutCache, CACHE_BYTES, layoutArticle, layoutBytes } from '../../src/terminal/article-layout.js';
import type { Article } from '../../src/article/types.js';
import { loadArticles } from '../../src/library/load-all.js';
import { highlightRanges, type MatchRange } from '../../src/search/match-ranges.js';
import { parseQuery } from '../../src/search/query.js';
import { seedsDir } from '../../kit/shared-dir.js';

async function seedArticles(): Promise<Article[]> {
  return (await loadArticles([seedsDir])).articles;
}

/** The search's own highlighter for `query`, as the reader gets it with an outcome. */
function highlighter(query: string): (text: string) => MatchRange[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  return (text) => highlightRanges(parsed.query, text);
}

const text = (line: { segments: { text: string }[] }): string => line.segments.map((s) => s.text).join('');

describe('layoutArticle', () => {
  it('sets the seed with a blank line between blocks and credits on lines of their own', async () => {
    const [seed] = await seedArticles();
    const { lines } = layoutArticle(seed!, 60, null);
    expect(text(lines[3]!)).toBe('US-Russia talks on Syria end without deal');
    expect(lines[3]!.style).toBe('headline');
    expect(lines[4]!.style).toBe('blank');
    const credits = lines.filter((l) => l.style === 'credit');
    expect(credits.map(text)).toEqual(['Photo by: Reuters', 'Photo by: Reuters']);
    expect(credits[0]!.indent).toBe(2);
    expect(text(lines.at(-1)!)).toBe('— TRTWorld and agencies');
    for (const line of lines) expect(line.indent + stringWidth(text(line))).toBeLessThanOrEqual(60);
  });

  it('finds the line of every match, in order', async () => {
    const [seed] = await seedArticles();
    const { lines, matchLines } = layoutArticle(seed!, 50, highlighter('kerry'));
    expect(matchLines.length).toBeGreaterThan(3);
    expect([...matchLines].sort((a, b) => a - b)).toEqual(matchLines);
    for (const at of matchLines) expect(lines[at]!.segments.some((s) => s.match && s.text.toLowerCase() === 'kerry')).toBe(true);
  });

  it('keeps hostile text out of every line', () => {
    const article = parseArticle('Title\u001b]0;x\u0007\n\nBody\u001b[31m red\u009b2J\n', { path: 'x.txt', section: null }, []);
    const { lines } = layoutArticle(article, 30, highlighter('red'));
    const all = lines.map(text).join('\n');
    expect(all).toContain('Title');
    for (const bad of ['\u001b', '\u0007', '\u009b']) expect(all).not.toContain(bad);
  });

  it('caches by article, width and query', async () => {
    const [seed] = await seedArticles();
    const cache = new ArticleLayoutCache();
    const a = cache.get('0', seed!, 60, '', null);
    expect(cache.get('0', seed!, 60, '', null)).toBe(a);
    expect(cache.get('0', seed!, 61, '', null)).not.toBe(a);
    expect(cache.get('0', seed!, 60, 'kerry', highlighter('kerry'))).not.toBe(a);
  });

  it('starts with a header: source, date and section, then the file dimmed', async () => {
    const [seed] = await seedArticles();
    const { lines } = layoutArticle({ ...seed!, section: 'world' }, 200, null);
    expect(text(lines[0]!)).toBe('TRTWorld and agencies · 2016-09-06 · world');
    expect(lines[0]!.style).toBe('header');
    expect(text(lines[1]!)).toBe(seed!.path);
    expect(lines[1]!.style).toBe('file');
    expect(lines[2]!.style).toBe('blank');
    const undated = layoutArticle({ ...seed!, source: null, date: null, section: null }, 200, null);
    expect(text(undated.lines[0]!)).toBe('no date');
  });

  it('keeps hostile text out of the header', () => {
    const article = parseArticle('Title\n\nBody\n', { path: 'evil\u001b]0;owned\u0007.txt', section: 'sec\u009b2J' }, []);
    const { lines } = layoutArticle({ ...article, source: 'BBC\u001b[31m' }, 80, null);
    const header = lines.slice(0, 2).map(text).join('\n');
    expect(header).toContain('BBC');
    expect(header).toContain('evil');
    for (const bad of ['\u001b', '\u0007', '\u009b']) expect(header).not.toContain(bad);
  });
});

describe('ArticleLayoutCache', () => {
  /** An article of `paragraphs` paragraphs of 100 words each. */
  function longArticle(paragraphs: number) {
    const body = Array.from({ length: paragraphs }, (_, i) => `${'word '.repeat(99)}end${i}`).join('\n\n');
    return parseArticle(`A long article\n\n${body}\n`, { path: 'long.txt', section: null }, []);
  }

  it('bounds what it keeps by size, not by count, and always keeps the newest', () => {
    const article = longArticle(200);
    const budget = 4 * 1024 * 1024;
    const cache = new ArticleLayoutCache(budget);
    let largest = 0;
    for (let width = 10; width <= 60; width += 1) {
      const layout = cache.get('long', article, width, '', null);
      largest = Math.max(largest, layoutBytes(layout));
      expect(cache.bytes).toBeLessThanOrEqual(Math.max(budget, layoutBytes(layout)));
    }
    // Fifty-one widths of a 20,000-word article do not fit in 4 MB: most were let go.
    expect(largest * 51).toBeGreaterThan(budget);
    expect(cache.size).toBeLessThan(51);
    const newest = cache.get('long', article, 60, '', null);
    expect(cache.get('long', article, 60, '', null)).toBe(newest);
  });

  it('keeps a layout bigger than the whole budget only while it is the newest', () => {
    const cache = new ArticleLayoutCache(1000);
    const big = cache.get('long', longArticle(5), 20, '', null);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBe(layoutBytes(big));
    cache.get('long', longArticle(5), 21, '', null);
    expect(cache.size).toBe(1);
  });

  it('keeps as many layouts as fit in its budget: more than a hundred articles the size of the seed', async () => {
    const [seed] = await seedArticles();
    const cache = new ArticleLayoutCache();
    const one = layoutBytes(layoutArticle(seed!, 60, null));
    for (let key = 0; key < 400; key++) cache.get(String(key), seed!, 60, '', null);
    expect(cache.size).toBe(Math.floor(CACHE_BYTES / one));
    expect(cache.size).toBeGreaterThan(100);
    expect(cache.bytes).toBeLessThanOrEqual(CACHE_BYTES);
  });
});
