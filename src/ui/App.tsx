/**
 * The reader: holds the app state (a pure reducer), asks the Library for the rows and the
 * article on screen, routes keys through the key map, and lays the panes out. The
 * components under it only draw what they are handed. Every key is run against the state
 * the key before it left, and what it asks of the library (star, mark read) is done right
 * after its reducer step, however many keys came in one read.
 */
import { Box, Text, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { commandFor } from '../keys/keymap.js';
import { charName, type KeyPress } from '../keys/key-names.js';
import { editField } from '../state/field-edit.js';
import type { Library, SortOrder } from '../library/library.js';
import type { SearchOutcome, Searcher } from '../search/searcher.js';
import { FOCUS_SEPARATOR, layoutOf, SEPARATOR, searchMessage } from '../state/layout.js';
import { missingPages, SEARCH_PAGE } from '../state/hits.js';
import { initialState, reducer, rowCount, searchPending } from '../state/reducer.js';
import type { AppState, Pane, Size } from '../state/types.js';
import { ArticlePane } from './ArticlePane.js';
import { HeadlineList } from './HeadlineList.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ReaderSource } from './reader-source.js';
import { SearchField } from './SearchField.js';
import { StatusBar } from './StatusBar.js';
import { streamSize, useTerminalSize } from './use-terminal-size.js';
import { useKeypresses } from './use-keypresses.js';
import { useSyncReducer } from './use-sync-reducer.js';

const SORT_LABELS: Record<SortOrder, string> = { newest: 'newest first', oldest: 'oldest first', headline: 'A–Z' };

/**
 * How long changes to the library gather before the active search is asked again: during
 * indexing batches land every few milliseconds, and one query per interval is plenty.
 */
export const RERUN_INTERVAL_MS = 300;

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

function failedOutcome(query: string, error: unknown): SearchOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { query, offset: 0, total: 0, hits: [], error: `search failed: ${message}`, suggestion: null, highlight: () => [] };
}

/** Whether the article is on screen with the keys (so that opening it marks it read). */
function articleOpen(state: AppState): boolean {
  const mode = layoutOf(state).mode;
  return mode === 'article' || (mode === 'split' && state.focus === 'article');
}

