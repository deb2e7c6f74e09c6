/**
 * The parser on generated files (FORMAT.md): random blocks and blank-line runs (NBSP-only
 * lines included), LF/CRLF/CR endings, BOMs, control characters and very long lines.
 * Above all the one invariant: every non-blank line lands unchanged in exactly one block's
 * `lines`, in file order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../src/article/decode.js';
import { parseArticle } from '../../src/article/parse.js';
import type { Article, BlockKind } from '../../src/article/types.js';
import { articleFromBytes } from '../../src/library/load.js';
import { hasControlOrFormatCharacters } from '../../src/unicode/unsafe-characters.js';
import { fuzzParameters, propertyTimeout } from '../fuzz-settings.js';

const KINDS: BlockKind[] = ['headline', 'standfirst', 'credit', 'dateline', 'caption', 'paragraph', 'attribution'];
const SANITISED = 'control or invisible formatting characters removed for display';
const LINE_BREAK = /\r\n|\r|\n/;

const isBlank = (line: string): boolean => line.trim() === '';
const nonBlankLines = (text: string): string[] => text.split(LINE_BREAK).filter((line) => !isBlank(line));

/** Maximal runs of non-blank lines, computed independently of the parser. */
function runsOf(text: string): string[][] {
  const runs: string[][] = [[]];
  for (const line of text.split(LINE_BREAK)) {
    const current = runs[runs.length - 1] ?? [];
    if (!isBlank(line)) current.push(line);
    else if (current.length > 0) runs.push([]);
  }
  return runs.filter((run) => run.length > 0);
}

const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9'’,.:;!?()-]{1,12}$/) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'é', 'e\u0301', '中文', 'ｶﾀｶﾅ', 'שלום', 'مرحبا', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', '\u2764\ufe0f',
      '(L)', '(R)', 'August 26, 2016.', 'Sep 6, 2016', '2016-09-06', 'Reuters', '—', '“quoted”',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u001b[2J', '\u001b]0;title\u0007', '\u001b]52;c;AAAA\u001b\\', '\u009b31m', '\u009d0;x', '\u001b', '\u0000',
      '\u0007', '\b', '\t', '\u000b', '\u000c', '\u0085', '\u2028', '\u202e', '\u2066', '\u200b', '\ufeff', '\u00ad',
      '\ud800', '\udfff',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
);
/** A very long line, rare so the run stays fast: one word repeated, with or without spaces. */
const longLine = fc
  .tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.constantFrom('x', 'word ', '\u00a0', ' \u001b[0m'))
  .map(([n, unit]) => `y${unit.repeat(Math.ceil(n / unit.length))}`);
const space = fc.constantFrom(' ', ' ', ' ', '\u00a0', '\t', '  ');
const contentLine = fc
  .tuple(
    fc.constantFrom('', '', '', ' ', '\u00a0', '\t'),
    fc.array(word, { minLength: 1, maxLength: 12 }),
    space,
    fc.constantFrom('', '', ' ', '\u00a0'),
  )
  .map(([lead, words, between, trail]) => lead + words.join(between) + trail);
/** Lines an article has: ordinary text, and the shapes the classifier looks for. */
const line = fc.oneof(
  { weight: 200, arbitrary: contentLine },
  { weight: 1, arbitrary: longLine },
  {
    weight: 25,
    arbitrary: fc.constantFrom(
      'Photo by: Reuters', 'Photo: AFP', 'Updated Sep 6, 2016', 'Published: 2016-09-06 14:05', 'TRTWorld and agencies',
      'Source: AP', 'Minister (L) meets envoy in Moscow on September 5, 2016.', '(Reuters)',
    ),
  },
);
const blankLine = fc.constantFrom('', '', ' ', '\t', '\u00a0', '\u00a0\u00a0', ' \u00a0\t', '\u3000', '\ufeff');
/** Mostly one line ending a file, sometimes a mix. */
const endingStyle = fc.oneof(fc.constantFrom(['\n'], ['\r\n'], ['\r']), fc.constant(['\n', '\r\n', '\r', '\n']));

/** A whole file's text: blocks separated by runs of blank lines, mixed line endings. */
const articleText = fc
  .record({
    bom: fc.boolean(),
    leading: fc.array(blankLine, { maxLength: 3 }),
    blocks: fc.array(
      fc.record({ lines: fc.array(line, { minLength: 1, maxLength: 4 }), gap: fc.array(blankLine, { minLength: 1, maxLength: 4 }) }),
      { maxLength: 10 },
    ),
    endings: endingStyle,
    finalNewline: fc.boolean(),
  })
  .map(({ bom, leading, blocks, endings, finalNewline }) => {
    const lines = [...leading, ...blocks.flatMap((b) => [...b.lines, ...b.gap])];
    const body = lines.map((l, i) => l + (i < lines.length - 1 || finalNewline ? (endings[i % endings.length] ?? '\n') : '')).join('');
    return (bom ? '\ufeff' : '') + body;
  });

