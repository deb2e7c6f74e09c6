import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldChar, foldText } from '../../src/unicode/fold.js';
import { foldWithOffsets } from '../../src/search/normalize.js';

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

describe('foldWithOffsets', () => {
  it('folds as folding each code point alone, each folded unit pointing into its character', () => {
    const piece = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string(), fc.constantFrom('Café\u00a0CRÈME', 'ẞ', 'İ', 'e\u0301', 'Ǆemal', '中国经济'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const raw = pieces.join(' ');
        const { folded, origin, originEnd } = foldWithOffsets(raw);
        expect(folded).toBe(Array.from(raw, foldChar).join(''));
        expect(origin.length).toBe(folded.length);
        for (let i = 0; i < folded.length; i++) {
          expect(origin[i]).toBeLessThan(originEnd[i]!);
          expect(originEnd[i]).toBeLessThanOrEqual(raw.length);
        }
      }),
      { seed: 12, numRuns: RUNS },
    );
  });
});
