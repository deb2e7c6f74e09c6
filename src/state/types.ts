/** The reader's state and the actions that change it; see reducer.ts. */
import type { Command } from '../keys/keymap.js';
import type { ArticleSummary, SortOrder } from '../library/library.js';
import type { SearchOutcome } from '../search/searcher.js';
import type { LinksAction, LinksState } from './links.js';
import type { PromptAction, PromptState } from './prompt.js';
import type { SourceRow } from './sources.js';

export type Pane = 'list' | 'article' | 'sources';

export interface Size {
  width: number;
  height: number;
}

/** What was on screen before a search, so Esc can put it back. */
export interface SavedPlace {
  selected: number;
  top: number;
  focus: Pane;
}

export interface SearchState {
  /** The field is on screen and has the keys. */
  open: boolean;
  query: string;
  /** Where the field's cursor is: graphemes of the query before it. */
  cursor: number;
  /** Number of the newest query asked; outcomes for older ones are dropped. */
  seq: number;
  /** Number of the newest query answered (with hits or an error). */
  answered: number;
  /**
   * The newest good outcome: while set, the list shows its hits instead of the library,
   * `total` rows long. Its hits are the first page; later pages come as the selection
   * moves down (see `pages`).
   */
  outcome: SearchOutcome | null;
  /** Number of the query whose outcome is shown; pages of other queries are dropped. */
  outcomeSeq: number;
  /** Pages of hits fetched after the first, by their first row's index in the list. */
  pages: ReadonlyMap<number, readonly ArticleSummary[]>;
  /**
   * The pending query asks again what is already shown (the library changed, or Enter):
   * its outcome keeps the selection rather than starting at the top.
   */
  rerun: boolean;
  /**
   * The library changed while a query was out: its answer may be older than the library,
   * so the query is asked once more when it lands.
   */
  askAgain: boolean;
  /** Why the newest query could not run; the last good outcome stays on screen. */
  error: string | null;
  before: SavedPlace | null;
  /**
   * Enter came before the query's outcome: the keys after it wait until the hits land, so
   * that `/oil` Enter `js` stars the second hit, not the second article of the old list.
   */
  submitted: boolean;
}

export interface AppState {
  size: Size;
  focus: Pane;
  /** Full-width article at any width. */
  zoom: boolean;
  help: boolean;
  helpScroll: number;
  sort: SortOrder;
  /** Only unread articles (`u`): those unread when the view began, and any read since. */
  unreadOnly: boolean;
  /** Only starred articles (`S`). */
  starredOnly: boolean;
  /** When the unread-only view began (epoch ms): articles read after it stay in view. */
  readSince: number;
  /** Order of search hits (`o` in search results): by relevance, or as the library sorts. */
  searchSort: SearchSort;
  /** What `U` puts back: the articles the last mark-all marked read. */
  undo: { ids: readonly string[]; count: number } | null;
  /** Searches asked before, for Up/Down in the field. */
  history: SearchHistory;
  /** Articles in the library view (the list's length when no search is active). */
  libraryCount: number;
  /** Index of the selected row in the list. */
  selected: number;
  /** Index of the first row on screen. */
  top: number;
  /** First article line on screen. */
  scroll: number;
  /** Index of the current search match in the article, or -1. */
  match: number;
  search: SearchState;
  /** Whether a searcher is wired in; without one `/` says so. */
  canSearch: boolean;
  /** One short message in the status bar, cleared by the next key. */
  notice: string | null;
  quit: boolean;
  /** The exit status to quit with: 130 after Ctrl-C, as shells expect of an interrupted program. */
  exitStatus: number;
  /** What the last command asks of the library (star, mark read), or null. */
  effect: Effect | null;
  /** The prompt at the bottom (pipe to, save as, overwrite?), or null. */
  prompt: PromptState | null;
  /** The article's links listed over the body, or null. */
  links: LinksState | null;
  /** What the last action asks of programs and files outside the reader, or null. */
  outside: OutsideRequest | null;
  /** The sources pane is on (shown beside the list where there is room). */
  sourcesShown: boolean;
  /** The pane's rows: All, then the sources grouped by tag (see sources.ts). */
  sources: readonly SourceRow[];
  /** Index of the selected row of the pane, and of its first row on screen. */
  sourceSelected: number;
  sourceTop: number;
  /** The list shows only this source's articles (its library root), or every one. */
  source: { root: string; name: string } | null;
}

