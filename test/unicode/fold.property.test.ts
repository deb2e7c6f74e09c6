import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldChar, foldText } from '../../src/unicode/fold.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

describe('foldText', () => {
  it('folds a whole string exactly as folding each code point alone', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('ΛΟΓΟΣ', 'Σ', 'ς', 'İstanbul', 'Café\u00a0CRÈME', 'ǅ', 'ẞ', 'Ǆemal', '中国经济'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join(' ');
        expect(foldText(text)).toBe(Array.from(text, foldChar).join(''));
      }),
      { seed: 11, numRuns: RUNS },
    );
  });

  it('folds a final capital sigma as the query side does', () => {
    expect(foldText('ΛΟΓΟΣ')).toBe('λογοσ');
  });
});
