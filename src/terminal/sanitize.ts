/**
 * The one gate between untrusted article text and the terminal (FORMAT.md "Untrusted text").
 * Article text, headlines, paths and warning messages are data; a terminal reading them
 * must never see a byte it would act on. Which characters are unsafe is defined once, in
 * src/unicode/unsafe-characters.ts; this module decides what each becomes.
 *
 * What `sanitize` changes:
 * - Escape sequences are removed whole, so no parameter text is left behind, whether they
 *   start with ESC or with an 8-bit C1 introducer:
 *   - CSI (`ESC [` or 0x9B): parameter and intermediate bytes and the final byte;
 *   - string sequences, OSC (`ESC ]`, 0x9D, title and clipboard writes), DCS (`ESC P`,
 *     0x90), SOS (`ESC X`, 0x98), PM (`ESC ^`, 0x9E), APC (`ESC _`, 0x9F): up to and
 *     including BEL, ST (`ESC \` or 0x9C), CAN or SUB, or up to (not including) the next
 *     ESC or C1 control, where a terminal would also end the string;
 *   - other ESC sequences (`ESC c`, `ESC 7`, `ESC ( B`, `ESC # 8`, ...): intermediates and
 *     final byte.
 * - A string sequence with no end before the end of the text is NOT removed whole: only its
 *   introducer is replaced by a placeholder and the rest is shown as text. A terminal would
 *   swallow everything after it, so removing it would let one stray byte hide the rest of an
 *   article from the reader while `--json` and search still see it.
 * - A lone ESC (also at the end of the text) becomes U+241B (␛); other C0 controls become
 *   their Control Pictures symbol (U+2400 + code: NUL ␀, BEL ␇, BS ␈, LF ␊, CR ␍, ...), DEL
 *   becomes ␡, and C1 controls (including NEL 0x85 and a stray ST 0x9C) become U+FFFD, so
 *   the reader can see that something was there and nothing can overwrite a line.
 * - Tabs become four spaces; LINE and PARAGRAPH SEPARATOR (U+2028/2029) become a space.
 * - Invisible format characters (general category Cf, plus the other default-ignorable
 *   code points) are removed: bidi overrides, embeddings, isolates and marks (U+202A–202E,
 *   U+2066–2069, U+200E/200F, U+061C), zero-width space, word joiner, BOM/ZWNBSP, soft
 *   hyphen, invisible math operators, interlinear annotation, Hangul fillers, and code
 *   points reserved as default-ignorable. They can flip or hide text, and most are zero
 *   columns wide to string-width but not to every terminal, which would break the layout.
 * - Lone surrogates become U+FFFD.
 *
 * What is let through on purpose, because it is text and a terminal only draws it:
 * - ZWJ and ZWNJ (U+200D/200C): emoji ZWJ sequences and Indic/Persian spelling need them;
 *   they never move text.
 * - Variation selectors (U+FE00–FE0F, U+E0100–E01EF), the combining grapheme joiner
 *   (U+034F), Mongolian variation selectors and emoji tag characters (U+E0020–E007F, the
 *   subdivision flags): they shape the character before them and nothing else.
 * - Prepended concatenation marks (U+0600–0605, U+06DD, U+070F, U+0890–0891, U+08E2,
 *   U+110BD, U+110CD): format characters by category, but they print a visible sign.
 * - Combining marks, however many are stacked: a terminal draws them inside one cell.
 * - Right-to-left letters, CJK and emoji: the terminal lays them out; without bidi controls
 *   they cannot reorder the text around them.
 * - Private-use and unassigned code points, noncharacters (U+FFFE/FFFF) and U+FFFD itself:
 *   a terminal draws them as a glyph or a box, it does not act on them.
 */
import { unsafeCharacterPattern } from '../unicode/unsafe-characters.js';

const TAB_AS_SPACES = '    ';
const ESC_PLACEHOLDER = '\u241b';
const C1_PLACEHOLDER = '\ufffd';

