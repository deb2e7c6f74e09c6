/**
 * The reader's state machine: (state, action) -> state, pure, no Ink and no I/O. Keys
 * arrive as commands from the key map, each with what the state before it selects: the
 * article's wrapped length and match lines, and its marks. What a command asks of the
 * library (star, mark read) is left in `effect` for the caller to carry out after the
 * step, so keys read together act one after the other, each on the state the last left.
 */
import type { Command } from '../keys/keymap.js';
import { SORT_ORDERS, type SortOrder } from '../library/library.js';
import { helpLines } from '../keys/help.js';
import { articleOpen, layoutOf } from './layout.js';
import { graphemes } from '../terminal/text.js';
import { plural } from '../terminal/plural.js';
import { hitAt } from './hits.js';
import { linksCommand, linksStep } from './links.js';
import { promptStep } from './prompt.js';
import { clickAt } from './mouse.js';
import type { SearchOutcome } from '../search/searcher.js';
import type { Action, AppState, ArticleMetrics, MarkEffect, SearchSort, SearchState, SelectedItem } from './types.js';
import { sourceRows, sourcesCommand, withSourceRows } from './sources.js';
import type { SourceSummary } from '../library/library.js';

/** Lines of context kept above a search match jumped to with n/N. */
const MATCH_CONTEXT = 2;

export interface InitialOptions {
  width: number;
  height: number;
  count: number;
  canSearch: boolean;
  sort?: SortOrder;
  unreadOnly?: boolean;
  starredOnly?: boolean;
  /** When an unread-only view began (epoch ms). */
  readSince?: number;
  /** Where the selection starts (a restored view). */
  selected?: number;
  top?: number;
  /** Searches asked before, the latest first. */
  history?: readonly string[];
  /** A message to show in the status bar from the start (e.g. the database was rebuilt). */
  notice?: string | null;
  /** The library's sources, for the sources pane. */
  sources?: readonly SourceSummary[];
  /** Whether the sources pane is on from the start. */
  sourcesShown?: boolean;
}

export function initialState(options: InitialOptions): AppState {
  return clampList({
    size: { width: Math.max(1, options.width), height: Math.max(1, options.height) },
    focus: 'list',
    zoom: false,
    help: false,
    helpScroll: 0,
    sort: options.sort ?? 'newest',
    unreadOnly: options.unreadOnly ?? false,
    starredOnly: options.starredOnly ?? false,
    readSince: options.readSince ?? 0,
    searchSort: 'relevance',
    undo: null,
    history: { queries: options.history ?? [], index: -1, draft: '' },
    libraryCount: Math.max(0, options.count),
    selected: options.selected ?? 0,
    top: options.top ?? 0,
    scroll: 0,
    match: -1,
    search: closedSearch(0),
    canSearch: options.canSearch,
    notice: options.notice ?? null,
    quit: false,
    exitStatus: 0,
    effect: null,
    prompt: null,
    links: null,
    outside: null,
    sourcesShown: options.sourcesShown ?? false,
    sources: sourceRows(options.sources ?? []),
    sourceSelected: 0,
    sourceTop: 0,
    source: null,
  });
}

/** No search: the field closed and empty, `seq` queries asked so far. */
function closedSearch(seq: number): SearchState {
  const pages = new Map<number, never>();
  return { open: false, query: '', cursor: 0, seq, answered: seq, outcome: null, outcomeSeq: seq, pages, rerun: false, askAgain: false, error: null, before: null, submitted: false };
}

/** Rows in the list as shown: every search hit while a search is active, else the library. */
export function rowCount(state: AppState): number {
  return state.search.outcome !== null ? state.search.outcome.total : state.libraryCount;
}

/** Whether a query has been asked and not answered yet. */
export function searchPending(state: AppState): boolean {
  return state.search.answered !== state.search.seq;
}

