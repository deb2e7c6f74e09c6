/** The reader's state and the actions that change it; see reducer.ts. */
import type { Command } from '../keys/keymap.js';
import type { SortOrder } from '../library/library.js';
import type { SearchOutcome } from '../search/searcher.js';

export type Pane = 'list' | 'article';

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
  /** The newest good outcome: while set, the list shows its hits instead of the library. */
  outcome: SearchOutcome | null;
  /** Why the newest query could not run; the last good outcome stays on screen. */
  error: string | null;
  before: SavedPlace | null;
  /**
   * The selection when the query was submitted before its outcome came: list keys pressed
   * in between move from the top of the coming hits, not from where the list was.
   */
  submittedFrom: number | null;
}

export interface AppState {
  size: Size;
  focus: Pane;
  /** Full-width article at any width. */
  zoom: boolean;
  help: boolean;
  helpScroll: number;
  sort: SortOrder;
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
  /** Bumped to force a full redraw (after a resume from suspension). */
  frame: number;
}

/** What the screen knows about the article on display, handed in with commands. */
export interface ArticleMetrics {
  /** Wrapped lines of the article at the current width. */
  lines: number;
  /** Line of each search match, in order. */
  matchLines: readonly number[];
}

export type Action =
  | { type: 'command'; command: Command; article?: ArticleMetrics }
  | { type: 'resize'; width: number; height: number }
  | { type: 'libraryChanged'; count: number }
  | { type: 'searchInput'; query: string; cursor?: number }
  | { type: 'searchResult'; seq: number; outcome: SearchOutcome }
  | { type: 'searchSubmit' }
  | { type: 'searchCancel' }
  | { type: 'notice'; text: string | null }
  | { type: 'redraw' };
