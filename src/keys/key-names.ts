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
  return Array.from(input, (ch) => (ch === ' ' ? 'space' : ch));
}
