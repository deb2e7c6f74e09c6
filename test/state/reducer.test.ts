import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/keys/keymap.js';
import type { ArticleSummary } from '../../src/library/library.js';
import type { SearchOutcome } from '../../src/search/searcher.js';
import { helpLines } from '../../src/keys/help.js';
import { layoutOf, searchMessage } from '../../src/state/layout.js';
import { initialState, reducer, rowCount, searchPending } from '../../src/state/reducer.js';
import type { AppState, ArticleMetrics } from '../../src/state/types.js';

function make(count: number, width = 120, height = 40, canSearch = true): AppState {
  return initialState({ width, height, count, canSearch });
}

function run(state: AppState, ...commands: Command[]): AppState {
  return commands.reduce((s, command) => reducer(s, { type: 'command', command }), state);
}

function runWith(state: AppState, article: ArticleMetrics, ...commands: Command[]): AppState {
  return commands.reduce((s, command) => reducer(s, { type: 'command', command, article }), state);
}

function summary(i: number): ArticleSummary {
  return { key: String(i), id: `id${i}`, path: `${i}.txt`, section: null, headline: `Headline ${i}`, date: null, source: null, words: 10, read: false, starred: false };
}

function outcome(query: string, hits: number, extra: Partial<SearchOutcome> = {}): SearchOutcome {
  return {
    query,
    offset: 0,
    total: hits,
    hits: Array.from({ length: hits }, (_, i) => summary(i)),
    error: null,
    suggestion: null,
    highlight: () => [],
    ...extra,
  };
}

/** Open the field, type a query and let its outcome arrive. */
function searched(state: AppState, query: string, hits: number): AppState {
  let s = run(state, 'search.open');
  s = reducer(s, { type: 'searchInput', query });
  return reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome(query, hits) });
}

// At 120x40 the list has 39 rows (one line is the status bar).
const ROWS = 39;

describe('list movement', () => {
  it('moves down and up one row, stopping at both ends', () => {
    const s = make(3);
    expect(run(s, 'list.down').selected).toBe(1);
    expect(run(s, 'list.down', 'list.down', 'list.down', 'list.down').selected).toBe(2);
    expect(run(s, 'list.up').selected).toBe(0);
    expect(run(s, 'list.down', 'list.up').selected).toBe(0);
  });

  it('pages by the rows on screen and keeps the selection visible', () => {
    const s = run(make(1000), 'list.pageDown');
    expect(s.selected).toBe(ROWS);
    expect(s.top).toBe(ROWS);
    const back = run(s, 'list.pageUp');
    expect(back.selected).toBe(0);
    expect(back.top).toBe(0);
  });

  it('scrolls the window when the selection moves past its last row', () => {
    let s = make(100);
    for (let i = 0; i < ROWS; i++) s = run(s, 'list.down');
    expect(s.selected).toBe(ROWS);
    expect(s.top).toBe(1);
  });

  it('jumps to the first and the last row', () => {
    const end = run(make(2225), 'list.bottom');
    expect(end.selected).toBe(2224);
    expect(end.top).toBe(2225 - ROWS);
    expect(run(end, 'list.top')).toMatchObject({ selected: 0, top: 0 });
  });

  it('stays put on the last row and on a page down near the end', () => {
    const last = run(make(50), 'list.bottom');
    expect(run(last, 'list.down').selected).toBe(49);
    expect(run(last, 'list.pageDown')).toMatchObject({ selected: 49, top: 50 - ROWS });
  });

  it('does nothing harmful on an empty list', () => {
    const s = make(0);
    for (const command of ['list.down', 'list.up', 'list.pageDown', 'list.pageUp', 'list.top', 'list.bottom', 'list.open', 'view.zoom', 'article.next'] as Command[]) {
      const after = run(s, command);
      expect(after.selected).toBe(0);
      expect(after.top).toBe(0);
      expect(after.focus).toBe('list');
      expect(after.zoom).toBe(false);
    }
  });

  it('a new selection starts the article at its top', () => {
    const s = runWith(run(make(5), 'list.open'), { lines: 100, matchLines: [] }, 'article.pageDown');
    expect(s.scroll).toBeGreaterThan(0);
    expect(run(s, 'article.next')).toMatchObject({ selected: 1, scroll: 0 });
  });
});

