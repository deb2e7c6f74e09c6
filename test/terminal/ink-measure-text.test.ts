import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import measureText, { sizesKept } from '../../src/terminal/ink-measure-text.js';
import { CACHE_LIMIT } from '../../src/terminal/ink-output.js';
// Ink's own measure, which the build replaces: the reference.
import inkMeasureText from '../../node_modules/ink/build/measure-text.js';
import { fuzzParameters } from '../fuzz-settings.js';

const piece = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', 'é', '漢', '★', '…', '│', '\n') }),
  fc.constantFrom('\u001b[1mbold\u001b[22m', '\u001b[33mmatch\u001b[39m', '👍🏽', 'e\u0301'),
);

describe("Ink's measure-text stand-in", () => {
  it('measures every text as Ink does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        expect(measureText(text)).toEqual(inkMeasureText(text));
      }),
      fuzzParameters(),
    );
  });

  it('keeps a bounded number of sizes, and answers the same once it has started over', () => {
    const first = measureText('the first line');
    for (let i = 0; i < CACHE_LIMIT + 5000; i++) {
      measureText(`line ${i}`);
      expect(sizesKept()).toBeLessThanOrEqual(CACHE_LIMIT);
    }
    expect(measureText('the first line')).toEqual(first);
    expect(measureText('line 24999\nand a second, longer line')).toEqual({ width: 25, height: 2 });
  });
});
