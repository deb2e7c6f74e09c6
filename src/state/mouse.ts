/**
 * What the mouse does, from where the pointer is: the wheel scrolls the pane under it, a
 * click on a headline selects it (on the selected one, opens it), a click in the article
 * gives it the keys. Where things are comes from the same layout the screen is drawn with.
 */
import type { Command } from '../keys/keymap.js';
import { layoutOf } from './layout.js';
import type { AppState } from './types.js';

/** Lines (or headlines) one notch of the wheel moves, as most terminal programs do. */
export const WHEEL_LINES = 3;

/** What is drawn at a cell: a row of the list (counted from the top of the screen), the article, the help, or neither. */
export type PointerTarget = { pane: 'list'; row: number } | { pane: 'article' } | { pane: 'help' } | null;

export function pointerTarget(state: AppState, x: number, y: number): PointerTarget {
  const layout = layoutOf(state);
  if (y < 0 || y >= layout.bodyRows || x < 0 || x >= state.size.width) return null;
  if (state.help) return { pane: 'help' };
  if (layout.mode === 'list') return { pane: 'list', row: y };
  if (layout.mode === 'article') return { pane: 'article' };
  if (x < layout.listWidth) return { pane: 'list', row: y };
  return x >= layout.articleLeft ? { pane: 'article' } : null;
}

/** The commands one wheel notch runs at a cell: the pane under the pointer scrolls, not the focused one. */
export function wheelCommands(state: AppState, x: number, y: number, down: boolean): Command[] {
  const target = pointerTarget(state, x, y);
  if (target === null) return [];
  const command: Command =
    target.pane === 'help' ? (down ? 'help.down' : 'help.up') : target.pane === 'list' ? (down ? 'list.down' : 'list.up') : down ? 'article.down' : 'article.up';
  return Array.from({ length: WHEEL_LINES }, () => command);
}

/**
 * The state after a left click at a cell, `rows` being the list's length: a headline is
 * selected and the list takes the keys; a click on the headline already selected opens it,
 * as Enter does; a click in the article pane gives it the keys.
 */
export function clickAt(state: AppState, x: number, y: number, rows: number): AppState {
  const target = pointerTarget(state, x, y);
  if (target === null || target.pane === 'help') return state;
  if (target.pane === 'article') return rows === 0 || state.focus === 'article' ? state : { ...state, focus: 'article' };
  const index = state.top + target.row;
  if (index >= rows) return state;
  if (index === state.selected) return { ...state, focus: 'article' };
  return { ...state, selected: index, focus: 'list', scroll: 0, match: -1 };
}
