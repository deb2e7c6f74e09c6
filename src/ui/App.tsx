/**
 * The reader: holds the app state (a pure reducer), asks the Library for the rows and the
 * article on screen, routes keys through the key map, and lays the panes out. The
 * components under it only draw what they are handed.
 */
import { Box, Text, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { commandFor } from '../keys/keymap.js';
import { charName, type KeyPress } from '../keys/key-names.js';
import { editField } from '../state/field-edit.js';
import type { ArticleSummary, Library, SortOrder } from '../library/library.js';
import type { SearchOutcome, Searcher } from '../search/searcher.js';
import { FOCUS_SEPARATOR, layoutOf, SEPARATOR, searchMessage } from '../state/layout.js';
import { initialState, reducer, rowCount, searchPending } from '../state/reducer.js';
import type { ArticleMetrics, Pane, Size } from '../state/types.js';
import { type ArticleLayout, ArticleLayoutCache } from '../terminal/article-layout.js';
import { ArticlePane } from './ArticlePane.js';
import { HeadlineList } from './HeadlineList.js';
import { HelpOverlay } from './HelpOverlay.js';
import { SearchField } from './SearchField.js';
import { StatusBar } from './StatusBar.js';
import { streamSize, useTerminalSize } from './use-terminal-size.js';
import { useKeypresses } from './use-keypresses.js';
import { useSyncReducer } from './use-sync-reducer.js';

const SORT_LABELS: Record<SortOrder, string> = { newest: 'newest first', oldest: 'oldest first', headline: 'A–Z' };

/** Hits asked of the searcher per query: more than anyone pages through. */
export const SEARCH_LIMIT = 500;

export interface AppProps {
  library: Library;
  searcher?: Searcher | null;
  /** A fixed screen size instead of the terminal's (component tests). */
  size?: Size;
  /** Called once when the user quits, with the exit status (130 after Ctrl-C). */
  onQuit: (status: number) => void;
  /** Ctrl-Z: hand the terminal back and stop; absent, Ctrl-Z does nothing. */
  onSuspend?: () => void;
  /** Ctrl-L: clear the terminal and draw everything again; absent, Ctrl-L does nothing. */
  onRedraw?: () => void;
  /** Bumped by the caller to force a full redraw (after a resume). */
  redraw?: number;
  /** What runs in the background, for the status bar (e.g. `indexing 120/2225`). */
  activity?: string | null;
  /** A message for the status bar at start, until the first key. */
  notice?: string | null;
}

const EMPTY_LAYOUT: ArticleLayout = { lines: [], matchLines: [] };
const NO_ROWS: readonly ArticleSummary[] = [];

function failedOutcome(query: string, error: unknown): SearchOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { query, total: 0, hits: [], error: `search failed: ${message}`, suggestion: null, highlight: () => [] };
}