export function App({ library, searcher = null, size, onQuit, onSuspend, onRedraw, redraw = 0, activity = null, notice = null }: AppProps) {
  const { stdout } = useStdout();
  const [state, dispatch, getState] = useSyncReducer(reducer, () =>
    initialState({ ...(size ?? streamSize(stdout)), count: library.count({ sort: 'newest' }), canSearch: searcher !== null, notice }),
  );
  useTerminalSize(dispatch, size);
  const source = useMemo(() => new ReaderSource(library), [library]);

  // Library changes (read/star here or in another process, a refresh) re-read the rows and
  // the count; new or changed articles ask the active search again, at most once a while.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let rerun: NodeJS.Timeout | null = null;
    const unsubscribe = library.subscribe((change) => {
      source.changed(change);
      setVersion((v) => v + 1);
      if (change === 'articles' && rerun === null) {
        rerun = setTimeout(() => {
          rerun = null;
          dispatch({ type: 'searchRerun' });
        }, RERUN_INTERVAL_MS);
      }
    });
    return () => {
      unsubscribe();
      if (rerun !== null) clearTimeout(rerun);
    };
  }, [library, source, dispatch]);
  useEffect(() => {
    dispatch({ type: 'libraryChanged', count: library.count({ sort: state.sort }) });
  }, [library, state.sort, version, dispatch]);

  useEffect(() => {
    if (redraw > 0) dispatch({ type: 'redraw' });
  }, [redraw, dispatch]);

  /** The article last opened: opening another (or the same one again) marks it read. */
  const opened = useRef<string | null>(null);
  const markOpenedRead = useCallback(
    (now: AppState): void => {
      const row = articleOpen(now) ? source.selected(now) : null;
      if (row?.id === opened.current) return;
      opened.current = row?.id ?? null;
      if (row !== null && !library.state(row.id).read) library.setState(row.id, { read: true });
    },
    [library, source],
  );
  // After every frame too: the selection also changes without keys (search results land).
  useEffect(() => markOpenedRead(getState()));

  useEffect(() => {
    if (state.quit) onQuit(state.exitStatus);
  }, [state.quit, state.exitStatus, onQuit]);

  // Each new query is asked once; its outcome is applied only if no newer query was asked.
  const { seq, query } = state.search;
  useEffect(() => {
    if (searcher === null || query.trim() === '') return;
    searcher.search(query, SEARCH_PAGE).then(
      (result) => dispatch({ type: 'searchResult', seq, outcome: result }),
      (error: unknown) => dispatch({ type: 'searchResult', seq, outcome: failedOutcome(query, error) }),
    );
  }, [searcher, seq, query, dispatch]);

  // Later pages of hits are asked for when the list reaches them. A page request answered
  // with another query's outcome (a newer query replaced it) is asked again.
  const asking = useRef(new Set<string>());
  const [pageRetry, setPageRetry] = useState(0);
  const layout = layoutOf(state);
  const rowsOnScreen = Math.max(1, layout.bodyRows);
  const { outcome, outcomeSeq, pages } = state.search;
  useEffect(() => {
    if (searcher === null || outcome === null) return;
    const search = getState().search;
    const wanted = new Set([...missingPages(search, state.top, state.top + rowsOnScreen), ...missingPages(search, state.selected, state.selected + 1)]);
    for (const offset of wanted) {
      const id = `${outcomeSeq}:${offset}`;
      if (asking.current.has(id)) continue;
      asking.current.add(id);
      searcher.search(outcome.query, SEARCH_PAGE, offset).then(
        (page) => {
          asking.current.delete(id);
          if (page.offset === offset && page.query === outcome.query) dispatch({ type: 'searchPage', seq: outcomeSeq, outcome: page });
          else setPageRetry((n) => n + 1);
        },
        () => asking.current.delete(id),
      );
    }
  }, [searcher, outcome, outcomeSeq, pages, state.top, state.selected, rowsOnScreen, pageRetry, dispatch, getState]);

  /** After a reducer step: do what it asked of the library, and mark an opened article read. */
  const afterStep = useCallback((): void => {
    const now = getState();
    if (now.effect !== null) library.setState(now.effect.id, now.effect.patch);
    markOpenedRead(now);
  }, [library, markOpenedRead, getState]);

  /** Run one key in the focused pane (list or article), against the newest state. */
  const runKey = useCallback(
    (name: string): void => {
      const now = getState();
      const mode = layoutOf(now).mode;
      const pane: Pane = mode === 'article' ? 'article' : mode === 'list' ? 'list' : now.focus;
      const command = commandFor(name, now.help ? 'help' : pane);
      if (command === null) return;
      if (command === 'app.suspend' && onSuspend !== undefined) onSuspend();
      if (command === 'app.redraw' && onRedraw !== undefined) onRedraw();
      // What the state before this key selects: its layout for scrolling and n/N, its marks
      // for s/m. Only read when the command needs it, so a burst of j stays cheap.
      const article = command.startsWith('article.') ? source.metrics(now) : undefined;
      const item = command.startsWith('item.') ? source.item(now) : undefined;
      dispatch({ type: 'command', command, ...(article === undefined ? {} : { article }), ...(item === undefined ? {} : { item }) });
      afterStep();
    },
    [source, onSuspend, onRedraw, dispatch, getState, afterStep],
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
  // Keys after an Enter whose hits have not come yet wait for them (Ctrl-C never waits).
  const queue = useRef<KeyPress[]>([]);
  const drain = useCallback((): void => {
    for (;;) {
      const press = queue.current[0];
      if (press === undefined) return;
      const now = getState();
      const interrupt = press.kind === 'key' && press.name === 'ctrl+c';
      if (now.search.submitted && !interrupt) return;
      queue.current.shift();
      if (now.search.open) {
        fieldKey(press);
      } else if (press.kind === 'paste') {
        // A paste is never keys: outside the field it starts a search for the pasted text.
        dispatch({ type: 'command', command: 'search.open' });
        if (getState().search.open) fieldKey(press);
      } else if (press.kind === 'key') {
        runKey(press.name);
      } else {
        // One character at a time: `/` may open the field, and the rest is then the query.
        const [first = '', ...rest] = Array.from(press.text);
        if (rest.length > 0) queue.current.unshift({ kind: 'text', text: rest.join('') });
        runKey(charName(first));
      }
    }
  }, [fieldKey, runKey, dispatch, getState]);
  const onKeys = useCallback(
    (presses: KeyPress[]) => {
      if (presses.some((p) => p.kind === 'key' && p.name === 'ctrl+c')) queue.current = presses.filter((p) => p.kind === 'key' && p.name === 'ctrl+c');
      else queue.current.push(...presses);
      drain();
    },
    [drain],
  );
  // The hits came: the keys that waited for them run now.
  const { submitted } = state.search;
  useEffect(() => {
    if (!submitted) drain();
  }, [submitted, drain]);
  useKeypresses(onKeys);

  const highlight = outcome === null ? null : outcome.highlight;
  const rows = source.rows(state, state.top, rowsOnScreen);
  const current = source.selected(state);
  const articleLayout = source.layout(state);
  const open = articleOpen(state);

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
      : open
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
  const paneText = count === 0 ? '' : current === null ? 'loading…' : 'This article is no longer there.';

  const list = (
    <HeadlineList
      rows={rows}
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
      emptyText={paneText}
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
