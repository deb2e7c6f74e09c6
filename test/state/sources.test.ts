/**
 * The sources pane in the reducer: its rows grouped by tag, focus moving between the pane,
 * the list and the article with the keys a user expects, choosing a source, the layout at
 * each width, and the selection kept when the library or the sources change under it.
 */
import { describe, expect, it } from 'vitest';
import { commandFor, type Command } from '../../src/keys/keymap.js';
import type { SourceSummary } from '../../src/library/library.js';
import { keyPane, layoutOf } from '../../src/state/layout.js';
import { initialState, reducer } from '../../src/state/reducer.js';
import { selectedSource, sourceErrorText, sourceOfPath, sourceRows } from '../../src/state/sources.js';
import { libraryView } from '../../src/state/view.js';
import type { AppState } from '../../src/state/types.js';

function source(root: string, name: string, extra: Partial<SourceSummary> = {}): SourceSummary {
  return { root, name, kind: 'feed', tags: [], unread: 1, total: 2, error: null, subscribed: true, ...extra };
}

const WIRE = source('https://wire.example/rss', 'Wire', { tags: ['news'] });
const TECH = source('https://tech.example/atom', 'Tech Daily', { tags: ['tech', 'news'], error: 'HTTP 500' });
const BLOG = source('https://blog.example/feed', 'A blog');
const CLIPS = source('/home/you/clippings', 'clippings', { kind: 'folder', subscribed: false, unread: 5, total: 9 });
const SOURCES = [WIRE, TECH, BLOG, CLIPS];

function make(width = 140, height = 30, sources: readonly SourceSummary[] = SOURCES): AppState {
  return initialState({ width, height, count: 50, canSearch: true, sources, sourcesShown: true });
}

/** Press keys by name, each looked up where the keys are read now, as the key router does. */
function press(state: AppState, ...keys: string[]): AppState {
  return keys.reduce((s, key) => {
    const command = commandFor(key, keyPane(s));
    return command === null ? s : reducer(s, { type: 'command', command });
  }, state);
}

function run(state: AppState, ...commands: Command[]): AppState {
  return commands.reduce((s, command) => reducer(s, { type: 'command', command }), state);
}

/** What the pane's rows say, one string a row. */
function rowsText(state: AppState): string[] {
  return state.sources.map((row) => (row.kind === 'all' ? `All ${row.unread}/${row.total}` : row.kind === 'group' ? `# ${row.name}` : row.source.name));
}

