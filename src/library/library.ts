/**
 * The Library API: what the reader and the CLI ask of a collection of articles. The
 * SQLite store implements it so that no caller ever holds every article in memory: callers
 * count and page through a view, fetch one article whole, and read or set user state.
 */
import type { Article } from '../article/types.js';

/** How a view is ordered: newest first is the default a newsreader opens with. */
export type SortOrder = 'newest' | 'oldest' | 'headline';

export const SORT_ORDERS: readonly SortOrder[] = ['newest', 'oldest', 'headline'];

/** Which articles a view shows. */
export interface LibraryView {
  sort: SortOrder;
  /** Only unread articles. */
  unreadOnly?: boolean;
  /** Only starred articles. */
  starredOnly?: boolean;
  /**
   * With `unreadOnly`: articles read at or after this time (epoch milliseconds) stay in
   * the view, so that reading an article in an unread view does not pull it, and the rows
   * after it, from under the reader. Absent: only articles unread now.
   */
  readSince?: number;
  /** Only the articles of this source (a library root, see `Library.sources`). */
  source?: string | null;
}

/** A source of articles as the sources pane shows it (see library/sources.ts). */
export interface SourceSummary {
  /** The library root: a feed URL, or an absolute path to a folder or file. */
  root: string;
  name: string;
  kind: 'feed' | 'folder' | 'file';
  tags: string[];
  unread: number;
  total: number;
  /** Why the last fetch of a subscribed feed failed, or null. */
  error: string | null;
  /** Whether the source is a subscription (so that `r` can fetch it). */
  subscribed: boolean;
}

/** How a background fetch of subscribed feeds goes: after each feed, and once at the end. */
export interface FetchProgress {
  done: number;
  total: number;
  /** The feed just done (its URL and whether it failed), or null before the first. */
  feed: { url: string; failed: boolean; added: number } | null;
  finished: boolean;
  /** Why the fetch as a whole could not run (the worker stopped), or null. */
  error: string | null;
}

/** A background fetch: cancelled when the reader closes. */
export interface FetchRun {
  cancel(): void;
}

/** Per-article user state, keyed by the article's stable id so it survives renames. */
export interface UserState {
  read: boolean;
  starred: boolean;
  /** Epoch milliseconds, or null. */
  readAt: number | null;
  starredAt: number | null;
}

/** One row of the headline list: enough to draw it without loading the article. */
export interface ArticleSummary {
  /**
   * Where the row is in this library database (the store's rowid, as text): unique within
   * the library, what `article()` takes. It changes when the library is rebuilt, so it is
   * never saved or compared across runs.
   */
  key: string;
  /**
   * The article's stable id (docs/FORMAT.md, "The article"): a hash of a text file's
   * blocks, or of a feed entry's guid or link within its feed. The same article has the
   * same id in any library, so read and starred state are kept by it and survive a rename
   * or a move. Two files with the same text share an id but not a key.
   */
  id: string;
  path: string;
  section: string | null;
  headline: string;
  date: string | null;
  source: string | null;
  words: number;
  read: boolean;
  starred: boolean;
}

/**
 * What changed: `marks` when only read/star state changed through this library; `articles`
 * when articles may have come, gone or changed (including any change made by another
 * process, which cannot tell the two apart cheaply).
 */
export type LibraryChange = 'articles' | 'marks';

export interface Library {
  count(view: LibraryView): number;
  /** Rows `offset` .. `offset + limit - 1` of the view. */
  page(view: LibraryView, offset: number, limit: number): ArticleSummary[];
  /** One article with its blocks, or null when it has gone. */
  article(key: string): Article | null;
  state(id: string): UserState;
  setState(id: string, patch: Partial<Pick<UserState, 'read' | 'starred'>>): void;
  /** Mark many articles read or unread at once (every search hit, an undo). */
  setRead(ids: readonly string[], read: boolean): void;
  /** Mark every unread article of the view read, in one step; the ids it marked, to undo. */
  markAllRead(view: LibraryView): string[];
  /**
   * The row of the nearest unread article after (`step` 1) or before (-1) row `from` of
   * the view, or null when there is none that way.
   */
  findUnread(view: LibraryView, from: number, step: 1 | -1): number | null;
  /**
   * Called after the library's contents or state change: a refresh found files, this
   * library set a mark, or another process wrote to the same store.
   */
  subscribe(listener: (change: LibraryChange) => void): () => void;
  /** The sources of the library's articles, with their counts; grouped by the caller. */
  sources?(): SourceSummary[];
  /** Where the article with this key is in the view, or -1 when it is not there. */
  position(view: LibraryView, key: string): number;
  /**
   * Fetch subscribed feeds (these URLs, or all when null) in the background, off the
   * caller's thread; subscribers hear of the new entries as each feed is stored.
   */
  fetchFeeds?(urls: readonly string[] | null, onProgress: (progress: FetchProgress) => void): FetchRun;
  close(): void;
}

/**
 * When an article counts as written, for ordering: its date, or for an undated article its
 * file's modification time (ISO 8601 in UTC, to the millisecond), so that a file added
 * later sorts as newer. The store keeps the same key as the column `sort_date`.
 */
export function sortDate(date: string | null, mtimeMs: number | undefined): string | null {
  if (date !== null) return date;
  // Whole milliseconds, truncated, as the store's CAST(mtime_ms AS INTEGER) does.
  return mtimeMs === undefined ? null : new Date(Math.trunc(mtimeMs)).toISOString();
}

/**
 * Articles ordered as `--json` and the default view print them: newest first by
 * sortDate, then path. Without a modification time an undated article sorts last.
 */
export function compareNewestFirst(
  a: Pick<Article, 'date' | 'path'> & { mtimeMs?: number },
  b: Pick<Article, 'date' | 'path'> & { mtimeMs?: number },
): number {
  const [ka, kb] = [sortDate(a.date, a.mtimeMs), sortDate(b.date, b.mtimeMs)];
  if (ka !== kb) {
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? 1 : -1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
