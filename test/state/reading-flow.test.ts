/**
 * The reducer's side of the reading flow: what J/K, Space at an article's end, u, S, o, A
 * and U do to the state and leave for the App to do, given what the key routing read from
 * the library before each command.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/keys/keymap.js';
import type { ArticleSummary } from '../../src/library/library.js';
import { initialState, reducer } from '../../src/state/reducer.js';
import type { Action, AppState } from '../../src/state/types.js';
import { libraryView, searchQuery, unreadView } from '../../src/state/view.js';

function make(count: number): AppState {
  return initialState({ width: 120, height: 40, count, canSearch: true });
}

function act(state: AppState, command: Command, facts: Omit<Extract<Action, { type: 'command' }>, 'type' | 'command'> = {}): AppState {
  return reducer(state, { type: 'command', command, ...facts });
}

const item = { key: '17', id: 'id17', read: false, starred: false };

function searchedFor(query: string, total: number): AppState {
  let s = act(make(100), 'search.open');
  s = reducer(s, { type: 'searchInput', query });
  const hit: ArticleSummary = { key: '1', id: 'id1', path: '1.txt', section: null, headline: 'One', date: null, source: null, words: 1, read: false, starred: false };
  const outcome = { query, offset: 0, total, hits: Array.from({ length: total }, () => hit), error: null, suggestion: null, highlight: () => [] };
  return reducer(reducer(s, { type: 'searchResult', seq: s.search.seq, outcome }), { type: 'searchSubmit' });
}

describe('the next unread article', () => {
  it('J and K go to the row the routing found, keeping the pane with the keys, or say there is none', () => {
    const open = act(make(50), 'list.open');
    const moved = act(open, 'unread.next', { unread: 7 });
    expect(moved).toMatchObject({ selected: 7, focus: 'article', scroll: 0 });
    expect(act(moved, 'unread.previous', { unread: 2 }).selected).toBe(2);
    expect(act(moved, 'unread.next', { unread: null })).toMatchObject({ selected: 7, notice: 'no more unread articles below' });
    expect(act(moved, 'unread.previous', { unread: null }).notice).toBe('no unread articles above');
  });

  it('Space pages until the end, and only there goes on to the next unread article', () => {
    const article = { lines: 100, matchLines: [] };
    let s = act(make(50), 'list.open');
    s = act(s, 'article.pageDown', { article });
    expect(s).toMatchObject({ selected: 0, scroll: 38 });
    s = act(act(s, 'article.pageDown', { article }), 'article.pageDown', { article });
    // At the end (100 lines less 39 rows): the routing hands in the next unread row.
    expect(s.scroll).toBe(61);
    expect(act(s, 'article.pageDown', { article, unread: 4 })).toMatchObject({ selected: 4, scroll: 0, focus: 'article' });
    expect(act(s, 'article.pageDown', { article, unread: null })).toMatchObject({ selected: 0, notice: 'no more unread articles below' });
  });
});

describe('views', () => {
  it('u and S change the library view and ask the App to find the selected article in it', () => {
    const s = act(make(50), 'view.unreadOnly', { item, now: 1234 });
    expect(s).toMatchObject({ unreadOnly: true, readSince: 1234, effect: { kind: 'follow', key: '17' } });
    expect(libraryView(s)).toEqual({ sort: 'newest', unreadOnly: true, readSince: 1234 });
    const both = act(s, 'view.starredOnly', { item });
    expect(libraryView(both)).toEqual({ sort: 'newest', unreadOnly: true, readSince: 1234, starredOnly: true });
    expect(unreadView(both)).toEqual({ sort: 'newest', unreadOnly: true, starredOnly: true });
    // The App answers with the new view's length and where the article is.
    expect(reducer(both, { type: 'view', count: 12, index: 9 })).toMatchObject({ libraryCount: 12, selected: 9 });
    // No article selected (an empty list): the top.
    expect(act({ ...make(50), selected: 5 }, 'view.unreadOnly', { item: null })).toMatchObject({ selected: 0, effect: null });
  });

  it('in search results, u, S and o ask the search again with the view in front of the query', () => {
    const s = searchedFor('oil', 10);
    const seq = s.search.seq;
    const sorted = act(s, 'view.sort', { item });
    expect(sorted.searchSort).toBe('newest');
    expect(sorted.search.seq).toBe(seq + 1);
    // The library's own sort is left alone.
    expect(sorted.sort).toBe('newest');
    const filtered = act(sorted, 'view.unreadOnly', { item, now: 1 });
    expect(filtered.effect).toBeNull();
    expect(searchQuery(filtered, 'oil')).toBe('is:unread sort:newest oil');
    expect(searchQuery(act(act(act(filtered, 'view.sort'), 'view.sort'), 'view.sort'), '"oil')).toBe('is:unread "oil');
    // The source chosen in the pane goes first, as a phrase of its name.
    const chosen = { ...filtered, searchSort: 'relevance' as const, source: { root: 'https://wire.example/feed', name: 'Wire "Daily" Service' } };
    expect(searchQuery(chosen, 'oil')).toBe('source:"Wire  Daily  Service" is:unread oil');
    expect(searchQuery({ ...chosen, source: { root: '/x', name: '…' } }, 'oil')).toBe('is:unread oil');
  });

  it('A asks with the count, and says so when there is nothing to mark', () => {
    const asked = act(make(50), 'view.markAllRead', { unreadCount: 34 });
    expect(asked.prompt).toMatchObject({ purpose: 'markAllRead', answer: 'yesno', label: 'mark 34 unread articles read? (y/n) ' });
    expect(reducer(asked, { type: 'promptAccept' })).toMatchObject({ prompt: null, effect: { kind: 'markAllRead' } });
    expect(reducer(asked, { type: 'promptCancel' })).toMatchObject({ prompt: null, notice: 'nothing marked' });
    expect(act(make(50), 'view.markAllRead', { unreadCount: 0 })).toMatchObject({ prompt: null, notice: 'nothing to mark: every article here is read' });
    expect(act(searchedFor('oil', 1), 'view.markAllRead').prompt?.label).toBe('mark all 1 match read? (y/n) ');
  });

  it('U puts back what the last mark-all marked, once', () => {
    const marked = reducer(make(50), { type: 'markedAll', ids: ['a', 'b'], count: 3 });
    expect(marked.notice).toBe('marked 3 articles read · U undoes');
    const undone = act(marked, 'view.undo');
    expect(undone).toMatchObject({ undo: null, effect: { kind: 'setRead', ids: ['a', 'b'], read: false }, notice: '3 articles unread again' });
    expect(act(undone, 'view.undo').notice).toBe('nothing to undo');
  });
});
