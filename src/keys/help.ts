/**
 * What the `?` help says: every binding of the key map grouped by where it applies, then
 * the query language of `/`. The reader's state uses its length to scroll it; the overlay
 * draws it.
 */
import { bindingKeys, DEFAULT_KEYMAP, type KeyMap, keyLabel } from './keymap.js';

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

/** The help of each key map, made once: its length scrolls it, and it is drawn every frame. */
const made = new WeakMap<KeyMap, readonly HelpLine[]>();

/** How the help's own keys are written in its title: `j/k and Space scroll, q closes`. */
function titleText(keymap: KeyMap): string {
  const first = (command: Parameters<KeyMap['binding']>[0]): string => {
    const keys = keymap.binding(command)?.keys ?? [];
    const key = keys.find((k) => k.length === 1) ?? keys[0];
    return key === undefined ? '' : keyLabel(key);
  };
  const scroll = [first('help.down'), first('help.up')].filter((k) => k !== '').join('/');
  const page = first('help.pageDown');
  const close = first('help.close');
  const parts = [[scroll, page].filter((k) => k !== '').join(' and ') + ' scroll', close === '' ? '' : `${close} closes`];
  return `Keys  (${parts.filter((p) => p !== ' scroll' && p !== '').join(', ')})`;
}

export function helpLines(keymap: KeyMap = DEFAULT_KEYMAP): readonly HelpLine[] {
  const known = made.get(keymap);
  if (known !== undefined) return known;
  const built: HelpLine[] = [{ kind: 'title', text: titleText(keymap) }];
  for (const group of keymap.helpGroups()) {
    built.push({ kind: 'blank' }, { kind: 'title', text: group.title });
    for (const b of group.bindings) built.push({ kind: 'entry', keys: bindingKeys(b), text: b.description });
  }
  built.push({ kind: 'blank' }, { kind: 'title', text: 'Search queries' });
  for (const [form, meaning] of QUERY_FORMS) built.push({ kind: 'entry', keys: form, text: meaning });
  made.set(keymap, built);
  return built;
}
