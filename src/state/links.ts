/**
 * The list of an article's links (`L`): a numbered list over the body, moved with j/k, a
 * link opened with Enter or by typing its number. Opening one leaves an `open` request in
 * `outside` for the app; the list stays up so another can be opened, until Esc or q.
 */
import type { Command } from '../keys/keymap.js';
import type { ArticleLink } from '../article/links.js';
import type { AppState } from './types.js';

export interface LinksState {
  items: readonly ArticleLink[];
  selected: number;
  /** Digits typed so far, while more digits could still name a link. */
  typed: string;
}

export type LinksAction = { type: 'linksShow'; items: readonly ArticleLink[] } | { type: 'linksDigit'; digit: string };

function open(state: AppState, links: LinksState, selected: number): AppState {
  const link = links.items[selected];
  if (link === undefined) return state;
  return { ...state, links: { ...links, selected, typed: '' }, outside: { kind: 'open', url: link.url } };
}

function select(state: AppState, links: LinksState, selected: number): AppState {
  const clamped = Math.max(0, Math.min(links.items.length - 1, selected));
  return { ...state, links: { ...links, selected: clamped, typed: '' } };
}

export function linksStep(state: AppState, action: LinksAction): AppState {
  if (action.type === 'linksShow') {
    if (action.items.length === 0) return { ...state, notice: 'no links in this article' };
    return { ...state, links: { items: action.items, selected: 0, typed: '' }, notice: null };
  }
  const links = state.links;
  if (links === null || !/^[0-9]$/.test(action.digit)) return state;
  const typed = `${links.typed}${action.digit}`.replace(/^0+/, '');
  const number = Number(typed);
  if (typed === '' || number > links.items.length) return { ...state, links: { ...links, typed: '' }, notice: `no link ${typed || '0'}` };
  // Open at once unless another digit could still name a later link (1 of 12 may be 12).
  if (number * 10 > links.items.length) return open(state, links, number - 1);
  return { ...state, links: { ...links, selected: number - 1, typed } };
}

/** A key while the link list is up. */
export function linksCommand(state: AppState, command: Command): AppState {
  const links = state.links;
  if (links === null) return state;
  switch (command) {
    case 'links.down':
      return select(state, links, links.selected + 1);
    case 'links.up':
      return select(state, links, links.selected - 1);
    case 'links.top':
      return select(state, links, 0);
    case 'links.bottom':
      return select(state, links, links.items.length - 1);
    case 'links.open':
      return open(state, links, links.selected);
    case 'links.close':
      return { ...state, links: null };
    case 'app.quitAll':
      return { ...state, links: null, quit: true };
    case 'app.interrupt':
      return { ...state, links: null, quit: true, exitStatus: 130 };
    default:
      return state;
  }
}