/** Rows of the list on screen (at least one, so paging always moves). */
export function listRows(state: AppState): number {
  return Math.max(1, layoutOf(state).bodyRows);
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** Keep the selection inside the list and on screen, and the window inside the list. */
function clampList(state: AppState): AppState {
  const count = rowCount(state);
  const rows = listRows(state);
  const selected = clamp(state.selected, 0, Math.max(0, count - 1));
  let top = clamp(state.top, 0, Math.max(0, count - rows));
  if (selected < top) top = selected;
  if (selected >= top + rows) top = selected - rows + 1;
  if (selected === state.selected && top === state.top) return state;
  return { ...state, selected, top };
}

/** Move the selection; a different article starts at its top with no current match. */
function select(state: AppState, selected: number): AppState {
  const next = clampList({ ...state, selected });
  if (next.selected === state.selected) return next;
  return { ...next, scroll: 0, match: -1 };
}

function scrollTo(state: AppState, scroll: number, metrics: ArticleMetrics | undefined): AppState {
  const rows = Math.max(1, layoutOf(state).bodyRows);
  const max = Math.max(0, (metrics?.lines ?? 0) - rows);
  return { ...state, scroll: clamp(scroll, 0, max) };
}

/**
 * The match `n` (step 1) or `N` (-1) goes to: the one after the current match while that
 * is on screen; otherwise the first match from the top of the view down (for `N`, the last
 * one above the view), wrapping around the article, as a pager searches from where you read.
 */
function nextMatch(state: AppState, step: 1 | -1, lines: readonly number[]): number {
  const rows = Math.max(1, layoutOf(state).bodyRows);
  const current = lines[state.match];
  if (current !== undefined && current >= state.scroll && current < state.scroll + rows) {
    return (state.match + step + lines.length) % lines.length;
  }
  if (step === 1) {
    const below = lines.findIndex((line) => line >= state.scroll);
    return below < 0 ? 0 : below;
  }
  const above = lines.findLastIndex((line) => line < state.scroll);
  return above < 0 ? lines.length - 1 : above;
}

function jumpToMatch(state: AppState, step: 1 | -1, metrics: ArticleMetrics | undefined): AppState {
  if (state.search.outcome === null) return { ...state, notice: 'no search: press / to search' };
  const lines = metrics?.matchLines ?? [];
  if (lines.length === 0) return { ...state, notice: 'no matches in this article' };
  const match = nextMatch(state, step, lines);
  const line = lines[match] ?? 0;
  const focus = layoutOf(state).mode === 'split' ? state.focus : 'article';
  return scrollTo({ ...state, focus, match }, line - MATCH_CONTEXT, metrics);
}

/** Leave search: the full list again, with the selection from before the search. */
function endSearch(state: AppState): AppState {
  const before = state.search.before;
  const restored: AppState = { ...state, search: closedSearch(state.search.seq + 1), scroll: 0, match: -1 };
  if (before === null) return restored;
  return { ...restored, selected: before.selected, top: before.top, focus: before.focus };
}

/** Scroll the help to `scroll`, kept within its length. */
function scrollHelp(state: AppState, scroll: number): AppState {
  const rows = Math.max(1, layoutOf(state).bodyRows);
  return { ...state, helpScroll: clamp(scroll, 0, Math.max(0, helpLines().length - rows)) };
}

function helpCommand(state: AppState, command: Command): AppState {
  const page = Math.max(1, layoutOf(state).bodyRows - 1);
  switch (command) {
    case 'help.down':
      return scrollHelp(state, state.helpScroll + 1);
    case 'help.up':
      return scrollHelp(state, state.helpScroll - 1);
    case 'help.pageDown':
      return scrollHelp(state, state.helpScroll + page);
    case 'help.pageUp':
      return scrollHelp(state, state.helpScroll - page);
    case 'help.top':
      return scrollHelp(state, 0);
    case 'help.bottom':
      return scrollHelp(state, Number.MAX_SAFE_INTEGER);
    case 'app.quitAll':
      return { ...state, quit: true };
    case 'app.interrupt':
      return interrupt(state);
    case 'app.suspend':
    case 'app.redraw':
      return state;
    default:
      return { ...state, help: false, helpScroll: 0 };
  }
}

/** Star or mark: what the library should change for the selected article. */
function markEffect(command: 'item.star' | 'item.read', item: SelectedItem | null | undefined): MarkEffect | null {
  if (item === null || item === undefined) return null;
  return command === 'item.star'
    ? { kind: 'mark', id: item.id, patch: { starred: !item.starred } }
    : { kind: 'mark', id: item.id, patch: { read: !item.read } };
}

function backToList(state: AppState): AppState {
  return { ...state, focus: 'list', zoom: false };
}

/** Ctrl-C: quit with the status shells expect of an interrupted program. */
function interrupt(state: AppState): AppState {
  return { ...state, quit: true, exitStatus: 130 };
}

/** `v`, `e`, `L`, `|`, `w`: work on the selected article outside the reader. */
function outsideCommand(state: AppState, command: Command): AppState {
  if (rowCount(state) === 0) return { ...state, notice: 'no article selected' };
  switch (command) {
    case 'item.view':
      return { ...state, outside: { kind: 'view' } };
    case 'item.edit':
      return { ...state, outside: { kind: 'edit' } };
    case 'item.links':
      return { ...state, outside: { kind: 'links' } };
    case 'item.save':
      return { ...state, outside: { kind: 'askSave' } };
    default:
      return promptStep(state, { type: 'promptOpen', purpose: 'pipe', label: '| ' });
  }
}

const SEARCH_SORTS: readonly SearchSort[] = ['relevance', ...SORT_ORDERS];

/** How the status bar names a sort. */
export const SORT_NAMES: Record<SortOrder, string> = { newest: 'newest first', oldest: 'oldest first', headline: 'A–Z' };

/**
 * The library view changed (sort or filter): outside a search the selected article stays
 * selected where it is in the new view (the App finds it: `follow`), else the list starts
 * at the top; in a search the hits are asked for again with the new filters.
 */
function changeView(state: AppState, item: SelectedItem | null | undefined, notice: string | null): AppState {
  if (state.search.outcome !== null || state.search.open) return askAgain(state, notice);
  const moved = { ...state, notice, scroll: 0, match: -1 };
  if (item === null || item === undefined) return { ...moved, selected: 0, top: 0 };
  return { ...moved, effect: { kind: 'follow', key: item.key } };
}

/** Ask the search again with the view's new filters or order: new hits start at the top. */
function askAgain(state: AppState, notice: string | null): AppState {
  const { search } = state;
  if (search.query.trim() === '') return { ...state, notice };
  return { ...state, notice, search: { ...search, seq: search.seq + 1, rerun: false, askAgain: false } };
}

/** Whether the article is scrolled to its end (or is shorter than the pane). */
export function atArticleEnd(state: AppState, metrics: ArticleMetrics | undefined): boolean {
  const rows = Math.max(1, layoutOf(state).bodyRows);
  return state.scroll >= Math.max(0, (metrics?.lines ?? 0) - rows);
}

/** Go to the unread article found (`row`), keeping the pane that has the keys. */
function toUnread(state: AppState, row: number | null | undefined, step: 1 | -1): AppState {
  if (row === null || row === undefined) return { ...state, notice: step === 1 ? 'no more unread articles below' : 'no unread articles above' };
  return select(state, row);
}

function askMarkAllRead(state: AppState, unreadCount: number | undefined): AppState {
  if (rowCount(state) === 0) return { ...state, notice: 'nothing to mark' };
  const outcome = state.search.outcome;
  if (outcome === null && unreadCount === 0) return { ...state, notice: 'nothing to mark: every article here is read' };
  const question =
    outcome !== null
      ? `mark all ${plural(outcome.total, 'match', 'matches')} read? (y/n)`
      : `mark ${plural(unreadCount ?? state.libraryCount, 'unread article')} read? (y/n)`;
  return promptStep(state, { type: 'promptOpen', purpose: 'markAllRead', label: `${question} `, answer: 'yesno' });
}

/** A query submitted goes to the front of the history, once. */
function rememberSearch(state: AppState, query: string): AppState {
  const queries = [query, ...state.history.queries.filter((q) => q !== query)];
  return { ...state, history: { queries, index: -1, draft: '' }, effect: { kind: 'rememberSearch', query } };
}

/** Up (`step` 1) or Down (-1) in the field: an earlier or later query, then what was being typed. */
function historyStep(state: AppState, direction: 1 | -1): AppState {
  const { queries, index, draft } = state.history;
  const next = clamp(index + direction, -1, queries.length - 1);
  if (next === index) return state;
  // Leaving what is being typed keeps it, to come back to.
  const kept = index === -1 ? state.search.query : draft;
  const query = next === -1 ? kept : (queries[next] ?? '');
  return step({ ...state, history: { queries, index: next, draft: kept } }, { type: 'searchInput', query });
}

function command(state: AppState, action: Extract<Action, { type: 'command' }>): AppState {
  const { command, article: metrics, item, unread, now, unreadCount } = action;
  if (state.help) return helpCommand(state, command);
  if (state.links !== null) return linksCommand(state, command);
  const page = listRows(state);
  const articlePage = Math.max(1, layoutOf(state).bodyRows - 1);
  switch (command) {
    case 'list.down':
      return select(state, state.selected + 1);
    case 'list.up':
      return select(state, state.selected - 1);
    case 'list.pageDown':
      return select({ ...state, top: state.top + page }, state.selected + page);
    case 'list.pageUp':
      return select({ ...state, top: state.top - page }, state.selected - page);
    case 'list.top':
      return select(state, 0);
    case 'list.bottom':
      return select(state, rowCount(state) - 1);
    case 'list.open':
      return rowCount(state) === 0 ? state : { ...state, focus: 'article' };
    case 'list.clearSearch':
      return state.search.outcome !== null ? endSearch(state) : state;
    case 'article.down':
      return scrollTo(state, state.scroll + 1, metrics);
    case 'article.up':
      return scrollTo(state, state.scroll - 1, metrics);
    case 'article.pageDown':
      // At the end of the article, Space goes on to the next unread one, as in newsboat.
      if (unread !== undefined && atArticleEnd(state, metrics)) return toUnread(state, unread, 1);
      return scrollTo(state, state.scroll + articlePage, metrics);
    case 'article.pageUp':
      return scrollTo(state, state.scroll - articlePage, metrics);
    case 'article.top':
      return scrollTo(state, 0, metrics);
    case 'article.bottom':
      return scrollTo(state, Number.MAX_SAFE_INTEGER, metrics);
    case 'article.back':
      return backToList(state);
    case 'article.next':
      return select(state, state.selected + 1);
    case 'article.previous':
      return select(state, state.selected - 1);
    case 'article.nextMatch':
      return jumpToMatch(state, 1, metrics);
    case 'article.previousMatch':
      return jumpToMatch(state, -1, metrics);
    case 'view.zoom':
      if (state.zoom) return { ...state, zoom: false };
      return rowCount(state) === 0 ? state : { ...state, zoom: true, focus: 'article' };
    case 'view.sort':
      if (state.search.outcome !== null || state.search.open) {
        const searchSort = SEARCH_SORTS[(SEARCH_SORTS.indexOf(state.search.outcome === null ? 'relevance' : state.searchSort) + 1) % SEARCH_SORTS.length] ?? 'relevance';
        return askAgain({ ...state, searchSort }, null);
      }
      return changeView({ ...state, sort: SORT_ORDERS[(SORT_ORDERS.indexOf(state.sort) + 1) % SORT_ORDERS.length] ?? 'newest' }, item, null);
    case 'view.unreadOnly':
      // The status bar's view part says which filters are on.
      return changeView({ ...state, unreadOnly: !state.unreadOnly, readSince: now ?? Date.now() }, item, null);
    case 'view.starredOnly':
      return changeView({ ...state, starredOnly: !state.starredOnly }, item, null);
    case 'view.markAllRead':
      return askMarkAllRead(state, unreadCount);
    case 'view.undo':
      if (state.undo === null) return { ...state, notice: 'nothing to undo' };
      return {
        ...state,
        undo: null,
        effect: { kind: 'setRead', ids: state.undo.ids, read: false },
        notice: `${plural(state.undo.count, 'article')} unread again`,
      };
    case 'unread.next':
      return toUnread(state, unread, 1);
    case 'unread.previous':
      return toUnread(state, unread, -1);
    case 'search.open':
      if (!state.canSearch) return { ...state, notice: 'search is not available here' };
      // The hits show in the list, so the list comes into view.
      return {
        ...state,
        help: false,
        zoom: false,
        focus: 'list',
        // A fresh query; the one before is a key (Up) away in the history.
        history: { ...state.history, index: -1, draft: '' },
        search: {
          ...state.search,
          open: true,
          submitted: false,
          query: '',
          cursor: 0,
          before: state.search.before ?? { selected: state.selected, top: state.top, focus: state.focus },
        },
      };
    case 'help.toggle':
      return { ...state, help: true, helpScroll: 0 };
    case 'app.quit':
      // One level back, as in newsboat and mutt: from an article on its own to the list.
      if (articleOpen(state)) return backToList(state);
      return { ...state, quit: true };
    case 'app.quitAll':
      return { ...state, quit: true };
    case 'app.interrupt':
      return interrupt(state);
    case 'item.star':
    case 'item.read':
    {
      const effect = markEffect(command, item);
      return effect === null ? state : { ...state, effect };
    }
    case 'item.view':
    case 'item.edit':
    case 'item.links':
    case 'item.pipe':
    case 'item.save':
      return outsideCommand(state, command);
    case 'app.suspend':
    case 'app.redraw':
      // Side effects the app performs; nothing here changes.
      return state;
    default:
      // The search field's and the help's own commands do nothing here.
      // Choosing a source leaves search results: the list shows the source.
      return sourcesCommand(command === 'sources.choose' && state.search.outcome !== null ? endSearch(state) : state, command) ?? state;
  }
}

/**
 * The next state. Whatever the action, the selection stays inside the list and on screen
 * (a search field opening takes rows from the bottom), and `effect` is only ever the last
 * command's.
 */
export function reducer(state: AppState, action: Action): AppState {
  const start = state.effect === null && state.outside === null ? state : { ...state, effect: null, outside: null };
  const next = step(start, action);
  return next === state ? state : clampList(next);
}

function step(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'command': {
      const cleared = state.notice === null ? state : { ...state, notice: null };
      return command(cleared, action);
    }
    case 'resize': {
      const width = Math.max(1, action.width);
      const height = Math.max(1, action.height);
      if (width === state.size.width && height === state.size.height) return state;
      return { ...state, size: { width, height } };
    }
    case 'notice':
      return { ...state, notice: action.text };
    case 'promptOpen':
    case 'promptEdit':
    case 'promptAccept':
    case 'promptCancel':
      return promptStep(state, action);
    case 'linksShow':
    case 'linksDigit':
      return linksStep(state, action);
    case 'libraryChanged': {
      // Articles that came above the selected one leave it selected (a list, not a search).
      const follow = action.selected !== undefined && action.selected >= 0 && state.search.outcome === null;
      return { ...state, libraryCount: Math.max(0, action.count), ...(follow ? { selected: action.selected } : {}) };
    }
    case 'sourcesChanged':
      return withSourceRows(state, action.rows);
    case 'searchInput': {
      const cursor = Math.min(action.cursor ?? Number.POSITIVE_INFINITY, graphemes(action.query).length);
      if (action.query === state.search.query) return cursor === state.search.cursor ? state : { ...state, search: { ...state.search, cursor } };
      const seq = state.search.seq + 1;
      if (action.query.trim() === '') {
        // An emptied field shows the whole list again, as it was before the search.
        const { before, open } = state.search;
        const search: SearchState = { ...closedSearch(seq), open, before, query: action.query, cursor };
        const place = before === null ? {} : { selected: before.selected, top: before.top };
        return { ...state, ...place, search, scroll: 0, match: -1 };
      }
      return { ...state, search: { ...state.search, query: action.query, cursor, seq, rerun: false, askAgain: false } };
    }
    case 'searchResult':
      return searchResult(state, action.seq, action.outcome);
    case 'searchPage': {
      const { search } = state;
      const { outcome } = action;
      if (action.seq !== search.outcomeSeq || search.outcome === null || outcome.error !== null || outcome.offset === 0) return state;
      if (outcome.query !== search.outcome.query || search.pages.has(outcome.offset)) return state;
      const pages = new Map(search.pages).set(outcome.offset, outcome.hits);
      return { ...state, search: { ...search, pages } };
    }
    case 'searchRerun': {
      const { search } = state;
      if (search.query.trim() === '' || (search.outcome === null && !search.open)) return state;
      // While a query is out, one more ask when it lands is enough, however many changes.
      if (searchPending(state)) return search.askAgain ? state : { ...state, search: { ...search, askAgain: true } };
      return { ...state, search: { ...search, seq: search.seq + 1, rerun: true } };
    }
    case 'searchSubmit': {
      if (state.search.query.trim() === '') return endSearch(state);
      const remembered = rememberSearch(state, state.search.query.trim());
      // Enter before the first outcome arrives still keeps it: the outcome lands later.
      // Enter on an outcome already shown asks again, keeping the place: the library may
      // have grown since (a search typed while the first indexing ran).
      const pending = searchPending(state);
      const submitted = pending && !state.search.rerun;
      const seq = pending ? state.search.seq : state.search.seq + 1;
      const rerun = pending ? state.search.rerun : true;
      return { ...remembered, search: { ...state.search, open: false, error: null, submitted, seq, rerun } };
    }
    case 'searchCancel':
      return endSearch(state);
    case 'view':
      return select({ ...state, libraryCount: Math.max(0, action.count) }, action.index);
    case 'markedAll':
      if (action.ids.length === 0) return { ...state, notice: 'nothing marked: every article here is read' };
      return { ...state, undo: { ids: action.ids, count: action.count }, notice: `marked ${plural(action.count, 'article')} read · U undoes` };
    case 'historyStep':
      return historyStep(state, action.step);
    case 'click':
      return clickAt(state, action.x, action.y, rowCount(state));
  }
}

