import { describe, expect, it } from 'vitest';
import type { SearchOutcome } from '../../src/search/searcher.js';
import { articleOpen, articlePaneBox, articleScroll, keyPane, layoutOf } from '../../src/state/layout.js';
import { initialState, reducer } from '../../src/state/reducer.js';
import { articlePositionText, emptyListText, emptyPaneText, positionText, scrollPosition, viewText } from '../../src/state/status-text.js';
import type { AppState } from '../../src/state/types.js';

function make(count: number, width = 120, height = 40): AppState {
  return initialState({ width, height, count, canSearch: true });
}

function searched(state: AppState, total: number): AppState {
  const opened = reducer(state, { type: 'command', command: 'search.open' });
  const typed = reducer(opened, { type: 'searchInput', query: 'oil', cursor: 3 });
  const outcome: SearchOutcome = { query: 'oil', offset: 0, total, hits: [], error: null, suggestion: null, highlight: () => [] };
  return reducer(typed, { type: 'searchResult', seq: typed.search.seq, outcome });
}

describe('status text', () => {
  it('shows the position in the list, 0/0 when it is empty', () => {
    expect(positionText(make(2225))).toBe('1/2225');
    expect(positionText(reducer(make(2225), { type: 'command', command: 'list.down' }))).toBe('2/2225');
    expect(positionText(make(0))).toBe('0/0');
    expect(positionText(make(2225), 340)).toBe('1/2225 · 340 unread');
  });

  it('names the sort, or the matches, and what runs in the background', () => {
    expect(viewText(make(5), null)).toBe('newest first');
    expect(viewText(make(5), 'indexing 1/5')).toBe('newest first · indexing 1/5');
    expect(viewText(searched(make(5), 1), null)).toBe('1 match · by relevance');
    expect(viewText(searched(make(5), 3), 'indexing 1/5')).toBe('3 matches · by relevance · indexing 1/5');
    expect(viewText({ ...searched(make(5), 3), searchSort: 'oldest', unreadOnly: true }, null)).toBe('3 matches · oldest first · unread only');
    expect(viewText({ ...make(5), unreadOnly: true, starredOnly: true }, null)).toBe('newest first · unread starred only');
  });

  it('shows where the article is scrolled as less does', () => {
    expect(scrollPosition(0, 10, 20)).toBe('all');
    expect(scrollPosition(0, 100, 20)).toBe('top');
    expect(scrollPosition(22, 100, 20)).toBe('42%');
    expect(scrollPosition(80, 100, 20)).toBe('end');
  });

  it('shows the match being stepped through before the scroll position, and nothing for a closed article', () => {
    const state = { ...make(5), match: 1 };
    expect(articlePositionText(state, { scroll: 0, lines: 100, matches: 4, rows: 20, open: true })).toBe('match 2/4');
    expect(articlePositionText(make(5), { scroll: 0, lines: 100, matches: 4, rows: 20, open: true })).toBe('top');
    expect(articlePositionText(make(5), { scroll: 0, lines: 100, matches: 0, rows: 20, open: false })).toBe('');
  });

  it('says why a list or a pane is empty', () => {
    expect(emptyListText(make(0), null)).toMatch(/^No articles here/);
    expect(emptyListText(make(0), 'looking for articles…')).toBe('looking…');
    expect(emptyListText(searched(make(5), 0), null)).toBe('No matches.');
    expect(emptyPaneText(make(0), false)).toBe('');
    expect(emptyPaneText(make(5), false)).toBe('loading…');
    expect(emptyPaneText(make(5), true)).toBe('This article is no longer there.');
  });
});

describe('pane geometry', () => {
  it('gives the keys to the pane on screen, or in a split to the focused one', () => {
    const split = make(5, 120);
    expect(keyPane(split)).toBe('list');
    expect(articleOpen(split)).toBe(false);
    const focused = reducer(split, { type: 'command', command: 'list.open' });
    expect(keyPane(focused)).toBe('article');
    expect(articleOpen(focused)).toBe(true);
    expect(keyPane(make(5, 80))).toBe('list');
  });

  it('never scrolls past the last page', () => {
    expect(articleScroll(50, 60, 20)).toBe(40);
    expect(articleScroll(5, 60, 20)).toBe(5);
    expect(articleScroll(5, 10, 20)).toBe(0);
  });

  it('sets the article beside the list in a split, with a margin alone', () => {
    const split = layoutOf(make(5, 120));
    expect(articlePaneBox(split, 120)).toEqual({ width: 120 - split.listWidth - 2, margin: 1 });
    const alone = layoutOf({ ...make(5, 80), focus: 'article' });
    expect(alone.mode).toBe('article');
    expect(articlePaneBox(alone, 80)).toEqual({ width: 80, margin: 1 });
  });
});