describe('article pane', () => {
  const long: ArticleMetrics = { lines: 100, matchLines: [] };

  it('opens with Enter and goes back', () => {
    const open = run(make(3), 'list.open');
    expect(open.focus).toBe('article');
    expect(run(open, 'article.back').focus).toBe('list');
  });

  it('scrolls by line and page within the article', () => {
    const s = run(make(3), 'list.open');
    expect(runWith(s, long, 'article.down').scroll).toBe(1);
    expect(runWith(s, long, 'article.down', 'article.up', 'article.up').scroll).toBe(0);
    expect(runWith(s, long, 'article.pageDown').scroll).toBe(ROWS - 1);
    expect(runWith(s, long, 'article.pageDown', 'article.pageUp').scroll).toBe(0);
  });

  it('goes to the end of the article and no further', () => {
    const s = runWith(run(make(3), 'list.open'), long, 'article.bottom');
    expect(s.scroll).toBe(100 - ROWS);
    expect(runWith(s, long, 'article.down', 'article.pageDown').scroll).toBe(100 - ROWS);
    expect(runWith(s, long, 'article.top').scroll).toBe(0);
  });

  it('does not scroll a short article', () => {
    const s = runWith(run(make(3), 'list.open'), { lines: 10, matchLines: [] }, 'article.down', 'article.pageDown', 'article.bottom');
    expect(s.scroll).toBe(0);
  });

  it('moves to the previous and next article without leaving the pane', () => {
    const s = run(make(3), 'list.open', 'article.next', 'article.next', 'article.next');
    expect(s).toMatchObject({ selected: 2, focus: 'article' });
    expect(run(s, 'article.previous').selected).toBe(1);
  });

  it('zooms to full width at any width and back', () => {
    const zoomed = run(make(3, 120, 40), 'view.zoom');
    expect(layoutOf(zoomed).mode).toBe('article');
    expect(zoomed.focus).toBe('article');
    expect(layoutOf(run(zoomed, 'view.zoom')).mode).toBe('split');
    expect(layoutOf(run(zoomed, 'article.back')).mode).toBe('split');
  });
});

describe('layout by width', () => {
  it('splits wide terminals about 40/60', () => {
    const layout = layoutOf(make(3, 120, 40));
    expect(layout.mode).toBe('split');
    expect(layout.listWidth).toBe(48);
    expect(layout.bodyRows).toBe(39);
  });

  it('shows the list or the article full screen on narrow terminals', () => {
    const s = make(3, 60, 20);
    expect(layoutOf(s).mode).toBe('list');
    expect(layoutOf(run(s, 'list.open')).mode).toBe('article');
    expect(layoutOf(run(s, 'list.open', 'article.back')).mode).toBe('list');
  });

  it('lays out a 20x6 terminal without negative sizes', () => {
    const layout = layoutOf(make(3, 20, 6));
    expect(layout).toMatchObject({ mode: 'list', bodyRows: 5, listWidth: 20 });
    const tiny = layoutOf(make(3, 1, 1));
    expect(tiny.bodyRows).toBe(1);
    expect(tiny.statusLines).toBe(0);
  });
});

describe('resize', () => {
  it('keeps the selection on screen when the terminal shrinks below it', () => {
    const s = run(make(100, 120, 40), 'list.top');
    let moved = s;
    for (let i = 0; i < 30; i++) moved = run(moved, 'list.down');
    const small = reducer(moved, { type: 'resize', width: 20, height: 6 });
    expect(small.selected).toBe(30);
    expect(small.top).toBeLessThanOrEqual(30);
    expect(small.top + layoutOf(small).bodyRows).toBeGreaterThan(30);
  });

  it('pulls the window back when the terminal grows at the end of the list', () => {
    const end = run(make(50, 60, 10), 'list.bottom');
    expect(end.top).toBe(50 - 9);
    const big = reducer(end, { type: 'resize', width: 60, height: 40 });
    expect(big).toMatchObject({ selected: 49, top: 11 });
  });

  it('ignores a resize to the same size', () => {
    const s = make(5);
    expect(reducer(s, { type: 'resize', width: 120, height: 40 })).toBe(s);
  });
});

