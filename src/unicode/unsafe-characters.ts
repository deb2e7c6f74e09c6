/**
 * Which characters a terminal would act on or that would hide or reorder text: the one
 * definition shared by the article parser (which warns about them), the feed reader and the
 * terminal's sanitiser (which replaces them). It sits below every other folder and imports
 * nothing, so the parser can ask the question without depending on terminal code.
 *
 * Unsafe are C0 and C1 controls, DEL, LINE and PARAGRAPH SEPARATOR, lone surrogates, and
 * invisible format characters (category Cf and the other default-ignorable code points)
 * except those kept because they print a sign or only shape their neighbour: see
 * src/terminal/sanitize.ts for what becomes of each.
 */

/** Format characters that are visible or that only shape their neighbour: kept. */
const KEPT_FORMAT =
  '\\u200c\\u200d\\u034f\\u180b-\\u180d\\u180f\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}\\u{e0020}-\\u{e007f}' +
  '\\u0600-\\u0605\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u{110bd}\\u{110cd}';

/** One unsafe character: controls, separators, removed format characters, lone surrogates. */
const UNSAFE_SOURCE = `[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]|(?![${KEPT_FORMAT}])[\\p{Cf}\\p{Default_Ignorable_Code_Point}]|\\p{Cs}`;

/** A new expression matching one unsafe character; `flags` must include `u`. */
export function unsafeCharacterPattern(flags: string): RegExp {
  return new RegExp(UNSAFE_SOURCE, flags);
}

const UNSAFE = unsafeCharacterPattern('u');

/** True when `text` holds an unsafe character (a tab counts: the terminal must expand it). */
export function isUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * True when `text` holds an unsafe character other than a tab: the case an article's
 * warning reports. Tabs are ordinary whitespace in a text file (the format exempts them).
 */
export function hasControlOrFormatCharacters(text: string): boolean {
  return isUnsafe(text.includes('\t') ? text.replaceAll('\t', ' ') : text);
}
