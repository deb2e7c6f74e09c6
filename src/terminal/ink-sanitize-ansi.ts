/**
 * Stands in for Ink's sanitize-ansi (scripts/ink-replacements.mjs), which Ink runs over
 * the styled text of every text node at every frame, tokenising the whole text whenever it
 * holds an escape, as every styled text does: a fifth of the work of a Down in the list.
 * Text whose only escapes are SGR (colour, bold, inverse) passes as it is, found with one
 * regular expression, as Ink would have passed it. Anything else keeps its SGR sequences and
 * has the rest cleaned by `sanitize`, which is stricter than Ink (it also removes OSC and
 * shows other controls as symbols); the reader's text has been through `sanitize` already,
 * so it never gets there.
 */
import { sanitize } from './sanitize.js';

// eslint-disable-next-line no-control-regex -- SGR escapes are what is looked for
const SGR = /\u001b\[[\d;:]*m/g;
// eslint-disable-next-line no-control-regex -- ESC and the C1 controls are what is looked for
const CONTROL = /[\u001b\u0080-\u009f]/;

export default function sanitizeAnsi(text: string): string {
  if (!CONTROL.test(text) || !CONTROL.test(text.replace(SGR, ''))) return text;
  let out = '';
  let from = 0;
  for (const match of text.matchAll(SGR)) {
    out += sanitize(text.slice(from, match.index)) + match[0];
    from = match.index + match[0].length;
  }
  return out + sanitize(text.slice(from));
}
