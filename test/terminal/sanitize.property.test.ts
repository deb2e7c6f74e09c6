/** Fuzzing the sanitiser: whatever the input, the output is inert to a terminal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeUnsafeInJson, sanitize } from '../../src/terminal/sanitize.js';
import { isUnsafe } from '../../src/unicode/unsafe-characters.js';
import { fuzzParameters, propertyTimeout } from '../fuzz-settings.js';

/** Anything a terminal would act on, or that could flip or hide text: never in the output. */
// eslint-disable-next-line no-control-regex
const INTERPRETED = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** Pieces hostile text is made of: introducers, terminators, parameters, format characters. */
const HOSTILE_PIECES = [
  '\u001b', '\u001b[', '\u009b', '\u001b]', '\u009d', '\u001bP', '\u0090', '\u001b_', '\u009f',
  '\u001b^', '\u009e', '\u001bX', '\u0098', '\u0007', '\u001b\\', '\u009c', '\u0018', '\u001a',
  '0;title', '52;c;', '2J', '?1049h', '31m', '(', '#8', ' q', '\r', '\b', '\t', '\n', '\u0000',
  '\u007f', '\u0085', '\u202e', '\u202d', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c',
  '\u200b', '\ufeff', '\u00ad', '\u2028', '\u200d', '\u200c', '\ufe0f', '\u{e0067}', '\u{e007f}',
  '\u{e0001}', '\ud800', '\udc00', '\u0301',
];
/** Text that must pass unchanged. */
const SAFE_PIECES = [
  'a', 'Z', ' ', '.', ';', '[', ']', '\\', '^', '_', '9', '\u00a0', 'é', 'e\u0301', '中文', 'ｱ',
  'שלום', 'مرحبا', '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}', '\u{1f44d}\u{1f3fd}', '\u2764\ufe0f',
  '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}', 'क्\u200dष', 'ि', '£', '\u0600',
  '\u2400', '\ufffd', '\u{10ffff}', '\ue000',
];

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  { weight: 4, arbitrary: fc.constantFrom(...SAFE_PIECES) },
  { weight: 1, arbitrary: codeUnit },
  { weight: 1, arbitrary: codePoint },
);
const hostileText = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const safeText = fc.array(fc.constantFrom(...SAFE_PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
/** Complete sequences: removing them must leave the text around them exactly as it was. */
const completeSequence = fc.constantFrom(
  '\u001b[2J', '\u001b[?1049h', '\u009b31m', '\u001b]0;title\u0007', '\u001b]52;c;AAAA\u001b\\',
  '\u009d8;;url\u009c', '\u001bP$q\u001b\\', '\u001b_G\u001b\\', '\u001b^x\u0007', '\u001bXy\u009c',
  '\u001bc', '\u001b(0', '\u001b#8', '\u202e', '\u2066', '\u200f',
);

describe('sanitize properties', () => {
  it('leaves nothing a terminal would interpret, and no lone surrogate', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const out = sanitize(text);
        expect(out).not.toMatch(INTERPRETED);
        expect(out.isWellFormed()).toBe(true);
        expect(isUnsafe(out)).toBe(false);
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('is idempotent', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const once = sanitize(text);
        expect(sanitize(once)).toBe(once);
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('returns text without unsafe characters unchanged', () => {
    fc.assert(
      fc.property(safeText, (text) => {
        expect(isUnsafe(text)).toBe(false);
        expect(sanitize(text)).toBe(text);
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('changes text exactly when isUnsafe says so', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary' })), (text) => {
        expect(sanitize(text) !== text).toBe(isUnsafe(text));
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('removes a complete sequence and keeps the text around it', () => {
    fc.assert(
      fc.property(safeText, completeSequence, safeText, (before, sequence, after) => {
        expect(sanitize(before + sequence + after)).toBe(before + after);
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);

  it('never drops visible text outside escape sequences', () => {
    // Letters never start, end or sit inside an escape sequence's parameter bytes, so every
    // lowercase letter that is not preceded by an introducer survives.
    const letterRun = fc.stringMatching(/^[a-z]{1,8}$/);
    const control = fc.constantFrom('\r', '\b', '\u0000', '\u0085', '\u202e', '\u200b', '\t', '\u001b[0m', '\u001b]0;x\u0007');
    fc.assert(
      fc.property(fc.array(fc.tuple(letterRun, control), { maxLength: 20 }), (parts) => {
        const text = parts.map(([letters, c]) => letters + c).join('');
        const letters = parts.map(([l]) => l).join('');
        expect(sanitize(text).replace(/[^a-z]/g, '')).toBe(letters);
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);
});

describe('escapeUnsafeInJson properties', () => {
  it('parses back to the same value, with nothing a terminal would interpret left raw', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileText, fc.string({ unit: 'binary' })), { maxLength: 4 }), (texts) => {
        const json = escapeUnsafeInJson(JSON.stringify({ texts }));
        expect(json).not.toMatch(INTERPRETED);
        expect(JSON.parse(json)).toEqual({ texts });
      }),
      fuzzParameters(),
    );
  }, propertyTimeout);
});
