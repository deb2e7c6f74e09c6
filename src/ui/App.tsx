/**
 * The reader: holds the app state (a pure reducer) and lays the panes out. What it shows
 * comes from the library through a ReaderSource (use-library.ts), search runs in
 * use-search.ts, keys are routed in use-key-routing.ts, and the words and widths around the
 * panes are pure functions of the state (state/layout.ts, state/status-text.ts). The
 * components under it only draw what they are handed.
 */
import { Box, Text, useStdout } from 'ink';
import { useCallback, useEffect } from 'react';
import type { Command } from '../keys/keymap.js';
import { sourceErrorText } from '../state/sources.js';
import { sanitize } from '../terminal/sanitize.js';
import type { AppState } from '../state/types.js';
import { originOf } from './source-column.js';
import { SourcesPane } from './SourcesPane.js';
import { useFetch } from './use-fetch.js';
import { useSources } from './use-sources.js';
import type { Library } from '../library/library.js';
import type { Searcher } from '../search/searcher.js';
import { articleOpen, articlePaneBox, articleScroll, FOCUS_SEPARATOR, keyPane, layoutOf, SEPARATOR, searchMessage } from '../state/layout.js';
import { initialState, reducer } from '../state/reducer.js';
import { articlePositionText, emptyListText, emptyPaneText, positionText, viewText } from '../state/status-text.js';
import type { Size } from '../state/types.js';
import { ArticlePane } from './ArticlePane.js';
import { HeadlineList } from './HeadlineList.js';
import { HelpOverlay } from './HelpOverlay.js';
import { LinksOverlay } from './LinksOverlay.js';
import { PromptLine } from './PromptLine.js';
import { SearchField } from './SearchField.js';
import { StatusBar } from './StatusBar.js';
import { useKeyRouting } from './use-key-routing.js';
import { useLibrary, useMarkOpenedRead } from './use-library.js';
import { type OutsideTools, useOutside } from './use-outside.js';
import { useSearch } from './use-search.js';
import { useSyncReducer } from './use-sync-reducer.js';
import { useSettledView } from './use-settled-view.js';
import { useCarryOut } from './carry-out.js';
import { type RestoredView, restoredView, shownAsRestored, viewToSave } from './restore-view.js';
import { libraryView, unreadView } from '../state/view.js';
import type { ReaderMemory } from '../library/reader-memory.js';
import { textProps, ThemeContext } from './theme.js';
import { DEFAULT_KEYMAP, type KeyMap } from '../keys/keymap.js';
import type { SortOrder } from '../library/library.js';
import { type Theme, THEMES } from '../terminal/theme.js';
import { streamSize, useTerminalSize } from './use-terminal-size.js';

/** How long the selected row stays before the article pane follows it: a frame at 60 Hz. */
const PANE_FOLLOWS_MS = 16;

export interface AppProps {
  library: Library;
  searcher?: Searcher | null;
  /** A fixed screen size instead of the terminal's (component tests). */
  size?: Size;
  /**
   * Called once when the user quits, with the exit status (130 after Ctrl-C) and whether
   * the screen is what the next launch will restore (see restore-view.ts).
   */
  onQuit: (status: number, restorable: boolean) => void;
  /** Ctrl-Z: hand the terminal back and stop; absent, Ctrl-Z does nothing. */
  onSuspend?: () => void;
  /** Ctrl-L: clear the terminal and draw everything again; absent, Ctrl-L does nothing. */
  onRedraw?: () => void;
  /** What runs in the background, for the status bar (e.g. `indexing 120/2225`). */
  activity?: string | null;
  /** A message for the status bar at start, until the first key. */
  notice?: string | null;
  /** Where the last view and the searches are kept between runs; absent, nothing is. */
  memory?: ReaderMemory | null;
  /** The browser, pager, editor, pipe and files (`v`, `e`, `L`, `|`, `w`); absent, they say so. */
  tools?: OutsideTools | null;
  /** The keys in effect (config file `[keys]`); the defaults when absent. */
  keymap?: KeyMap;
  /** The named styles to draw with (config file `theme`, `[colors]`); dark when absent. */
  theme?: Theme;
  /** Milliseconds an article is open before it is marked read; null: never. */
  markReadAfter?: number | null;
  /** The sort the list starts in, unless the last view is restored. */
  sort?: SortOrder;
  /** The view to open in, when the caller has read it already (the first screen). */
  restored?: RestoredView;
  /** Fetch every subscribed feed at start (`--fetch`), and again every this many minutes. */
  fetchOnStart?: boolean;
  fetchEveryMinutes?: number;
}

