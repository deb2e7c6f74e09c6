/**
 * Column widths of ordinary text without string-width. string-width's first call with any
 * non-ASCII character compiles its Unicode property patterns (emoji and friends), 30-90 ms,
 * and a first screen nearly always has one: the `…` of a cut headline, a `│`, a `—` or a
 * `ğ`. Text made only of characters that take one column each and never join a neighbour
 * into one grapheme is measured by counting them; anything else returns null and goes to
 * string-width as before.
 */

/**
 * One column each, one grapheme each: printable ASCII; Latin-1 (without the soft hyphen,
 * which is invisible) and Latin Extended letters, IPA and spacing modifiers (combining
 * marks start at U+0300, outside); dashes, quotes, bullets and `…` (U+2010-2027) and the
 * rest of general punctuation up to U+205E (zero-width and bidi controls excluded); box
 * drawing, blocks and the geometric shapes before the four emoji squares at U+25FB.
 */
const SIMPLE = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2500-\u25fa]*$/;

/** The number of columns `text` takes if it is simple text (see above), else null. */
export function simpleWidth(text: string): number | null {
  return SIMPLE.test(text) ? text.length : null;
}

/** Whether each UTF-16 unit of `text` is one grapheme of one column (see above). */
export function isSimpleText(text: string): boolean {
  return SIMPLE.test(text);
}