function searchResult(state: AppState, seq: number, outcome: SearchOutcome): AppState {
  const old = state.search;
  if (seq !== old.seq) return state; // a newer query superseded it
  if (outcome.error !== null) return { ...state, search: { ...old, answered: seq, error: outcome.error, submitted: false } };
  // Asked again at once when the library changed while this query was out.
  const again = old.askAgain ? { seq: seq + 1, rerun: true, askAgain: false } : { rerun: false };
  const search: SearchState = { ...old, answered: seq, outcome, outcomeSeq: seq, pages: new Map(), error: null, submitted: false, ...again };
  if (old.rerun && old.outcome !== null) {
    // The same query asked again: stay where the reader is, and in the article too when
    // the same one is still selected.
    const next = { ...state, search };
    const id = hitAt(old, state.selected)?.id;
    if (id === hitAt(search, state.selected)?.id) return next;
    // New hits above it (a fetch stored entries): the same article stays selected.
    const moved = id === undefined ? -1 : outcome.hits.findIndex((hit) => hit.id === id);
    return moved >= 0 ? { ...next, selected: outcome.offset + moved } : { ...next, scroll: 0, match: -1 };
  }
  // New hits start at the top.
  return { ...state, search, selected: 0, top: 0, scroll: 0, match: -1 };
}
