/**
 * What the reader remembers between runs, kept in the library database: the last view of
 * each library (sort, filters, where the selection was) and the queries searched, so that
 * reopening puts the reader back where it was and Up in the search field brings back what
 * was asked before.
 */
import type { SortOrder } from './library.js';

export interface SavedView {
  sort: SortOrder;
  unreadOnly: boolean;
  starredOnly: boolean;
  /** The selected article's key and its row then; the key wins when the rows moved. */
  selectedKey: string | null;
  selected: number;
  top: number;
}

export interface ReaderMemory {
  /** The view saved last for this library, or null. */
  lastView(): SavedView | null;
  saveView(view: SavedView): void;
  /** Queries searched, the most recent first. */
  searches(): string[];
  /** Remember a query searched (it moves to the front if it was there). */
  rememberSearch(query: string): void;
}

/** How many queries the history keeps. */
export const SEARCH_HISTORY_SIZE = 100;