const UNSAFE = unsafeCharacterPattern('u');
/** Global: callers set lastIndex before each exec. */
const UNSAFE_ALL = unsafeCharacterPattern('gu');

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
/** 8-bit introducers of string sequences: DCS, SOS, OSC, PM, APC. */
const C1_STRING_STARTS = new Set([0x90, 0x98, 0x9d, 0x9e, 0x9f]);
/** The byte after ESC that starts a string sequence: P (DCS), X (SOS), ] (OSC), ^ (PM), _ (APC). */
const ESC_STRING_STARTS = new Set([0x50, 0x58, 0x5d, 0x5e, 0x5f]);

const isC1 = (code: number): boolean => code >= 0x80 && code <= 0x9f;

/** End (exclusive) of a CSI whose parameters start at `i`: parameters, intermediates, final byte. */
function csiEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x3f) j++;
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
  if (j < text.length && text.charCodeAt(j) >= 0x40 && text.charCodeAt(j) <= 0x7e) j++;
  return j;
}

/**
 * End (exclusive) of a string sequence whose payload starts at `i`, or -1 when the text
 * ends before anything ends it.
 */
function stringEnd(text: string, i: number): number {
  for (let j = i; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === BEL || code === CAN || code === SUB || code === C1_ST) return j + 1;
    if (code === ESC) return text.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
    if (isC1(code)) return j;
  }
  return -1;
}

/** End (exclusive) of `ESC intermediates* final` starting after the ESC at `i`, or -1. */
function escEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
  const code = text.charCodeAt(j);
  return code >= 0x30 && code <= 0x7e ? j + 1 : -1;
}

/**
 * Handle the unsafe character at `i`: push its replacement (if any) to `out` and return
 * the index after what was consumed.
 */
function replaceAt(text: string, i: number, out: string[]): number {
  const code = text.charCodeAt(i);
  if (code === ESC) {
    const next = text.charCodeAt(i + 1);
    if (next === 0x5b) return csiEnd(text, i + 2);
    if (ESC_STRING_STARTS.has(next)) {
      const end = stringEnd(text, i + 2);
      if (end !== -1) return end;
      out.push(ESC_PLACEHOLDER);
      return i + 1;
    }
    const end = escEnd(text, i + 1);
    if (end !== -1) return end;
    out.push(ESC_PLACEHOLDER);
    return i + 1;
  }
  if (code === C1_CSI) return csiEnd(text, i + 1);
  if (C1_STRING_STARTS.has(code)) {
    const end = stringEnd(text, i + 1);
    if (end !== -1) return end;
    out.push(C1_PLACEHOLDER);
    return i + 1;
  }
  if (code === 0x09) out.push(TAB_AS_SPACES);
  else if (code < 0x20) out.push(String.fromCharCode(0x2400 + code));
  else if (code === 0x7f) out.push('\u2421');
  else if (isC1(code)) out.push(C1_PLACEHOLDER);
  else if (code === 0x2028 || code === 0x2029) out.push(' ');
  else if (code >= 0xd800 && code <= 0xdfff) {
    // A surrogate reaches here only when it is lone: a pair is a format character or nothing.
    const pair = text.codePointAt(i) ?? code;
    if (pair > 0xffff) return i + 2; // an astral format character, removed
    out.push('\ufffd');
  }
  // Anything else is an invisible format character: removed.
  return i + 1;
}

/** Text that is safe to write to a terminal: see the module comment for what changes. */
export function sanitize(text: string): string {
  if (!UNSAFE.test(text)) return text;
  const out: string[] = [];
  let copied = 0;
  for (;;) {
    UNSAFE_ALL.lastIndex = copied;
    const match = UNSAFE_ALL.exec(text);
    if (!match) break;
    out.push(text.slice(copied, match.index));
    copied = replaceAt(text, match.index, out);
  }
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * JSON text with every character `sanitize` would touch written as a `\uXXXX` escape.
 * The parsed value is exactly the same, but printing the JSON to a terminal is safe:
 * JSON.stringify escapes C0 controls and lone surrogates, not C1 controls or bidi overrides.
 * Valid because such characters can only occur inside JSON strings.
 */
export function escapeUnsafeInJson(json: string): string {
  return json.replace(UNSAFE_ALL, (ch) =>
    Array.from({ length: ch.length }, (_, k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, '0')}`).join(''),
  );
}
