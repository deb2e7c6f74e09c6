import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query.js';
import { allowedEdits, closestTerms, editDistance, suggestQuery, vocabularyOf } from '../../src/search/suggest.js';
import { fuzzParameters, propertyTimeout } from '../fuzz-settings.js';

const vocab = vocabularyOf(['aleppo', 'apple', 'profit', 'profits', 'prophet', 'syria', 'serial', 'google'], [5, 40, 30, 20, 2, 50, 3, 60]);

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('alepo', 'aleppo', 2)).toBe(1);
    expect(editDistance('aleppi', 'aleppo', 2)).toBe(1);
    expect(editDistance('laeppo', 'aleppo', 2)).toBe(1);
    expect(editDistance('syria', 'syria', 2)).toBe(0);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('gives up past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('closestTerms', () => {
  it('prefers fewer edits, then words in more articles', () => {
    // profit: 1 edit; profits and prophet: 2 each, profits in more articles.
    expect(closestTerms(vocab, 'profet')).toEqual(['profit', 'profits', 'prophet']);
    expect(closestTerms(vocab, 'gogle')).toEqual(['google']);
  });

  it('allows one edit only in short words', () => {
    expect(closestTerms(vocab, 'syr')).toEqual([]);
  });

  it('finds what counting the edits to every term finds: the bound it passes terms over by never hides one', () => {
    /** closestTerms without the bound: every term's edits counted. */
    const counted = (terms: string[], docs: number[], word: string, limit: number, prefix: boolean): string[] => {
      const max = allowedEdits(word);
      return terms
        .map((term, i) => {
          let distance = term === word ? Infinity : editDistance(word, term, max);
          if (prefix && term !== word && term.length > word.length) distance = Math.min(distance, editDistance(word, term, max, word.length) + 0.5);
          return { term, distance, docs: docs[i] ?? 0 };
        })
        .filter((f) => f.distance <= max)
        .sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1))
        .slice(0, limit)
        .map((f) => f.term);
    };
    // Few letters, some outside a-z, so near words are common and units share bits.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e', 'z', 'é', '1', '市'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), word, fc.boolean(), (terms, typed, prefix) => {
        const docs = terms.map((_, i) => (i * 7) % 5);
        expect(closestTerms(vocabularyOf(terms, docs), typed, 5, prefix)).toEqual(counted(terms, docs, typed, 5, prefix));
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);
});

describe('suggestQuery', () => {
  const known = (word: string): boolean => vocab.terms.includes(word);
  const context = { vocab: () => vocab, known, finds: (text: string) => !text.includes('qqq') && !text.includes('serial') };

  it('replaces the unknown words, keeping the rest of the query as typed', () => {
    const parsed = parseQuery('Alepo headline:Syria -x');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(suggestQuery('Alepo headline:Syria -x', parsed.query, context)).toBe('aleppo headline:Syria -x');
  });

  it('tries the next spelling when the best one finds nothing', () => {
    const parsed = parseQuery('sirial');
    if (!parsed.ok) throw new Error(parsed.error);
    // serial is one edit away but (here) finds nothing; syria is two edits away.
    expect(closestTerms(vocab, 'sirial')[0]).toBe('serial');
    expect(suggestQuery('sirial', parsed.query, context)).toBe('syria');
  });

  it('replaces a known word when the words together find nothing', () => {
    const parsed = parseQuery('profit serial');
    if (!parsed.ok) throw new Error(parsed.error);
    const finds = (text: string): boolean => text === 'profit syria';
    expect(suggestQuery('profit serial', parsed.query, { ...context, finds })).toBe('profit syria');
  });

  it('offers an explicit prefix for a word cut short, before a respelling', () => {
    const knownAsPrefix = (word: string, prefix: boolean): boolean =>
      prefix ? vocab.terms.some((t) => t.startsWith(word)) : vocab.terms.includes(word);
    const prefixContext = { ...context, known: knownAsPrefix };
    const parsed = parseQuery('Alepp headline:syria');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(suggestQuery('Alepp headline:syria', parsed.query, prefixContext)).toBe('alepp* headline:syria');
    // Three letters are too few to offer as a prefix: respelled instead.
    const short = parseQuery('gog');
    if (!short.ok) throw new Error(short.error);
    expect(suggestQuery('gog', short.query, prefixContext)).not.toBe('gog*');
  });

  it('gives up quickly on a query of many unknown words', () => {
    const text = Array.from({ length: 40 }, (_, i) => `zzqx${i}`).join(' ');
    const parsed = parseQuery(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(suggestQuery(text, parsed.query, context)).toBeNull();
  });

  it('has nothing to suggest when every word is known or nothing is close', () => {
    const parsed = parseQuery('syria qqqqqq');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(suggestQuery('syria qqqqqq', parsed.query, context)).toBeNull();
  });
});
