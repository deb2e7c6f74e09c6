/**
 * Keys as people write them in the config file, turned into the names the key map uses:
 * `j`, `G`, `?`, `space`, `enter`/`return`, `esc`, `pgdn`, `ctrl-n`/`ctrl+n`. Only keys
 * the decoder (key-names.ts) can report are accepted, so a binding can always be pressed.
 */
import type { KeyName } from './keymap.js';

/** Named keys the decoder reports. */
const NAMED = new Set(['up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'return', 'escape', 'tab', 'shift+tab', 'backspace', 'delete', 'insert', 'space']);

/** Other ways of writing them. */
const ALIASES: Record<string, KeyName> = {
  enter: 'return',
  esc: 'escape',
  pgup: 'pageup',
  pgdn: 'pagedown',
  pgdown: 'pagedown',
  del: 'delete',
  ins: 'insert',
  bs: 'backspace',
  backtab: 'shift+tab',
  'shift-tab': 'shift+tab',
};

/**
 * The key name for what the config file says, or null when it is no key the reader can
 * receive. Letters keep their case (`G` is Shift-g); Ctrl takes a letter (`ctrl-g`).
 */
export function parseKeySpec(text: string): KeyName | null {
  if (text === ' ') return 'space';
  const chars = Array.from(text);
  if (chars.length === 1) {
    const code = text.codePointAt(0) ?? 0;
    // Control characters arrive as named keys; these are typed text.
    return code >= 0x21 && code !== 0x7f && (code < 0x80 || code > 0x9f) ? text : null;
  }
  const lower = text.toLowerCase().replaceAll('_', '');
  const ctrl = /^(?:ctrl|control|c)[-+]([a-z])$/.exec(lower);
  if (ctrl !== null) return ctrlKey(ctrl[1] ?? '');
  const compact = lower.replaceAll('-', '');
  if (NAMED.has(lower)) return lower;
  if (NAMED.has(compact)) return compact;
  return ALIASES[lower] ?? ALIASES[compact] ?? null;
}

/** Ctrl with a letter, as the terminal sends it: Ctrl-I is Tab, Ctrl-M and Ctrl-J are Enter. */
function ctrlKey(letter: string): KeyName {
  switch (letter) {
    case 'i':
      return 'tab';
    case 'm':
    case 'j':
      return 'return';
    default:
      return `ctrl+${letter}`;
  }
}