export function App(props: AppProps) {
  const { library, searcher = null, size, onQuit, onSuspend, onRedraw, activity: background = null, notice = null, memory = null, tools = null } = props;
  const { keymap = DEFAULT_KEYMAP, theme = THEMES.dark, markReadAfter = 0, sort = 'newest' } = props;
  const { stdout } = useStdout();
  const [state, dispatch, getState] = useSyncReducer(reducer, () => {
    const sources = library.sources?.() ?? [];
    // The pane starts on when there are subscriptions to choose between.
    const sourcesShown = sources.some((s) => s.subscribed);
    return initialState({ ...(size ?? streamSize(stdout)), ...(props.restored ?? restoredView(library, memory, sort)), canSearch: searcher !== null, notice, sources, sourcesShown });
  });
  useTerminalSize(dispatch, size);
  const source = useLibrary(library, libraryView(state), dispatch, getState);
  const carryOut = useCarryOut({ library, searcher, memory, dispatch });
  const countView = useSources(library, dispatch);
  const fetching = useFetch({ library, source, dispatch, onStart: props.fetchOnStart ?? false, everyMinutes: props.fetchEveryMinutes ?? 0 });
  const activity = [background, fetching.text].filter((t) => t !== null).join(' · ') || null;
  const { onCommand: fetchCommand } = fetching;
  const onStep = useCallback(
    (now: AppState, command: Command): void => {
      countView(now);
      fetchCommand(now, command);
    },
    [countView, fetchCommand],
  );

  const markOpenedRead = useMarkOpenedRead(library, source, getState, markReadAfter);

  useEffect(() => {
    if (!state.quit) return;
    const now = getState();
    memory?.saveView(viewToSave(now, source));
    onQuit(state.exitStatus, memory !== null && activity === null && shownAsRestored(now));
  }, [state.quit, state.exitStatus, onQuit, memory, source, getState, activity]);

  const layout = layoutOf(state);
  const rowsOnScreen = Math.max(1, layout.bodyRows);
  const answerTyped = useSearch({ searcher, library, state, rowsOnScreen, dispatch, getState });
  const onOutside = useOutside({ tools, source, dispatch });
  useKeyRouting({ library, carryOut, source, dispatch, getState, submitted: state.search.submitted, markOpenedRead, onSuspend, onRedraw, onOutside, onStep, afterKeys: answerTyped, keymap });
  const unread = state.search.outcome !== null ? null : library.count(unreadView(state));

  const { outcome } = state.search;
  const rows = source.rows(state, state.top, rowsOnScreen);
  const current = source.selected(state);
  // When the selection moves in the list, the frame that moves it keeps the article pane as
  // it was, and the pane follows a moment later (use-settled-view.ts): the list answers the
  // key without waiting for an article's layout (key to screen 5.6-5.9 -> 3.8 ms, 2,000
  // articles).
  const selectedKey = current?.key ?? null;
  const shown = useSettledView(selectedKey, state.scroll, state.search.outcome, PANE_FOLLOWS_MS);
  // Nothing shown yet (the first rows came after the first frame): the pane shows the
  // selection at once.
  const following = state.focus === 'list' && shown.key !== null && shown.key !== selectedKey;
  // Following, the pane is laid out with the search it was shown with (a layout cached),
  // not marked anew for a query whose first hit replaces it a moment later.
  const articleLayout = following ? source.layoutOfKey(shown.key, state, shown.outcome) : source.layoutOfKey(selectedKey, state);
  const { width } = state.size;
  const scroll = articleScroll(following ? shown.scroll : state.scroll, articleLayout.lines.length, layout.bodyRows);
  const matchText = articlePositionText(state, {
    scroll,
    lines: articleLayout.lines.length,
    matches: articleLayout.matchLines.length,
    rows: layout.bodyRows,
    open: articleOpen(state),
  });
  const currentMatchLine = state.match >= 0 ? (articleLayout.matchLines[state.match] ?? -1) : -1;
  const paneBox = articlePaneBox(layout, width);

  const list = (
    <HeadlineList
      rows={rows}
      top={state.top}
      selected={state.selected}
      width={layout.listWidth}
      height={layout.bodyRows}
      focused={state.focus === 'list' || layout.mode === 'list'}
      highlight={outcome === null ? null : outcome.highlight}
      emptyText={emptyListText(state, activity)}
      originOf={originOf(state)}
    />
  );
  const pane = (
    <ArticlePane
      lines={articleLayout.lines}
      scroll={scroll}
      width={paneBox.width}
      height={layout.bodyRows}
      margin={paneBox.margin}
      currentMatchLine={currentMatchLine}
      emptyText={emptyPaneText(state, current !== null)}
    />
  );
  const sourcesPane = (
    <SourcesPane
      rows={state.sources}
      top={state.sourceTop}
      selected={state.sourceSelected}
      width={layout.sourcesWidth}
      height={layout.bodyRows}
      focused={keyPane(state) === 'sources'}
      chosen={state.source?.root ?? null}
      rule={layout.mode === 'split'}
    />
  );
  let body;
  if (state.help) body = <HelpOverlay width={width} height={layout.bodyRows} scroll={state.helpScroll} keymap={keymap} />;
  else if (state.links !== null) body = <LinksOverlay width={width} height={layout.bodyRows} links={state.links} />;
  else if (layout.mode === 'split')
    body = (
      <>
        {layout.sourcesWidth > 0 ? sourcesPane : null}
        {list}
        {state.focus === 'article' ? (
          <Text {...textProps(theme.ruleFocused)}>{Array.from({ length: layout.bodyRows }, () => FOCUS_SEPARATOR).join('\n')}</Text>
        ) : (
          <Text {...textProps(theme.rule)}>{Array.from({ length: layout.bodyRows }, () => SEPARATOR).join('\n')}</Text>
        )}
        {pane}
      </>
    );
  else body = layout.mode === 'list' ? list : layout.mode === 'sources' ? sourcesPane : pane;

  return (
    <ThemeContext.Provider value={theme}>
    <Box flexDirection="column" width={width} height={state.size.height}>
      <Box flexDirection="row" width={width} height={layout.bodyRows} overflow="hidden">
        {layout.bodyRows > 0 ? body : null}
      </Box>
      {state.search.open ? (
        <SearchField width={width} query={state.search.query} cursor={state.search.cursor} message={searchMessage(state)} />
      ) : null}
      {layout.statusLines > 0 && state.prompt !== null ? <PromptLine width={width} prompt={state.prompt} /> : null}
      {layout.statusLines > 0 && state.prompt === null ? (
        <StatusBar
          width={width}
          position={positionText(state, unread)}
          view={[state.source === null ? '' : sanitize(state.source.name), viewText(state, activity)].filter((t) => t !== '').join(' · ')}
          match={matchText}
          notice={state.notice ?? sourceErrorText(state)}
          canSearch={state.canSearch}
          pane={state.help ? 'list' : keyPane(state)}
          keymap={keymap}
        />
      ) : null}
    </Box>
    </ThemeContext.Provider>
  );
}
