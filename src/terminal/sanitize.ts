/**
 * The one gate between untrusted article text and the terminal (FORMAT.md "Untrusted text").
 *
 * - Escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two-byte ESC sequences), including
 *   their 8-bit C1 introducers, are removed whole, so no parameter text is left behind.
 * - Other C0 controls, DEL and C1 controls are shown as visible symbols (U+2400 block, or
 *   U+FFFD for C1), so the reader can tell something was there.
 * - Carriage returns and backspaces, which would overwrite text, become symbols too.
 * - Bidirectional overrides/isolates/marks and other invisible format characters (Cf) are
 *   removed, except ZWJ/ZWNJ (needed by emoji and Indic scripts), the soft hyphen and emoji
 *   tag characters, which cannot move or hide other text.
 * - Line and paragraph separators become spaces; tabs become spaces; lone surrogates U+FFFD.
 */

const TAB_AS_SPACES = '    ';

// ESC or 8-bit introducer, then the body of each sequence family.
// String sequences (OSC, DCS, SOS, PM, APC) end at BEL, ST (ESC \ or 0x9C) or the end of text.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?', // CSI
    '(?:\\u001b[\\]PX^_]|[\\u009d\\u0090\\u0098\\u009e\\u009f])[^\\u0007\\u001b\\u009c]*(?:\\u0007|\\u001b\\\\|\\u009c)?', // OSC DCS SOS PM APC
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]', // ESC with intermediates and a final byte
  ].join('|'),
  'g',
);

const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\t]|(?!\u00ad|\u200c|\u200d|[\u{e0020}-\u{e007f}])\p{Cf}|\p{Cs}/u;

const REPLACE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000a-\u001f\u007f]|[\u0080-\u009f]|[\u2028\u2029]|\t|(?!\u00ad|\u200c|\u200d|[\u{e0020}-\u{e007f}])\p{Cf}/gu;

function replacement(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (ch === '\t') return TAB_AS_SPACES;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code >= 0x80 && code <= 0x9f) return '\ufffd';
  if (code === 0x2028 || code === 0x2029) return ' ';
  return ''; // invisible format character
}

/** True when `text` holds anything `sanitize` would change. */
export function isUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/** Text that is safe to write to a terminal: see the module comment for what changes. */
export function sanitize(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.toWellFormed().replace(ESCAPE_SEQUENCE, '').replace(REPLACE, replacement);
}