const location = { path: 'generated.txt', section: null };

/** What is wrong with the article parsed from `text`, as readable strings (none: fine). */
function problems(article: Article, text: string): string[] {
  const found: string[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  // Nothing lost: every non-blank line, unchanged, exactly once, in order.
  if (!same(article.blocks.flatMap((b) => b.lines), nonBlankLines(text))) found.push('lines lost, changed or reordered');
  // Blocks are the file's maximal runs, with the headline line split off the first run.
  const runs = runsOf(text);
  const first = runs[0];
  const expectedRuns = first && first.length > 1 ? [first.slice(0, 1), first.slice(1), ...runs.slice(1)] : runs;
  if (!same(article.blocks.map((b) => b.lines), expectedRuns)) found.push('blocks are not the maximal runs');
  article.blocks.forEach((block, i) => {
    if (!KINDS.includes(block.kind)) found.push(`block ${i}: unknown kind ${block.kind}`);
    if ((block.kind === 'headline') !== (i === 0)) found.push(`block ${i}: headline must be first and only first`);
    if (block.kind === 'standfirst' && i !== 1) found.push(`block ${i}: standfirst not second`);
    if (block.kind === 'attribution' && i !== article.blocks.length - 1) found.push(`block ${i}: attribution not last`);
    if (block.text !== block.lines.map((l) => l.trim()).join(' ')) found.push(`block ${i}: text is not its lines joined`);
  });
  if (article.headline !== (article.blocks[0]?.text ?? '')) found.push('headline is not the first block');
  if (!Number.isInteger(article.words) || article.words < 0) found.push(`words ${article.words}`);
  if (article.warnings.includes(SANITISED) !== article.blocks.some((b) => b.lines.some(hasControlOrFormatCharacters))) {
    found.push('sanitising warning missing or wrong');
  }
  return found;
}

function expectWellFormed(article: Article, text: string): void {
  expect(problems(article, text)).toEqual([]);
}

describe('parser properties on generated articles', () => {
  it('keeps every non-blank line, in order, in the file’s blocks', () => {
    fc.assert(
      fc.property(articleText, (text) => expectWellFormed(parseArticle(text, location), text)),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('gives the same id whatever the line endings and wherever the file is', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const lf = text.replace(/\r\n|\r/g, '\n');
        const a = parseArticle(lf, location);
        const b = parseArticle(lf.replace(/\n/g, '\r\n'), { path: 'moved/elsewhere.txt', section: 'moved' });
        expect(b.id).toBe(a.id);
        expect(b.blocks).toEqual(a.blocks);
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('survives any string at all', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
      fc.array(fc.constantFrom('a', ' ', '\u00a0', '\n', '\r', '\r\n', '\u001b', '\u2028', 'Photo: X', 'Updated '), { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(anyText, (text) => expectWellFormed(parseArticle(text, location), text)),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('survives any bytes, as an article that loses nothing or as a warning', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = articleFromBytes(bytes, location);
        const decoded = decodeArticleBytes(bytes);
        if ('warning' in result) {
          expect(decoded.kind === 'binary' || (decoded.kind === 'text' && nonBlankLines(decoded.text).length === 0)).toBe(true);
        } else {
          expect(decoded.kind).toBe('text');
          if (decoded.kind === 'text') expectWellFormed(result.article, decoded.text);
        }
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);
});

describe('decoding properties', () => {
  it('reads back UTF-8 (with or without BOM) and UTF-16LE/BE with BOM exactly', () => {
    const text = articleText.map((t) => t.replaceAll('\u0000', '').toWellFormed());
    fc.assert(
      fc.property(text, (t) => {
        const decode = (bytes: Uint8Array): string => {
          const d = decodeArticleBytes(bytes);
          if (d.kind !== 'text') throw new Error(d.warning);
          expect(d.warnings).toEqual([]);
          return d.text;
        };
        const withoutBom = t.replace(/^\ufeff/, '');
        expect(decode(Buffer.from(t))).toBe(withoutBom);
        expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]))).toBe(t);
        const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
        expect(decode(le)).toBe(t);
        expect(decode(Buffer.from(le).swap16())).toBe(t);
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);
});