describe('the sources pane', () => {
  it('lists All, then each tag in order, a feed under each of its tags, untagged feeds, then the local paths', () => {
    expect(rowsText(make())).toEqual(['All 8/15', '# news', 'Wire', 'Tech Daily', '# tech', 'Tech Daily', '# Feeds', 'A blog', '# Local', 'clippings']);
  });

  it('moves over the headings, and from the last row stays there', () => {
    let state = press(make(), 'left');
    expect(state.focus).toBe('sources');
    expect(rowsText(state)[state.sourceSelected]).toBe('All 8/15');
    state = press(state, 'j');
    expect(selectedSource(state)).toBe(WIRE);
    state = press(state, 'j', 'j');
    // Past the heading `tech`, to Tech Daily under it.
    expect(state.sourceSelected).toBe(5);
    state = press(state, 'G', 'j');
    expect(selectedSource(state)).toBe(CLIPS);
    state = press(state, 'k');
    expect(selectedSource(state)).toBe(BLOG);
    state = press(state, 'g');
    expect(state.sourceSelected).toBe(0);
  });

  it('Enter, Right or l show only the chosen source in the list and give it the keys; All shows every one', () => {
    for (const key of ['return', 'right', 'l']) {
      let state = run(make(), 'list.down', 'list.down');
      state = press(state, 'h', 'j', key);
      expect(state.source).toEqual({ root: WIRE.root, name: 'Wire' });
      expect(state.focus).toBe('list');
      expect(state.selected).toBe(0);
      expect(libraryView(state)).toEqual({ sort: 'newest', source: WIRE.root });
      state = press(state, 'left', 'g', key);
      expect(state.source).toBeNull();
      expect(libraryView(state)).toEqual({ sort: 'newest' });
    }
  });

  it('Tab and Esc go back to the list without choosing; Left in the article still goes back to the list', () => {
    let state = press(make(), 'j', 'j', 'h', 'j', 'tab');
    expect(state.focus).toBe('list');
    expect(state.source).toBeNull();
    expect(state.selected).toBe(2);
    state = press(state, 'h', 'escape');
    expect(state.focus).toBe('list');
    state = press(state, 'return');
    expect(state.focus).toBe('article');
    state = press(state, 'left');
    expect(state.focus).toBe('list');
    state = press(state, 'tab', 'tab');
    expect(state.focus).toBe('list');
  });

  it('F hides the pane (taking the keys back to the list) and shows it again with the keys', () => {
    let state = press(make(), 'h');
    state = press(state, 'F');
    expect(state.sourcesShown).toBe(false);
    expect(state.focus).toBe('list');
    expect(layoutOf(state).sourcesWidth).toBe(0);
    state = press(state, 'F');
    expect(state.sourcesShown).toBe(true);
    expect(state.focus).toBe('sources');
  });

  it('F with nothing to choose between says so', () => {
    const state = press(initialState({ width: 140, height: 30, count: 3, canSearch: true }), 'F');
    expect(state.sourcesShown).toBe(false);
    expect(state.notice).toBe('no sources to show');
  });

  it('sits beside the list and the article from 120 columns; narrower, it has the screen alone while it has the keys', () => {
    const wide = make(140);
    const layout = layoutOf(wide);
    expect(layout.mode).toBe('split');
    expect(layout.sourcesWidth).toBeGreaterThanOrEqual(20);
    expect(layout.sourcesWidth + layout.listWidth).toBeLessThan(layout.articleLeft);
    for (const width of [110, 80, 40]) {
      const state = make(width);
      expect(layoutOf(state).sourcesWidth).toBe(0);
      const inPane = press(state, 'left');
      expect(layoutOf(inPane)).toMatchObject({ mode: 'sources', sourcesWidth: width });
      expect(keyPane(inPane)).toBe('sources');
      const back = press(inPane, 'j', 'return');
      expect(layoutOf(back).mode).toBe(width >= 100 ? 'split' : 'list');
      expect(back.source?.name).toBe('Wire');
    }
  });

  it('says why the selected feed failed while the pane has the keys', () => {
    let state = press(make(), 'h', 'j', 'j');
    expect(selectedSource(state)).toBe(TECH);
    expect(sourceErrorText(state)).toBe('Tech Daily: HTTP 500');
    state = press(state, 'j');
    expect(sourceErrorText(state)).toBe('Tech Daily: HTTP 500');
    state = press(state, 'j');
    expect(sourceErrorText(state)).toBeNull();
    expect(sourceErrorText(press(make(), 'j'))).toBeNull();
  });

  it('keeps the selection on its source when the rows change, and drops a chosen source that has gone', () => {
    let state = press(make(), 'h', 'j', 'j', 'return', 'h');
    expect(state.source?.name).toBe('Tech Daily');
    // A new feed tagged `arts` comes first: Tech Daily stays selected.
    const arts = source('https://arts.example/rss', 'Arts', { tags: ['arts'] });
    state = reducer(state, { type: 'sourcesChanged', rows: sourceRows([arts, ...SOURCES]) });
    expect(selectedSource(state)).toBe(TECH);
    state = reducer(state, { type: 'sourcesChanged', rows: sourceRows([arts, WIRE, CLIPS]) });
    expect(state.source).toBeNull();
  });

  it('keeps the selected article selected when articles come above it', () => {
    let state = run(make(), 'list.down', 'list.down', 'list.down');
    state = reducer(state, { type: 'libraryChanged', count: 53, selected: 6 });
    expect(state.selected).toBe(6);
    expect(state.libraryCount).toBe(53);
    // Without a place, the index stays.
    state = reducer(state, { type: 'libraryChanged', count: 54 });
    expect(state.selected).toBe(6);
  });

  it('finds the source an article path lies under, the longest root when they nest', () => {
    const rows = sourceRows([...SOURCES, source('/home/you/clippings/world', 'world', { subscribed: false })]);
    expect(sourceOfPath(rows, `${WIRE.root}#abc`)?.name).toBe('Wire');
    expect(sourceOfPath(rows, '/home/you/clippings/a.txt')?.name).toBe('clippings');
    expect(sourceOfPath(rows, '/home/you/clippings/world/b.txt')?.name).toBe('world');
    expect(sourceOfPath(rows, '/home/you/clippings2/c.txt')).toBeNull();
  });
});

describe('choosing a source over search results', () => {
  it('leaves the search and shows the source', () => {
    let state = make();
    state = reducer(state, { type: 'command', command: 'search.open' });
    state = reducer(state, { type: 'searchInput', query: 'oil' });
    const hits = { query: 'oil', offset: 0, total: 3, hits: [], error: null, suggestion: null, highlight: () => [] };
    state = reducer(state, { type: 'searchResult', seq: state.search.seq, outcome: hits });
    state = reducer(state, { type: 'searchSubmit' });
    expect(state.search.outcome).not.toBeNull();
    state = press(state, 'h', 'j', 'return');
    expect(state.search.outcome).toBeNull();
    expect(state.search.query).toBe('');
    expect(state.source?.name).toBe('Wire');
    expect(state.focus).toBe('list');
  });
});
