import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../src/search/match-ranges.js';
import { parseQuery } from '../../src/search/query.js';

function marked(query: string, text: string, prefixLast = false): string[] {
  const parsed = parseQuery(query, { prefixLast });
  if (!parsed.ok) throw new Error(parsed.error);
  return highlightRanges(parsed.query, text).map(([start, end]) => text.slice(start, end));
}

describe('highlightRanges', () => {
  it('marks every match of each positive word, ignoring case', () => {
    expect(marked('syria talks', 'Syria talks: SYRIA and the talks')).toEqual(['Syria', 'talks', 'SYRIA', 'talks']);
  });

  it('marks the raw text when the query has no diacritics, and the other way round', () => {
    expect(marked('cafe', 'Le café, un Café')).toEqual(['café', 'Café']);
    expect(marked('café', 'a cafe')).toEqual(['cafe']);
  });

  it('keeps combining marks with their letter', () => {
    const text = 'cafe\u0301 noir';
    expect(marked('cafe', text)).toEqual(['cafe\u0301']);
  });

  it('marks a phrase across an NBSP as one range', () => {
    expect(marked('"syria on"', 'talks on Syria\u00a0on Monday')).toEqual(['Syria\u00a0on']);
  });

  it('marks whole words only, except the prefix being typed', () => {
    expect(marked('ale', 'Aleppo ale')).toEqual(['ale']);
    expect(marked('ale', 'Aleppo ale', true)).toEqual(['Aleppo', 'ale']);
  });

  it('does not mark excluded words, and marks both sides of OR', () => {
    expect(marked('aleppo OR damascus -talks', 'talks in Aleppo and Damascus')).toEqual(['Aleppo', 'Damascus']);
  });

  it('gives UTF-16 offsets past astral characters', () => {
    const text = '😀 Aleppo';
    const parsed = parseQuery('aleppo');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(highlightRanges(parsed.query, text)).toEqual([[3, 9]]);
  });

  it('merges overlapping matches', () => {
    expect(marked('"time warner" warner', 'Time Warner')).toEqual(['Time Warner']);
  });
});
