/** Turning what Ink reports for a key press into the key names the key map uses. */
import type { Key } from 'ink';
import type { KeyName } from './keymap.js';

const NAMED: readonly [keyof Key, KeyName][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'return'],
  ['escape', 'escape'],
  ['tab', 'tab'],
];

/**
 * The key names in one input event. Ink hands a run of plain characters over as one event
 * when they arrive together (a held key on a slow link), so each character counts as a key.
 */
export function keyNames(input: string, key: Key): KeyName[] {
  for (const [flag, name] of NAMED) if (key[flag] === true) return [name];
  if (key.ctrl && input.length === 1) return [`ctrl+${input.toLowerCase()}`];
  if (key.ctrl || key.meta) return [];
  return Array.from(input, charName);
}

/** The name of one character of a run, control characters included (Ctrl-Z after a `j`). */
function charName(ch: string): KeyName {
  const code = ch.charCodeAt(0);
  if (ch === ' ') return 'space';
  if (code === 9) return 'tab';
  if (code === 13) return 'return';
  if (code === 27) return 'escape';
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  return ch;
}
