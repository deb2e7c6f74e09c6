import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { isSimpleText, simpleWidth } from '../../src/terminal/simple-width.js';
import { fuzzParameters } from '../fuzz-settings.js';

const SEGMENTER = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters from inside and around the simple ranges: their edges, marks that combine, emoji. */
const character = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x80, max: 0x3ff }),
  fc.integer({ min: 0x2000, max: 0x206f }),
  fc.integer({ min: 0x2490, max: 0x2610 }),
  fc.constantFrom(0x00ad, 0x0301, 0x200d, 0xfe0f, 0x1f44d, 0x4e2d, 0x3000, 0x1100),
).map((code) => String.fromCodePoint(code));
const text = fc.array(character, { maxLength: 12 }).map((chars) => chars.join(''));

describe('simpleWidth', () => {
  it('agrees with string-width whenever it answers, and every unit of simple text is a grapheme', () => {
    fc.assert(
      fc.property(text, (sample) => {
        const width = simpleWidth(sample);
        if (width === null) return;
        expect(width).toBe(stringWidth(sample));
        expect(isSimpleText(sample)).toBe(true);
        expect(Array.from(SEGMENTER.segment(sample))).toHaveLength(sample.length);
      }),
      fuzzParameters(),
    );
  });

  it('answers for the punctuation and letters of a first screen, and not for what needs string-width', () => {
    expect(simpleWidth('Erdoğan’s “deal” — 2016 … │ ● ·')).toBe(31);
    expect(simpleWidth('')).toBe(0);
    for (const hard of ['cafe\u0301', '日本', '👍', 'soft\u00adhyphen', 'a\u200db', '\u25fd', '\u001b[7m']) expect(simpleWidth(hard)).toBeNull();
  });
});
