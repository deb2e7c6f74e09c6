import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyQueryMessage, isEmptyQuery, parseQuery, type ParseResult, type QueryAst } from '../../src/search/query.js';

function ok(result: ParseResult): QueryAst {
  if (!result.ok) throw new Error(`expected a query, got: ${result.error}`);
  return result.query;
}

function error(result: ParseResult): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const word = (w: string, field: string | null = null, prefix = false) => ({ words: [w], field, prefix });

describe('parseQuery', () => {
  it('ANDs words, folding case and diacritics', () => {
    expect(ok(parseQuery('Café  SYRIA')).all).toEqual([[word('cafe')], [word('syria')]]);
  });

  it('treats NBSP as a space', () => {
    expect(ok(parseQuery('syria\u00a0on')).all).toEqual([[word('syria')], [word('on')]]);
  });

  it('reads "exact phrases" as one term of several words', () => {
    expect(ok(parseQuery('"Time  Warner" profit')).all).toEqual([
      [{ words: ['time', 'warner'], field: null, prefix: false }],
      [word('profit')],
    ]);
  });

  it('splits a word with punctuation like the index does, as a phrase', () => {
    expect(ok(parseQuery("U.S. o'brien")).all).toEqual([
      [{ words: ['u', 's'], field: null, prefix: false }],
      [{ words: ['o', 'brien'], field: null, prefix: false }],
    ]);
  });

  it('excludes -words and -"phrases"', () => {
    const q = ok(parseQuery('profit -warner -"time inc"'));
    expect(q.all).toEqual([[word('profit')]]);
    expect(q.exclude).toEqual([word('warner'), { words: ['time', 'inc'], field: null, prefix: false }]);
  });

  it('groups a OR b OR c into one group', () => {
    expect(ok(parseQuery('chelsea OR arsenal OR spurs cup')).all).toEqual([
      [word('chelsea'), word('arsenal'), word('spurs')],
      [word('cup')],
    ]);
  });

  it('reads lowercase or as a word', () => {
    expect(ok(parseQuery('war or peace')).all).toHaveLength(3);
  });

  it('restricts words and phrases to fields', () => {
    expect(ok(parseQuery('headline:Profit source:"Reuters" SECTION:tech')).all).toEqual([
      [word('profit', 'headline')],
      [word('reuters', 'source')],
      [word('tech', 'section')],
    ]);
  });

  it('searches unknown fields as words', () => {
    expect(ok(parseQuery('author:smith')).all).toEqual([[{ words: ['author', 'smith'], field: null, prefix: false }]]);
  });

  it('reads dates and states as filters', () => {
    const q = ok(parseQuery('after:2016-09-01 before:2016-10-01 is:unread is:starred'));
    expect(q).toMatchObject({ after: '2016-09-01', before: '2016-10-01', read: false, starred: true, all: [] });
    expect(ok(parseQuery('is:read')).read).toBe(true);
    expect(ok(parseQuery('-is:starred')).starred).toBe(false);
    expect(ok(parseQuery('-after:2016-09-01')).before).toBe('2016-09-01');
  });

  it('matches the last word as a prefix while typing, unless a space follows', () => {
    expect(ok(parseQuery('syria ale', { prefixLast: true })).all).toEqual([[word('syria')], [word('ale', null, true)]]);
    expect(ok(parseQuery('syria ale ', { prefixLast: true })).all[1]).toEqual([word('ale')]);
    expect(ok(parseQuery('syria ale')).all[1]).toEqual([word('ale')]);
    // One letter would match nearly every word: it is a word, not a prefix.
    expect(ok(parseQuery('syria a', { prefixLast: true })).all[1]).toEqual([word('a')]);
    // Two letters match most words of a large library: a prefix starts at the third.
    expect(ok(parseQuery('syria al', { prefixLast: true })).all[1]).toEqual([word('al')]);
    expect(ok(parseQuery('"syria ale"', { prefixLast: true })).all[0]).toEqual([
      { words: ['syria', 'ale'], field: null, prefix: false },
    ]);
  });

  it('reads a * right after a word as an explicit prefix, the same while typing or not', () => {
    for (const prefixLast of [false, true]) {
      expect(ok(parseQuery('green*', { prefixLast })).all).toEqual([[word('green', null, true)]]);
      expect(ok(parseQuery('green* park', { prefixLast })).all[0]).toEqual([word('green', null, true)]);
      expect(ok(parseQuery('headline:Gré*', { prefixLast })).all).toEqual([[word('gre', 'headline', true)]]);
      expect(ok(parseQuery('"alan greens*"', { prefixLast })).all).toEqual([[{ words: ['alan', 'greens'], field: null, prefix: true }]]);
      expect(ok(parseQuery('oil -green*', { prefixLast })).exclude).toEqual([word('green', null, true)]);
    }
    // Without a *, a whole query is whole words; only the word being typed is a prefix.
    expect(ok(parseQuery('green')).all).toEqual([[word('green')]]);
  });

  it('refuses a * that does not end a word, and a prefix shorter than three letters', () => {
    for (const query of ['*', 'oil *', 'gr*en', 'green**', '"*"', '(*', 'headline:*']) {
      expect(error(parseQuery(query)), query).toBe('* goes right after a word, as in green*');
    }
    expect(error(parseQuery('a*'))).toBe('a prefix needs 3 letters or more (a*)');
    expect(error(parseQuery('gr*'))).toBe('a prefix needs 3 letters or more (gr*)');
  });

  it('gives the command line a reason for a query that asks for nothing', () => {
    expect(emptyQueryMessage('')).toBe('the query is empty');
    for (const query of [':', '-', '(', '""', '...']) {
      const parsed = parseQuery(query);
      expect(parsed.ok && isEmptyQuery(parsed.query), query).toBe(true);
      expect(emptyQueryMessage(query)).toMatch(/^the query has no word to search for/);
    }
  });

  it('gives a short message for malformed queries', () => {
    expect(error(parseQuery('"syria talks'))).toMatch(/quote/);
    expect(error(parseQuery('syria OR'))).toMatch(/OR/);
    expect(error(parseQuery('OR syria'))).toMatch(/OR/);
    expect(error(parseQuery('a OR OR b'))).toMatch(/OR/);
    expect(error(parseQuery('a OR -b'))).toMatch(/OR/);
    expect(error(parseQuery('after:2016-13-01'))).toMatch(/date/);
    expect(error(parseQuery('before:yesterday'))).toMatch(/date/);
    expect(error(parseQuery('after:2015-02-29'))).toMatch(/date/);
    expect(error(parseQuery('is:happy'))).toMatch(/read, unread or starred/);
    expect(error(parseQuery('-syria -aleppo'))).toMatch(/exclude/);
    expect(error(parseQuery('headline:'))).toMatch(/headline/);
  });

  it('allows exclusions beside a filter', () => {
    expect(ok(parseQuery('is:starred -sport')).exclude).toEqual([word('sport')]);
  });

  it('parses an empty query to one that asks for nothing', () => {
    expect(ok(parseQuery('   '))).toEqual({ all: [], exclude: [], after: null, before: null, read: null, starred: null, sort: null });
  });

  it('parses any string to a query or a message, never throwing', () => {
    const pieces = fc.constantFrom('"', '-', ' ', 'OR', ':', 'headline:', 'is:', 'after:', '2016-09-01', 'é', '\u00a0', '\u0301', 'a', '*', '(', ')', '{', '}', '^', 'NEAR');
    const queries = fc.oneof(fc.string({ unit: 'grapheme' }), fc.array(pieces).map((p) => p.join('')), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(queries, fc.boolean(), (text, prefixLast) => {
        const result = parseQuery(text, { prefixLast });
        if (result.ok) {
          for (const term of [...result.query.all.flat(), ...result.query.exclude]) {
            expect(term.words.length).toBeGreaterThan(0);
            for (const w of term.words) expect(w).toMatch(/^[\p{L}\p{N}]+$/u);
          }
        } else {
          expect(result.error.length).toBeGreaterThan(0);
          expect(result.error.length).toBeLessThan(80);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
