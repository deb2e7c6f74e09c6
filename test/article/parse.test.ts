import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../src/article/decode.js';
import { decodeCharacterReferences } from '../../src/article/block-text.js';
import { parseArticle } from '../../src/article/parse.js';
import type { Article, BlockKind } from '../../src/article/types.js';
import { articleFromBytes } from '../../src/library/load.js';
import { bbcDir, hasShared, seedFile, sharedDir } from '../../kit/shared-dir.js';

function parseText(text: string): Article {
  return parseArticle(text, { path: 'x.txt', section: null });
}

describe('the seed article', () => {
  const bytes = readFileSync(seedFile);
  const result = articleFromBytes(bytes, { path: 'seeds/seed.txt', section: null });
  if (!('article' in result)) throw new Error(result.warning);
  const article = result.article;

  it.skipIf(!hasShared)('is a byte-for-byte copy of the shared seed', () => {
    expect(bytes.equals(readFileSync(path.join(sharedDir, 'seeds', path.basename(seedFile))))).toBe(true);
  });

  it('pins the kind of every one of its 28 blocks', () => {
    const kinds: BlockKind[] = [
      'headline', 'standfirst', 'credit', 'caption', 'dateline',
      ...Array<BlockKind>(11).fill('paragraph'),
      'caption',
      ...Array<BlockKind>(10).fill('paragraph'),
      'attribution',
    ];
    expect(article.blocks.map((b) => b.kind)).toEqual(kinds);
    expect(article.blocks[2]?.lines).toEqual(['Photo by: Reuters', 'Photo by: Reuters']);
    expect(article.blocks[16]?.text).toMatch(/^Russian President Vladimir Putin \(L\) meets/);
  });

  it('derives the fields FORMAT.md gives for it', () => {
    expect(article.headline).toBe('US-Russia talks on Syria end without deal');
    expect(article.standfirst).toMatch(/^Presidents Barack Obama and Vladimir Putin hold a meeting/);
    expect(article.date).toBe('2016-09-06');
    expect(article.source).toBe('TRTWorld and agencies');
    expect(article.credits).toEqual(['Reuters']);
    expect(article.section).toBeNull();
    expect(article.warnings).toEqual([]);
  });

  it('keeps the no-break spaces in the raw lines', () => {
    const nbsp = article.blocks.flatMap((b) => b.lines).join('').split('\u00a0').length - 1;
    expect(nbsp).toBe(14);
  });

  it('counts the words of headline, standfirst and paragraphs only', () => {
    const counted = article.blocks
      .filter((b) => ['headline', 'standfirst', 'paragraph'].includes(b.kind))
      .reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
    expect(article.words).toBe(counted);
    expect(article.words).toBeGreaterThan(500);
  });
});

describe.skipIf(!hasShared)('the BBC corpus', () => {
  const sections = ['business', 'entertainment', 'politics', 'sport', 'tech'];
  // Listed while tests are collected, so only when the corpus is here.
  const files = (hasShared ? sections : []).flatMap((section) =>
    readdirSync(path.join(bbcDir, section))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ section, file: path.join(bbcDir, section, name) })),
  );

  it('has 2,225 stories and every one parses with its first line as the headline', () => {
    expect(files).toHaveLength(2225);
    for (const { section, file } of files) {
      const bytes = readFileSync(file);
      const result = articleFromBytes(bytes, { path: file, section });
      if (!('article' in result)) throw new Error(`${file}: ${result.warning}`);
      const decoded = decodeArticleBytes(bytes);
      if (decoded.kind !== 'text') throw new Error(file);
      const firstLine = decoded.text.split(/\r\n|\r|\n/)[0]?.trim() ?? '';
      expect(result.article.headline, file).toBe(decodeCharacterReferences(firstLine));
      expect(result.article.blocks[0]?.lines, file).toEqual([decoded.text.split(/\r\n|\r|\n/)[0]]);
      expect(result.article.section).toBe(section);
      const falseKinds = result.article.blocks.filter((b) => b.kind === 'credit' || b.kind === 'dateline');
      expect(falseKinds, file).toEqual([]);
      if (file.endsWith(path.join('sport', '199.txt'))) {
        expect(result.article.warnings).toContain('not valid UTF-8; decoded as Windows-1252');
        expect(result.article.blocks.some((b) => b.text.includes('£'))).toBe(true);
      } else {
        expect(result.article.warnings, file).toEqual([]);
      }
    }
  });
});

