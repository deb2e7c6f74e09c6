/**
 * Keys meant for the search field that reach the reader first: typed right after `/`,
 * before the field listens, or pasted together with Enter.
 */
import type { useInput } from 'ink';
import type { Action } from '../state/types.js';

/** What Ink reports about a key press. */
export type InkKey = Parameters<Parameters<typeof useInput>[0]>[1];

/** A key event with no modifier or special key: plain characters. */
export const NO_MODIFIERS: InkKey = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Edit the query as the field would, for keys that reach the reader before the field. */
export function typeIntoField(input: string, key: InkKey, query: string, dispatch: (action: Action) => void): void {
  if (key.escape) dispatch({ type: 'searchCancel' });
  else if (key.return) dispatch({ type: 'searchSubmit' });
  else if (key.backspace || key.delete) dispatch({ type: 'searchInput', query: Array.from(query).slice(0, -1).join('') });
  else if (!key.ctrl && !key.meta && input !== '') dispatch({ type: 'searchInput', query: withoutControls(query + input) });
}

/** The text without control characters, which could act on the terminal. */
export function withoutControls(text: string): string {
  return Array.from(text)
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('');
}
