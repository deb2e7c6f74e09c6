import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../src/article/types.js';
import { articleSnippet, snippetAround } from '../../src/search/snippet.js';
import type { MatchRange } from '../../src/search/match-ranges.js';

const block = (kind: Block['kind'], text: string): Block => ({ kind, text, lines: [text] });
const article = (...blocks: Block[]): Article => ({
  id: 'x', path: 'x.txt', section: null, headline: 'H', standfirst: null, date: null, source: null, credits: [], words: 1, warnings: [], blocks,
});
/** A highlighter that finds `word` as the searcher's would, by offsets into the raw text. */
const finds = (word: string) => (text: string): MatchRange[] => {
  const at = text.toLowerCase().indexOf(word);
  return at < 0 ? [] : [[at, at + word.length]];
};

const LONG = `${'lorem ipsum dolor sit amet '.repeat(6)}the OIL price ${'consectetur adipiscing elit sed '.repeat(6)}`;

describe('snippetAround', () => {
  it('shows words before and after the match, cut at words, with … where the text goes on', () => {
    const at = LONG.indexOf('OIL');
    const s = snippetAround(LONG, [at, at + 3]);
    expect(s.match).toBe('OIL');
    expect(s.before.startsWith('…')).toBe(true);
    expect(s.before.endsWith('the ')).toBe(true);
    expect(s.after.startsWith(' price consectetur')).toBe(true);
    expect(s.after.endsWith('…')).toBe(true);
    expect((s.before + s.match + s.after).length).toBeLessThan(130);
    expect(s.before.slice(1)).toMatch(/^(lorem|ipsum|dolor|sit|amet) /);
  });

  it('starts at the beginning when the match is near it, and keeps the text on one line', () => {
    const s = snippetAround('The oil\nprice\t\tfell.', [4, 7]);
    expect(s).toEqual({ before: 'The ', match: 'oil', after: ' price fell.' });
  });

  it('gives the room after a match near the end to the words before it', () => {
    const text = `${'a few words here '.repeat(5)}and finally oil.`;
    const s = snippetAround(text, [text.indexOf('oil'), text.indexOf('oil') + 3]);
    expect(s.before.endsWith('here and finally ')).toBe(true);
    expect(s.before.length).toBeGreaterThan(80);
    expect(s.after).toBe('.');
  });
});

describe('articleSnippet', () => {
  it('is around the first match in the body, past the headline', () => {
    const s = articleSnippet(article(block('headline', 'Oil'), block('paragraph', 'Nothing here.'), block('paragraph', 'Then oil came.')), finds('oil'));
    expect(s).toEqual({ before: 'Then ', match: 'oil', after: ' came.' });
  });

  it('is the start of the body when only the headline matched, and null with no body', () => {
    expect(articleSnippet(article(block('headline', 'Oil'), block('paragraph', 'Prices fell.')), finds('oil'))).toEqual({ before: '', match: '', after: 'Prices fell.' });
    expect(articleSnippet(article(block('headline', 'Oil')), finds('oil'))).toBeNull();
  });
});