describe('block classification', () => {
  it('splits a hard-wrapped first block: the headline is the first line only', () => {
    const a = parseText('Headline here\nsecond line\n\nBody.');
    expect(a.blocks.map((b) => [b.kind, b.lines])).toEqual([
      ['headline', ['Headline here']],
      ['paragraph', ['second line']],
      ['paragraph', ['Body.']],
    ]);
  });

  it('joins hard-wrapped lines with single spaces in text, keeping lines raw', () => {
    const a = parseText('H\n\n  one  \ntwo\u00a0\n');
    expect(a.blocks[1]).toEqual({ kind: 'paragraph', text: 'one two', lines: ['  one  ', 'two\u00a0'] });
  });

  it('treats lines of whitespace and no-break spaces as blank', () => {
    const a = parseText('H\n\u00a0 \t\nBody one.\n \nBody two.');
    expect(a.blocks.map((b) => b.text)).toEqual(['H', 'Body one.', 'Body two.']);
  });

  it('reads every credit label and collects distinct names in order', () => {
    const a = parseText('H\n\nPhoto: AP\nPicture: Getty Images\nImage: AP\nVideo: BBC\nCredit: X\nPhotograph: Y\n\nCaption text\n\nBody.');
    expect(a.blocks[1]?.kind).toBe('credit');
    expect(a.credits).toEqual(['AP', 'Getty Images', 'BBC', 'X', 'Y']);
    expect(a.blocks[2]?.kind).toBe('caption');
  });

  it('does not take a sentence that starts with "Image:" for a credit', () => {
    const a = parseText('H\n\nImage: the company has spent years building a brand that customers trust and admire.\n\nBody.');
    expect(a.blocks[1]?.kind).toBe('paragraph');
  });

  it.each([
    ['Updated Sep 6, 2016', '2016-09-06'],
    ['Published on 6 September 2016', '2016-09-06'],
    ['Posted at 2016-09-06 14:05', '2016-09-06T14:05'],
    ['Last updated: Tue, 06 Sep 2016 14:05:00 GMT', '2016-09-06T14:05:00Z'],
    ['First published 2016-09-06T14:05:00Z', '2016-09-06T14:05:00Z'],
  ])('reads the dateline %j as %s', (line, iso) => {
    const a = parseText(`H\n\n${line}\n\nBody.`);
    expect(a.blocks[1]?.kind).toBe('dateline');
    expect(a.date).toBe(iso);
  });

  it('leaves a dateline with an unreadable date a paragraph', () => {
    const a = parseText('H\n\nUpdated yesterday afternoon\n\nBody.');
    expect(a.blocks[1]?.kind).toBe('paragraph');
    expect(a.date).toBeNull();
  });

  it('takes the date of the first dateline only', () => {
    const a = parseText('H\n\nUpdated Sep 6, 2016\n\nBody.\n\nUpdated Sep 7, 2016\n\nMore.');
    expect(a.date).toBe('2016-09-06');
  });

  it('finds a positional caption only when it is short and ends with a date', () => {
    const yes = parseText('H\n\nBody.\n\nThe minister (centre) speaks in London on 6 September 2016.\n\nMore body.');
    expect(yes.blocks[2]?.kind).toBe('caption');
    const noDate = parseText('H\n\nBody.\n\nThe minister (centre) speaks in London.\n\nMore body.');
    expect(noDate.blocks[2]?.kind).toBe('paragraph');
  });

  it('makes the block after the headline a standfirst only when a credit, caption or dateline follows', () => {
    expect(parseText('H\n\nIntro.\n\nUpdated Sep 6, 2016\n\nBody.').standfirst).toBe('Intro.');
    expect(parseText('H\n\nIntro.\n\nBody.').standfirst).toBeNull();
  });

  it('makes a short last line without final punctuation the attribution', () => {
    expect(parseText('H\n\nBody.\n\n(Reuters)').source).toBe('(Reuters)');
    expect(parseText('H\n\nBody.\n\nSource: AFP').source).toBe('Source: AFP');
    expect(parseText('H\n\nBody.\n\nIt ended.').source).toBeNull();
    expect(parseText('H\n\nBody.\n\none two three four five six seven').source).toBeNull();
  });

  it('gives the same id to the same text whatever its line endings, BOM or path', () => {
    const lf = parseArticle('H\n\nBody.\n', { path: 'a.txt', section: null });
    const crlf = parseArticle('H\r\n\r\nBody.\r\n', { path: 'b/c.txt', section: 'b' });
    expect(crlf.id).toBe(lf.id);
    expect(parseText('H\n\nOther body.').id).not.toBe(lf.id);
  });
});

describe('character references', () => {
  it('decodes numeric references and the five XML entities in text, keeping the lines as written', () => {
    const raw = 'Price &#163;5 or &#xA3;6 at the caf&#233; &amp; bar: &lt;b&gt; &quot;yes&quot; &apos;no&apos;';
    const article = parseArticle(`Caf&#233; &amp; co\n\n${raw}\n`, { path: 'a.txt', section: null });
    expect(article.headline).toBe('Café & co');
    expect(article.blocks[1]?.text).toBe('Price £5 or £6 at the café & bar: <b> "yes" \'no\'');
    expect(article.blocks[1]?.lines).toEqual([raw]);
    expect(article.warnings).toEqual([]);
  });

  it('leaves references to controls, surrogates and impossible code points as written', () => {
    for (const ref of ['&#27;', '&#0;', '&#x9b;', '&#127;', '&#xD800;', '&#x110000;', '&#99999999;', '&nbsp;', '&#;', '&amp']) {
      expect(decodeCharacterReferences(`a${ref}b`), ref).toBe(`a${ref}b`);
    }
    expect(decodeCharacterReferences('tab&#9;here')).toBe('tab\there');
  });

  it('warns when a reference decodes to a bidi override, which display removes', () => {
    const article = parseArticle('Head\n\nabc &#8238; def\n', { path: 'a.txt', section: null });
    expect(article.blocks[1]?.text).toBe('abc \u202e def');
    expect(article.warnings).toContain('control or invisible formatting characters removed for display');
  });

  it.skipIf(!hasShared)('keeps the id of an article from before references were decoded: the id hashes the raw text', () => {
    const withRefs = parseArticle('Caf&#233;\n\nBody.\n', { path: 'a.txt', section: null });
    const decoded = parseArticle('Café\n\nBody.\n', { path: 'a.txt', section: null });
    expect(withRefs.headline).toBe(decoded.headline);
    expect(withRefs.id).not.toBe(decoded.id);
    // tech/074.txt (`caf&#233;`) keeps the id it had before references were decoded.
    const bbc = articleFromBytes(readFileSync(path.join(bbcDir, 'tech', '074.txt')), { path: 'x', section: null });
    expect('article' in bbc && bbc.article.id).toBe('c11005244e64b7b2');
  });
});
