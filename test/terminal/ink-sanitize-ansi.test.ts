import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sanitizeAnsi from '../../src/terminal/ink-sanitize-ansi.js';
// Ink's own sanitizer, which the build replaces: the reference for styled text.
import inkSanitizeAnsi from '../../node_modules/ink/build/sanitize-ansi.js';
import { fuzzParameters } from '../fuzz-settings.js';

const sgr = fc.array(fc.constantFrom('0', '1', '2', '4', '7', '22', '33', '39', '38;5;208', '48:2::1:2:3'), { maxLength: 3 }).map((p) => `\u001b[${p.join(';')}m`);
const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '漢', '★', '…', '│') });
const styled = fc.array(fc.oneof(plain, sgr), { maxLength: 8 }).map((parts) => parts.join(''));
const hostile = fc.constantFrom('\u001b[2J', '\u001b[10;1H', '\u001b]0;title\u0007', '\u009b31m', '\u001bc', '\u001b', '\u0085', '\u001b[?1049h', '\u001b]8;;http://x\u001b\\');

// eslint-disable-next-line no-control-regex -- what is left of escapes after the SGR ones
const ESCAPES_BUT_SGR = /\u001b(?!\[[\d;:]*m)|[\u0080-\u009f]/;

describe("Ink's sanitize-ansi stand-in", () => {
  it('passes text styled with SGR exactly as Ink does', () => {
    fc.assert(
      fc.property(styled, (text) => {
        expect(sanitizeAnsi(text)).toBe(inkSanitizeAnsi(text));
      }),
      fuzzParameters(),
    );
  });

  it('leaves no escape but SGR and no C1 control, wherever they come', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(styled, hostile), { maxLength: 6 }), (parts) => {
        expect(sanitizeAnsi(parts.join(''))).not.toMatch(ESCAPES_BUT_SGR);
      }),
      fuzzParameters(),
    );
  });

  it('removes a screen clear and a cursor move, and keeps the colour around them', () => {
    expect(sanitizeAnsi('\u001b[33mtitle\u001b[2J\u001b[10;1Hrest\u001b[39m')).toBe('\u001b[33mtitlerest\u001b[39m');
  });
});