describe('library changes', () => {
  it('clamps the selection when the library shrinks', () => {
    const s = run(make(10), 'list.bottom');
    expect(reducer(s, { type: 'libraryChanged', count: 4 }).selected).toBe(3);
    expect(reducer(s, { type: 'libraryChanged', count: 0 }).selected).toBe(0);
  });

  it('keeps the selection when the library grows', () => {
    const s = run(make(10), 'list.down');
    expect(reducer(s, { type: 'libraryChanged', count: 20 }).selected).toBe(1);
  });
});

describe('sort, help, quit, notices', () => {
  it('cycles the sort and starts at the top', () => {
    const s = run(make(10), 'list.bottom', 'view.sort');
    expect(s).toMatchObject({ sort: 'oldest', selected: 0 });
    expect(run(s, 'view.sort').sort).toBe('headline');
    expect(run(s, 'view.sort', 'view.sort').sort).toBe('newest');
  });

  it('opens help, scrolls it, and closes it with any other key', () => {
    const help = run(make(10), 'help.toggle');
    expect(help.help).toBe(true);
    expect(run(help, 'help.down', 'help.down').helpScroll).toBe(2);
    const closed = run(help, 'list.bottom');
    expect(closed.help).toBe(false);
    expect(closed.selected).toBe(0);
    expect(run(help, 'help.close')).toMatchObject({ help: false, quit: false });
    expect(run(help, 'app.interrupt').quit).toBe(true);
  });

  it('pages through a help taller than the screen, and stops at its end', () => {
    const help = run(make(10, 80, 12), 'help.toggle');
    const rows = layoutOf(help).bodyRows;
    const lines = helpLines().length;
    expect(lines).toBeGreaterThan(rows);
    expect(run(help, 'help.pageDown')).toMatchObject({ help: true, helpScroll: rows - 1 });
    const end = run(help, 'help.bottom');
    expect(end).toMatchObject({ help: true, helpScroll: lines - rows });
    expect(run(end, 'help.down').helpScroll).toBe(lines - rows);
    expect(run(end, 'help.up').helpScroll).toBe(lines - rows - 1);
    expect(run(end, 'help.pageUp', 'help.top').helpScroll).toBe(0);
  });

  it('quits with q and Ctrl-C, Ctrl-C with exit status 130', () => {
    expect(run(make(1), 'app.quit')).toMatchObject({ quit: true, exitStatus: 0 });
    expect(run(make(1), 'app.interrupt')).toMatchObject({ quit: true, exitStatus: 130 });
    expect(run(make(1), 'help.toggle', 'app.interrupt')).toMatchObject({ quit: true, exitStatus: 130 });
  });

  it('goes back one level with q from an article, and quits from anywhere with Q', () => {
    const narrow = run(make(5, 60, 20), 'list.open');
    expect(layoutOf(narrow).mode).toBe('article');
    expect(run(narrow, 'app.quit')).toMatchObject({ quit: false, focus: 'list' });
    expect(run(narrow, 'app.quit', 'app.quit').quit).toBe(true);
    expect(run(make(5), 'list.open', 'app.quit')).toMatchObject({ quit: false, focus: 'list' });
    expect(run(make(5), 'view.zoom', 'app.quit')).toMatchObject({ quit: false, zoom: false });
    expect(run(narrow, 'app.quitAll')).toMatchObject({ quit: true, exitStatus: 0 });
    expect(run(narrow, 'help.toggle', 'app.quitAll').quit).toBe(true);
  });

  it('leaves state alone for the side-effect commands', () => {
    const s = make(3);
    expect(run(s, 'item.star')).toBe(s);
    expect(run(s, 'item.read')).toBe(s);
    expect(run(s, 'app.suspend')).toBe(s);
  });

  it('says search is not available without a searcher, until the next key', () => {
    const s = run(make(3, 120, 40, false), 'search.open');
    expect(s.search.open).toBe(false);
    expect(s.notice).toMatch(/not available/);
    expect(run(s, 'list.down').notice).toBeNull();
  });
});

