import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../src/article/credits.js';
import { fuzzParameters, propertyTimeout } from '../fuzz-settings.js';

/** Words as splitting on JavaScript's white space gives them. */
const splitWords = (text: string): number => (text.trim() === '' ? 0 : text.trim().split(/\s+/).length);

describe('wordCount', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['  two words  ', 2],
    ['tab\tnew\nline\r\nform\ffeed\vvertical', 6],
    ['no\u00a0break\u3000ideographic\u2028line\ufeffbom', 5],
    ['zero\u200bwidth is one word', 4],
  ])('counts %j as %i', (text, words) => {
    expect(wordCount(text)).toBe(words);
  });

  it('counts as many words as splitting on white space does', { timeout: propertyTimeout }, () => {
    const spaces = fc.constantFrom(' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff');
    const text = fc.array(fc.oneof(spaces, fc.string({ unit: 'grapheme', maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 3 }))).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => wordCount(t) === splitWords(t)),
      fuzzParameters(),
    );
  });
});
