import { describe, expect, it } from 'vitest';
import { articleLinks } from '../../src/article/links.js';
import { articleMarkdown, articleText, escapeMarkdown, fileNameFor } from '../../src/article/to-text.js';
import type { Article, Block } from '../../src/article/types.js';

const block = (kind: Block['kind'], lines: string[]): Block => ({ kind, lines, text: lines.join(' ') });

const ARTICLE: Article = {
  id: 'x',
  path: 'x.txt',
  section: 'business',
  headline: 'Oil prices *fall*',
  standfirst: 'Crude is down.',
  date: '2016-09-06',
  source: 'BBC',
  credits: [],
  words: 20,
  warnings: [],
  blocks: [
    block('headline', ['Oil prices *fall*']),
    block('standfirst', ['Crude is down.']),
    block('caption', ['A tanker at sea']),
    block('paragraph', ['Prices fell on', 'Tuesday, as # traders said.']),
    block('paragraph', ['1. Not a list', '- nor this']),
    block('attribution', ['BBC News']),
  ],
};

describe('articleText', () => {
  it('writes the headline, the meta line, then every block as its lines, blank lines between', () => {
    expect(articleText(ARTICLE)).toBe(
      [
        'Oil prices *fall*',
        'BBC · 2016-09-06 · business',
        '',
        'Crude is down.',
        '',
        'A tanker at sea',
        '',
        'Prices fell on',
        'Tuesday, as # traders said.',
        '',
        '1. Not a list',
        '- nor this',
        '',
        'BBC News',
        '',
      ].join('\n'),
    );
  });

  it('says no date for an undated article', () => {
    expect(articleText({ ...ARTICLE, date: null, source: null, section: null }).split('\n')[1]).toBe('no date');
  });
});

describe('articleMarkdown', () => {
  it('writes the headline as #, the standfirst, the meta line in italics, then paragraphs, markup escaped', () => {
    expect(articleMarkdown(ARTICLE)).toBe(
      [
        '# Oil prices \\*fall\\*',
        'Crude is down.',
        '*BBC · 2016-09-06 · business*',
        '*A tanker at sea*',
        'Prices fell on Tuesday, as # traders said.',
        '1\\. Not a list - nor this',
        '— BBC News',
        '',
      ].join('\n\n').replace(/\n\n$/, '\n'),
    );
  });

  it('keeps lines apart, as hard breaks, when asked (a feed entry list items and references)', () => {
    expect(articleMarkdown(ARTICLE, { linesApart: true })).toContain('1\\. Not a list  \n\\- nor this');
  });

  it.each([
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['2) item', '2\\) item'],
    ['a <b>tag</b>', 'a \\<b\\>tag\\</b\\>'],
    ['[link](x) `code` _em_ back\\slash', '\\[link\\](x) \\`code\\` \\_em\\_ back\\\\slash'],
    ['---', '\\---'],
    ['plain text', 'plain text'],
  ])('escapes %j as %j', (line, escaped) => {
    expect(escapeMarkdown(line)).toBe(escaped);
  });
});

describe('fileNameFor', () => {
  it.each([
    ['New consoles promise big problems', 'txt', 'new-consoles-promise-big-problems.txt'],
    ["US-Russia talks on Syria end without deal", 'md', 'us-russia-talks-on-syria-end-without-deal.md'],
    ['../../etc/passwd', 'txt', 'etc-passwd.txt'],
    ['.hidden   file\u0000\u001b[31m', 'txt', 'hidden-file-31m.txt'],
    ['Café au lait: €5?', 'txt', 'cafe-au-lait-5.txt'],
    ['经济增长 2016', 'txt', '经济增长-2016.txt'],
    ['', 'txt', 'article.txt'],
    ['*** ///', 'md', 'article.md'],
  ])('%j -> %j', (headline, extension, name) => {
    expect(fileNameFor(headline, extension)).toBe(name);
  });

  it('cuts a long headline at a word, within 60 characters', () => {
    const name = fileNameFor('word '.repeat(40), 'txt');
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^(word-)*word\.txt$/);
    expect(fileNameFor('x'.repeat(100), 'txt')).toBe(`${'x'.repeat(60)}.txt`);
  });
});

describe('articleLinks', () => {
  it('finds the http(s) URLs in reading order, once each, without the punctuation after them', () => {
    const article: Article = {
      ...ARTICLE,
      blocks: [
        block('paragraph', ['See https://a.example/x. And (http://b.example/y_(z)), or "https://a.example/x"!']),
        block('paragraph', ['Not ftp://c.example/ nor javascript:alert(1), but HTTPS://D.example/Q?x=1&y=2;']),
      ],
    };
    expect(articleLinks(article)).toEqual([
      { url: 'https://a.example/x', label: null },
      { url: 'http://b.example/y_(z)', label: null },
      { url: 'HTTPS://D.example/Q?x=1&y=2', label: null },
    ]);
  });

  it('labels a feed entry link, enclosures and numbered references, the entry link first', () => {
    const article: Article = {
      ...ARTICLE,
      blocks: [
        block('paragraph', ['Read the report[1].']),
        block('paragraph', ['Link: https://feed.example/e', 'Enclosure: https://feed.example/a.mp3 (audio/mpeg, 1 MB)', '[1] https://feed.example/r']),
      ],
    };
    expect(articleLinks(article, 'https://feed.example/e')).toEqual([
      { url: 'https://feed.example/e', label: 'link' },
      { url: 'https://feed.example/a.mp3', label: 'enclosure' },
      { url: 'https://feed.example/r', label: '[1]' },
    ]);
    expect(articleLinks({ ...ARTICLE })).toEqual([]);
  });
});