export function App({ library, searcher = null, size, onQuit, onSuspend, onRedraw, redraw = 0, activity = null, notice = null }: AppProps) {
  const { stdout } = useStdout();
  const [state, dispatch, getState] = useSyncReducer(reducer, () =>
    initialState({ ...(size ?? streamSize(stdout)), count: library.count({ sort: 'newest' }), canSearch: searcher !== null, notice }),
  );
  useTerminalSize(dispatch, size);

  // Library changes (read/star, a refresh) re-read the rows and the count.
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      library.subscribe(() => {
        setVersion((v) => v + 1);
      }),
    [library],
  );
  const view = useMemo(() => ({ sort: state.sort }), [state.sort]);
  useEffect(() => {
    dispatch({ type: 'libraryChanged', count: library.count(view) });
  }, [library, view, version]);

  useEffect(() => {
    if (redraw > 0) dispatch({ type: 'redraw' });
  }, [redraw]);

  const layout = layoutOf(state);
  const outcome = state.search.outcome;
  const highlight = outcome === null ? null : outcome.highlight;
  const rowsOnScreen = Math.max(1, layout.bodyRows);
  const rows = useMemo(() => {
    if (outcome !== null) return outcome.hits.slice(state.top, state.top + rowsOnScreen);
    if (state.libraryCount === 0) return NO_ROWS;
    return library.page(view, state.top, rowsOnScreen);
    // `version` re-reads read/star marks after a change.
  }, [library, view, outcome, state.top, rowsOnScreen, state.libraryCount, version]);
  const current: ArticleSummary | null = rows[state.selected - state.top] ?? null;
  // Search hits carry the marks from when they were found; the library knows the latest.
  const marks = useMemo(() => (current === null ? null : library.state(current.id)), [library, current, version]);

  const article = useMemo(() => (current === null ? null : library.article(current.key)), [library, current?.key]);
  const cache = useRef(new ArticleLayoutCache());
  const articleLayout = useMemo(
    () =>
      article === null || current === null || layout.articleWidth <= 0
        ? EMPTY_LAYOUT
        : cache.current.get(current.key, article, layout.articleWidth, state.search.outcome?.query ?? '', highlight),
    [article, current, layout.articleWidth, highlight, state.search.outcome?.query],
  );

  const articleOpen = layout.mode === 'article' || (layout.mode === 'split' && state.focus === 'article');
  // Opening an article marks it read.
  useEffect(() => {
    if (articleOpen && current !== null && !library.state(current.id).read) library.setState(current.id, { read: true });
  }, [articleOpen, current?.id, library]);

  useEffect(() => {
    if (state.quit) onQuit(state.exitStatus);
  }, [state.quit, state.exitStatus, onQuit]);

  // Each new query is asked once; its outcome is applied only if no newer query was asked.
  const { seq, query } = state.search;
  useEffect(() => {
    if (searcher === null || query.trim() === '') return;
    searcher.search(query, SEARCH_LIMIT).then(
      (result) => dispatch({ type: 'searchResult', seq, outcome: result }),
      (error: unknown) => dispatch({ type: 'searchResult', seq, outcome: failedOutcome(query, error) }),
    );
  }, [searcher, seq, query]);

  // The key handlers read the row and the article as last drawn through a ref; the state
  // itself comes from getState(), which already holds what earlier keys in a read did.
  const latest = useRef({ current, marks, metrics: { lines: 0, matchLines: [] } as ArticleMetrics });
  latest.current = { current, marks, metrics: { lines: articleLayout.lines.length, matchLines: articleLayout.matchLines } };

  /** Run one key in the focused pane (list or article). */
  const runKey = useCallback(
    (name: string): void => {
      const { current: row, marks: rowMarks, metrics } = latest.current;
      const now = getState();
      const mode = layoutOf(now).mode;
      const pane: Pane = mode === 'article' ? 'article' : mode === 'list' ? 'list' : now.focus;
      const command = commandFor(name, now.help ? 'help' : pane);
      if (command === null) return;
      if (!now.help && row !== null && rowMarks !== null) {
        if (command === 'item.star') library.setState(row.id, { starred: !rowMarks.starred });
        if (command === 'item.read') library.setState(row.id, { read: !rowMarks.read });
      }
      if (command === 'app.suspend' && onSuspend !== undefined) onSuspend();
      if (command === 'app.redraw' && onRedraw !== undefined) onRedraw();
      dispatch({ type: 'command', command, article: metrics });
    },
    [library, onSuspend, onRedraw, dispatch, getState],
  );

  /** A key while the search field is open: it edits the query, except these. */
  const fieldKey = useCallback(
    (press: KeyPress): void => {
      if (press.kind === 'key') {
        switch (commandFor(press.name, 'field')) {
          case 'field.cancel':
            return dispatch({ type: 'searchCancel' });
          case 'field.submit':
            return dispatch({ type: 'searchSubmit' });
          case 'field.previousHit':
            return dispatch({ type: 'command', command: 'list.up' });
          case 'field.nextHit':
            return dispatch({ type: 'command', command: 'list.down' });
          case 'app.interrupt':
            return dispatch({ type: 'command', command: 'app.interrupt' });
          case 'app.suspend':
            return onSuspend?.();
          case 'app.redraw':
            return onRedraw?.();
          default:
            break;
        }
      }
      const { query, cursor } = getState().search;
      const edited = editField({ query, cursor }, press);
      if (edited !== null) dispatch({ type: 'searchInput', query: edited.query, cursor: edited.cursor });
    },
    [onSuspend, onRedraw, dispatch, getState],
  );

  // Every key comes here, and goes where the state says focus is now, as left by the keys
  // before it in the same read: `/yukos` is a search, `oil` Enter `j` moves in the hits.
  const onKeys = useCallback(
    (presses: KeyPress[]) => {
      for (const press of presses) {
        if (getState().search.open) {
          fieldKey(press);
        } else if (press.kind === 'paste') {
          // A paste is never keys: outside the field it starts a search for the pasted text.
          dispatch({ type: 'command', command: 'search.open' });
          if (getState().search.open) fieldKey(press);
        } else if (press.kind === 'key') {
          runKey(press.name);
        } else {
          const chars = Array.from(press.text);
          for (const [index, ch] of chars.entries()) {
            if (getState().search.open) {
              // `/` opened the field: the rest of the run is the query.
              fieldKey({ kind: 'text', text: chars.slice(index).join('') });
              break;
            }
            runKey(charName(ch));
          }
        }
      }
    },
    [fieldKey, runKey, dispatch, getState],
  );
  useKeypresses(onKeys);

  const { width } = state.size;
  const scrollOf = (wanted: number): number => Math.min(wanted, Math.max(0, articleLayout.lines.length - layout.bodyRows));
  const count = rowCount(state);
  const position = `${count === 0 ? 0 : state.selected + 1}/${count}`;
  const viewText = [
    outcome !== null ? (outcome.total === 1 ? '1 match' : `${outcome.total} matches`) : SORT_LABELS[state.sort],
    searchPending(state) ? 'searching…' : '',
    activity ?? '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
  const matchText =
    state.match >= 0 && articleLayout.matchLines.length > 0
      ? `match ${state.match + 1}/${articleLayout.matchLines.length}`
      : articleOpen
        ? scrollPosition(scrollOf(state.scroll), articleLayout.lines.length, layout.bodyRows)
        : '';
  const currentMatchLine = state.match >= 0 ? (articleLayout.matchLines[state.match] ?? -1) : -1;
  // While the library is still being looked through, an empty list means nothing yet.
  const emptyList =
    outcome !== null
      ? 'No matches.'
      : activity !== null
        ? 'looking…'
        : 'No articles here. Give newsreader a folder of .txt files: newsreader ~/news';
  const scroll = scrollOf(state.scroll);
  const shownRows = marks === null || current === null ? rows : rows.map((r) => (r === current ? { ...r, ...pickMarks(marks) } : r));

  const list = (
    <HeadlineList
      rows={shownRows}
      top={state.top}
      selected={state.selected}
      width={layout.listWidth}
      height={layout.bodyRows}
      focused={state.focus === 'list' || layout.mode === 'list'}
      highlight={highlight}
      emptyText={emptyList}
    />
  );
  const pane = (
    <ArticlePane
      lines={articleLayout.lines}
      scroll={scroll}
      width={layout.mode === 'split' ? width - layout.listWidth - SEPARATOR.length : width}
      height={layout.bodyRows}
      margin={layout.articleLeft > 0 && layout.mode !== 'split' ? layout.articleLeft : layout.mode === 'split' ? 1 : 0}
      currentMatchLine={currentMatchLine}
      emptyText={count === 0 ? '' : 'This article is no longer there.'}
    />
  );
  let body;
  if (state.help) body = <HelpOverlay width={width} height={layout.bodyRows} scroll={state.helpScroll} />;
  else if (layout.mode === 'split')
    body = (
      <>
        {list}
        {state.focus === 'article' ? (
          <Text bold>{Array.from({ length: layout.bodyRows }, () => FOCUS_SEPARATOR).join('\n')}</Text>
        ) : (
          <Text dimColor>{Array.from({ length: layout.bodyRows }, () => SEPARATOR).join('\n')}</Text>
        )}
        {pane}
      </>
    );
  else body = layout.mode === 'list' ? list : pane;

  return (
    <Box flexDirection="column" width={width} height={state.size.height}>
      <Box flexDirection="row" width={width} height={layout.bodyRows} overflow="hidden">
        {layout.bodyRows > 0 ? body : null}
      </Box>
      {state.search.open ? (
        <SearchField width={width} query={state.search.query} cursor={state.search.cursor} message={searchMessage(state)} />
      ) : null}
      {layout.statusLines > 0 ? (
        <StatusBar
          width={width}
          position={position}
          view={viewText}
          match={matchText}
          notice={state.notice}
          canSearch={state.canSearch}
          pane={state.help ? 'list' : layout.mode === 'list' || (layout.mode === 'split' && state.focus === 'list') ? 'list' : 'article'}
        />
      ) : null}
    </Box>
  );
}

/** Where the article is scrolled to, as less shows it: `all`, `top`, `42%`, `end`. */
function scrollPosition(scroll: number, lines: number, rows: number): string {
  if (lines <= rows) return 'all';
  if (scroll === 0) return 'top';
  if (scroll + rows >= lines) return 'end';
  return `${Math.round(((scroll + rows) / lines) * 100)}%`;
}

function pickMarks(marks: { read: boolean; starred: boolean }): { read: boolean; starred: boolean } {
  return { read: marks.read, starred: marks.starred };
}