describe('search', () => {
  it('opens the field and shows the outcome as the list', () => {
    const s = searched(run(make(100), 'list.down', 'list.down'), 'syria', 38);
    expect(s.search.open).toBe(true);
    expect(rowCount(s)).toBe(38);
    expect(s.selected).toBe(0);
    expect(layoutOf(s).bodyRows).toBe(38);
  });

  it('brings the list into view from a full-screen article, and Esc goes back to it', () => {
    const reading = run(make(100, 60, 20), 'list.down', 'list.open');
    const opened = run(reading, 'search.open');
    expect(layoutOf(opened).mode).toBe('list');
    expect(reducer(opened, { type: 'searchCancel' })).toMatchObject({ focus: 'article', selected: 1 });
  });

  it('drops an outcome for a query that a newer one superseded', () => {
    let s = run(make(100), 'search.open');
    s = reducer(s, { type: 'searchInput', query: 'sy' });
    const old = s.search.seq;
    s = reducer(s, { type: 'searchInput', query: 'syria' });
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('syria', 3) });
    const after = reducer(s, { type: 'searchResult', seq: old, outcome: outcome('sy', 50) });
    expect(after).toBe(s);
    expect(rowCount(after)).toBe(3);
  });

  it('Enter keeps the results, Esc restores the list and selection from before', () => {
    const before = run(make(100), 'list.bottom');
    const kept = reducer(searched(before, 'syria', 5), { type: 'searchSubmit' });
    expect(kept.search.open).toBe(false);
    expect(rowCount(kept)).toBe(5);
    const restored = run(kept, 'list.clearSearch');
    expect(rowCount(restored)).toBe(100);
    expect(restored.selected).toBe(99);
    const cancelled = reducer(searched(before, 'syria', 5), { type: 'searchCancel' });
    expect(cancelled).toMatchObject({ selected: 99, top: before.top });
    expect(cancelled.search.outcome).toBeNull();
  });

  it('/ again starts a fresh query with the last one a key away, and Esc still goes back to before the first search', () => {
    const before = run(make(100), 'list.down');
    const kept = reducer(searched(before, 'syria', 5), { type: 'searchSubmit' });
    expect(kept.effect).toEqual({ kind: 'rememberSearch', query: 'syria' });
    const again = run(run(kept, 'list.down', 'list.down'), 'search.open');
    expect(again.search).toMatchObject({ open: true, query: '', cursor: 0 });
    // The hits stay until something new is typed.
    expect(rowCount(again)).toBe(5);
    const recalled = reducer(again, { type: 'historyStep', step: 1 });
    expect(recalled.search).toMatchObject({ query: 'syria', cursor: 5 });
    expect(reducer(again, { type: 'searchCancel' }).selected).toBe(1);
  });

  it('walks the search history with Up and Down, coming back to what was being typed', () => {
    let s: AppState = { ...make(100), history: { queries: ['gas', 'oil'], index: -1, draft: '' } };
    s = run(s, 'search.open');
    s = reducer(s, { type: 'searchInput', query: 'yuk' });
    s = reducer(s, { type: 'historyStep', step: 1 });
    expect(s.search.query).toBe('gas');
    s = reducer(s, { type: 'historyStep', step: 1 });
    expect(s.search.query).toBe('oil');
    // Past the oldest: stays there.
    expect(reducer(s, { type: 'historyStep', step: 1 })).toBe(s);
    s = reducer(reducer(s, { type: 'historyStep', step: -1 }), { type: 'historyStep', step: -1 });
    expect(s.search.query).toBe('yuk');
    // Submitting puts the query first, once.
    s = reducer(reducer(s, { type: 'searchInput', query: 'oil' }), { type: 'searchSubmit' });
    expect(s.history.queries).toEqual(['oil', 'gas']);
  });

  it('keeps the last good results when a query is malformed, and shows the error', () => {
    let s = searched(make(100), 'syria', 7);
    s = reducer(s, { type: 'searchInput', query: 'syria "' });
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('syria "', 0, { error: 'unclosed quote' }) });
    expect(rowCount(s)).toBe(7);
    expect(searchMessage(s)).toBe('unclosed quote');
    expect(layoutOf(s).searchLines).toBe(2);
  });

  it('offers a suggestion when nothing matches', () => {
    let s = run(make(100), 'search.open');
    s = reducer(s, { type: 'searchInput', query: 'alepo' });
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('alepo', 0, { suggestion: 'aleppo' }) });
    expect(searchMessage(s)).toBe('no matches — did you mean aleppo?');
    expect(rowCount(s)).toBe(0);
  });

  it('knows when a query is waiting for its answer', () => {
    let s = run(make(100), 'search.open');
    s = reducer(s, { type: 'searchInput', query: 'syr"' });
    expect(searchPending(s)).toBe(true);
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('syr"', 0, { error: 'unclosed quote' }) });
    expect(searchPending(s)).toBe(false);
    expect(searchPending(reducer(s, { type: 'searchCancel' }))).toBe(false);
  });

  it('does not ask again for the query already asked', () => {
    const s = searched(make(100), 'syria', 4);
    expect(reducer(s, { type: 'searchInput', query: 'syria' })).toBe(s);
  });

  it('an emptied field shows the whole list again', () => {
    let s = searched(run(make(100), 'list.down'), 'syria', 4);
    s = reducer(s, { type: 'searchInput', query: '' });
    expect(rowCount(s)).toBe(100);
    expect(s.selected).toBe(1);
    expect(reducer(s, { type: 'searchSubmit' }).search.open).toBe(false);
  });

  it('Enter before the outcome arrives keeps it when it lands', () => {
    let s = run(make(100), 'search.open');
    s = reducer(s, { type: 'searchInput', query: 'syria' });
    s = reducer(s, { type: 'searchSubmit' });
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('syria', 6) });
    expect(s.search.open).toBe(false);
    expect(rowCount(s)).toBe(6);
  });

  it('n and N cycle through the matches and scroll each into view', () => {
    const article: ArticleMetrics = { lines: 200, matchLines: [5, 80, 150] };
    const s = run(searched(make(100), 'syria', 4), 'list.open');
    const first = runWith(s, article, 'article.nextMatch');
    expect(first).toMatchObject({ match: 0, scroll: 3 });
    expect(runWith(first, article, 'article.nextMatch')).toMatchObject({ match: 1, scroll: 78 });
    expect(runWith(first, article, 'article.previousMatch').match).toBe(2);
    expect(runWith(first, article, 'article.nextMatch', 'article.nextMatch', 'article.nextMatch').match).toBe(0);
    expect(runWith(s, article, 'article.previousMatch').match).toBe(2);
  });

  it('n goes to the first match from the top of the view down, N to the last above it', () => {
    const article: ArticleMetrics = { lines: 200, matchLines: [5, 80, 150, 190] };
    const s = run(searched(make(100), 'syria', 4), 'list.open');
    // At 120x40 with the field open the article shows 38 lines: after G, lines 162-199.
    const end = runWith(runWith(s, article, 'article.nextMatch'), article, 'article.bottom');
    expect(end).toMatchObject({ match: 0, scroll: 162 });
    expect(runWith(end, article, 'article.nextMatch')).toMatchObject({ match: 3, scroll: 162 });
    expect(runWith(end, article, 'article.previousMatch').match).toBe(2);
    // Scrolled back above every match but the first: n goes to the second.
    const middle = runWith(end, article, 'article.top', 'article.pageDown');
    expect(middle.scroll).toBe(37);
    expect(runWith(middle, article, 'article.nextMatch').match).toBe(1);
    // No match at or below the view: n wraps to the first.
    const past: ArticleMetrics = { lines: 200, matchLines: [5, 80] };
    expect(runWith(runWith(s, past, 'article.bottom'), past, 'article.nextMatch').match).toBe(0);
  });

  it('decides star and read from the marks handed in, leaving the change as an effect', () => {
    const item = { key: '1', id: 'id3', read: false, starred: true };
    const s = reducer(make(5), { type: 'command', command: 'item.star', item });
    expect(s.effect).toEqual({ kind: 'mark', id: 'id3', patch: { starred: false } });
    expect(reducer(make(5), { type: 'command', command: 'item.read', item }).effect).toEqual({ kind: 'mark', id: 'id3', patch: { read: true } });
    // The next action clears it: an effect is carried out once.
    expect(run(s, 'list.down').effect).toBeNull();
    // Help open: the key closes it and changes nothing.
    expect(reducer(run(make(5), 'help.toggle'), { type: 'command', command: 'item.star', item }).effect).toBeNull();
  });

  it('n says so when there is no search or no match in the article', () => {
    expect(runWith(make(3), { lines: 10, matchLines: [] }, 'article.nextMatch').notice).toMatch(/no search/);
    expect(runWith(searched(make(3), 'x', 2), { lines: 10, matchLines: [] }, 'article.nextMatch').notice).toMatch(/no matches/);
  });
});