export type SearchSort = 'relevance' | SortOrder;

export interface SearchHistory {
  /** Queries searched, the latest first. */
  queries: readonly string[];
  /** Where Up/Down stand: -1 is the query being typed. */
  index: number;
  /** What was being typed before Up, to come back to with Down. */
  draft: string;
}

/**
 * Work outside the reader that an action asks for, carried out after the reducer step:
 * open the selected article (browser or pager), edit it, list its links, ask where to save
 * it, open a link, pipe it to a command, save it.
 */
export type OutsideRequest =
  | { kind: 'view' }
  | { kind: 'edit' }
  | { kind: 'links' }
  | { kind: 'askSave' }
  | { kind: 'open'; url: string }
  | { kind: 'pipe'; command: string }
  | { kind: 'save'; file: string; overwrite: boolean };

/** The selected article as the library has it now, handed in with commands. */
export interface SelectedItem {
  /** The row's key in the library (where to find it again in another view). */
  key: string;
  id: string;
  read: boolean;
  starred: boolean;
}

/** A change to the library that a command asks for, carried out after the reducer step. */
export interface MarkEffect {
  kind: 'mark';
  id: string;
  patch: { read?: boolean; starred?: boolean };
}

/**
 * What a reducer step leaves for the App to do: a mark, marking the whole view read (the
 * App then sends `markedAll` with the ids, for undo), putting back what that marked, or
 * finding where the selected article went in a new view (the App then sends `select`).
 */
export type Effect =
  | MarkEffect
  | { kind: 'markAllRead' }
  | { kind: 'setRead'; ids: readonly string[]; read: boolean }
  | { kind: 'follow'; key: string }
  | { kind: 'rememberSearch'; query: string };

/** What the screen knows about the article on display, handed in with commands. */
export interface ArticleMetrics {
  /** Wrapped lines of the article at the current width. */
  lines: number;
  /** Line of each search match, in order. */
  matchLines: readonly number[];
}

export type Action =
  | {
      type: 'command';
      command: Command;
      /** The selected article's layout, as the state before this command shows it. */
      article?: ArticleMetrics;
      /** The selected article's marks, as the library has them before this command. */
      item?: SelectedItem | null;
      /**
       * For `J`/`K` and Space at an article's end: the row of the next (or previous)
       * unread article in the list as the state before this command shows it, or null.
       */
      unread?: number | null;
      /** For commands that start a view (`u`): the time now, in epoch ms. */
      now?: number;
      /** For `A`: how many unread articles the view holds. */
      unreadCount?: number;
    }
  /** A new library view: its length, and the row to select (where the selected article went). */
  | { type: 'view'; count: number; index: number }
  /** Mark-all was done: these ids were marked read, `count` articles in all. */
  | { type: 'markedAll'; ids: readonly string[]; count: number }
  /** Up (1) or Down (-1) in the search field's history. */
  | { type: 'historyStep'; step: 1 | -1 }
  | { type: 'resize'; width: number; height: number }
  /** `selected`: where the selected article now is, so that it stays selected. */
  | { type: 'libraryChanged'; count: number; selected?: number }
  | { type: 'sourcesChanged'; rows: readonly SourceRow[] }
  | { type: 'searchInput'; query: string; cursor?: number }
  | { type: 'searchResult'; seq: number; outcome: SearchOutcome }
  /** A later page of the shown outcome's hits (outcome.offset says where it goes). */
  | { type: 'searchPage'; seq: number; outcome: SearchOutcome }
  /** Ask the active query again (the library changed under it). */
  | { type: 'searchRerun' }
  | { type: 'searchSubmit' }
  | { type: 'searchCancel' }
  /** A left click at a cell of the screen (see mouse.ts). */
  | { type: 'click'; x: number; y: number }
  /** A one-line message for the status bar (what a program outside the reader did). */
  | { type: 'notice'; text: string }
  | PromptAction
  | LinksAction;
