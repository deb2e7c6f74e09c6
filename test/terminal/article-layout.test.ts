import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article/parse.js';
import { ArticleLayoutCache, layoutArticle } from '../../src/terminal/article-layout.js';
import { seedArticles } from '../ui/harness.js';
import { substringHighlight } from '../fakes/searcher.js';

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
    const { lines, matchLines } = layoutArticle(seed!, 50, substringHighlight('kerry'));
    expect(matchLines.length).toBeGreaterThan(3);
    expect([...matchLines].sort((a, b) => a - b)).toEqual(matchLines);
    for (const at of matchLines) expect(lines[at]!.segments.some((s) => s.match && s.text.toLowerCase() === 'kerry')).toBe(true);
  });

  it('keeps hostile text out of every line', () => {
    const article = parseArticle('Title\u001b]0;x\u0007\n\nBody\u001b[31m red\u009b2J\n', { path: 'x.txt', section: null }, []);
    const { lines } = layoutArticle(article, 30, substringHighlight('red'));
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
    expect(cache.get('0', seed!, 60, 'kerry', substringHighlight('kerry'))).not.toBe(a);
  });
});