describe('keys between a submit and its outcome', () => {
  it('says keys wait after an Enter that came before the hits, and starts the hits at the top', () => {
    let s = run(make(100), 'list.down', 'list.down', 'list.down', 'search.open');
    s = reducer(s, { type: 'searchInput', query: 'aleppo' });
    s = reducer(s, { type: 'searchSubmit' });
    expect(s.search.submitted).toBe(true);
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('aleppo', 10) });
    expect(s.search.submitted).toBe(false);
    expect(s.selected).toBe(0);
  });

  it('lets keys go on when the query submitted turns out malformed', () => {
    let s = run(make(100), 'search.open');
    s = reducer(s, { type: 'searchInput', query: '"aleppo' });
    s = reducer(s, { type: 'searchSubmit' });
    expect(s.search.submitted).toBe(true);
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('"aleppo', 0, { error: 'missing closing quote (")' }) });
    expect(s.search.submitted).toBe(false);
  });

  it('asks again on an Enter after the hits came, keeping the place', () => {
    let s = searched(make(100), 'aleppo', 10);
    s = run(s, 'list.down', 'list.down');
    const asked = s.search.seq;
    s = reducer(s, { type: 'searchSubmit' });
    expect(s.search).toMatchObject({ submitted: false, open: false, rerun: true, seq: asked + 1 });
    expect(searchPending(s)).toBe(true);
    s = reducer(s, { type: 'searchResult', seq: s.search.seq, outcome: outcome('aleppo', 12) });
    expect(s.selected).toBe(2);
    expect(rowCount(s)).toBe(12);
  });
});

