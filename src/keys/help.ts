/**
 * What the `?` help says: every binding of the key map grouped by where it applies, then
 * the query language of `/`. The reader's state uses its length to scroll it; the overlay
 * draws it.
 */
import { bindingKeys, helpGroups } from './keymap.js';

/** One line of the help: a heading, a key (or query form) and what it does, or a blank. */
export type HelpLine = { kind: 'title'; text: string } | { kind: 'entry'; keys: string; text: string } | { kind: 'blank' };

/** The query language, as `/` and `newsreader search` read it. */
const QUERY_FORMS: readonly [string, string][] = [
  ['oil price', 'articles with every word (the last one typed is a prefix)'],
  ['"oil price"', 'the words together, as a phrase'],
  ['-word', 'articles without the word'],
  ['oil OR gas', 'either word'],
  ['headline:oil', 'in the headline; also source: and section:'],
  ['after:2016-09-01', 'dated on or after the day'],
  ['before:2016-10-01', 'dated before the day'],
  ['is:unread', 'also is:read and is:starred'],
];

let lines: readonly HelpLine[] | null = null;

export function helpLines(): readonly HelpLine[] {
  if (lines !== null) return lines;
  const built: HelpLine[] = [{ kind: 'title', text: 'Keys  (j/k and Space scroll, q closes)' }];
  for (const group of helpGroups()) {
    built.push({ kind: 'blank' }, { kind: 'title', text: group.title });
    for (const b of group.bindings) built.push({ kind: 'entry', keys: bindingKeys(b), text: b.description });
  }
  built.push({ kind: 'blank' }, { kind: 'title', text: 'Search queries' });
  for (const [form, meaning] of QUERY_FORMS) built.push({ kind: 'entry', keys: form, text: meaning });
  lines = built;
  return lines;
}