describe('asking the query again when the library changes', () => {
  it('asks again keeping the place, and once more after an answer that was out during a change', () => {
    let s = run(searched(make(100), 'oil', 10), 'list.down');
    s = reducer(s, { type: 'searchRerun' });
    const asked = s.search.seq;
    expect(s.search.rerun).toBe(true);
    // More changes while it is out: one more ask, when it lands.
    s = reducer(s, { type: 'searchRerun' });
    s = reducer(s, { type: 'searchRerun' });
    expect(s.search.seq).toBe(asked);
    s = reducer(s, { type: 'searchResult', seq: asked, outcome: outcome('oil', 20) });
    expect(rowCount(s)).toBe(20);
    expect(s.selected).toBe(1);
    expect(s.search.seq).toBe(asked + 1);
    s = reducer(s, { type: 'searchResult', seq: asked + 1, outcome: outcome('oil', 25) });
    expect(searchPending(s)).toBe(false);
    expect(rowCount(s)).toBe(25);
    expect(s.selected).toBe(1);
  });

  it('leaves the list alone when no search is active', () => {
    const s = make(10);
    expect(reducer(s, { type: 'searchRerun' })).toBe(s);
  });
});

describe('the field cursor', () => {
  it('sits at the end of the query when the field opens and after typing', () => {
    let s = run(make(10), 'search.open');
    s = reducer(s, { type: 'searchInput', query: 'oil' });
    expect(s.search.cursor).toBe(3);
    s = reducer(s, { type: 'searchInput', query: 'oil', cursor: 1 });
    expect(s.search.cursor).toBe(1);
    s = reducer(s, { type: 'searchSubmit' });
    expect(run(s, 'search.open').search.cursor).toBe(0);
    expect(reducer(run(s, 'search.open'), { type: 'historyStep', step: 1 }).search.cursor).toBe(3);
  });
});
