/**
 * What the reader shows for a state, read from the library and from the search hits the
 * state holds: the rows on screen, the selected article, its marks as the library has them
 * now, and its layout. The key handler asks it about the state the previous key left, the
 * render about the state on screen: one answer for both, so no key acts on a stale frame.
 */
import type { Article } from '../article/types.js';
import type { ArticleSummary, Library, LibraryChange } from '../library/library.js';
import type { SearchOutcome } from '../search/searcher.js';
import { hitAt } from '../state/hits.js';
import { layoutOf } from '../state/layout.js';
import { libraryView } from '../state/view.js';
import type { AppState, ArticleMetrics, SelectedItem } from '../state/types.js';
import { type ArticleLayout, ArticleLayoutCache } from '../terminal/article-layout.js';

const EMPTY_LAYOUT: ArticleLayout = { lines: [], matchLines: [] };

export class ReaderSource {
  /**
   * The library rows last read: a screenful either side of the rows asked for, so a list
   * scrolled a row at a time asks the library once a screenful, not once a key.
   */
  private window: { view: string; start: number; rows: ArticleSummary[] } | null = null;
  /**
   * The rows of the last window read, by key. A row read again that has not changed is
   * handed out as the same object, so the list draws again only the rows that changed.
   */
  private lastRows = new Map<string, ArticleSummary>();
  private loaded: { key: string; article: Article | null } | null = null;
  private readonly layouts = new ArticleLayoutCache();
  /**
   * Search hits with the library's marks, by hit: each frame hands the list the same row
   * objects, so rows that did not change are not drawn again and their marks not read again.
   */
  private markedHits = new WeakMap<ArticleSummary, ArticleSummary>();

  constructor(private readonly library: Library) {}

  /** Forget what was read before the library changed. */
  changed(change: LibraryChange): void {
    this.window = null;
    this.markedHits = new WeakMap();
    // An article changed in place keeps its row (a file edited, a feed entry corrected):
    // what was read and laid out for that row is stale.
    if (change === 'articles') {
      this.loaded = null;
      this.layouts.clear();
    }
  }

  /**
   * Rows `top` .. `top + count - 1` of the list as `state` shows it, with the marks the
   * library has now; null for search hits whose page has not come yet.
   */
  rows(state: AppState, top: number, count: number): (ArticleSummary | null)[] {
    const { search } = state;
    if (search.outcome === null) return this.libraryRows(state, top, count);
    const end = Math.min(top + count, search.outcome.total);
    const rows: (ArticleSummary | null)[] = [];
    for (let i = top; i < end; i++) {
      // Hits carry the marks from when they were found; the library knows the latest.
      const hit = hitAt(search, i);
      rows.push(hit === null ? null : this.withMarks(hit));
    }
    return rows;
  }

  private withMarks(hit: ArticleSummary): ArticleSummary {
    let marked = this.markedHits.get(hit);
    if (marked === undefined) {
      marked = { ...hit, ...marksOf(this.library, hit.id) };
      this.markedHits.set(hit, marked);
    }
    return marked;
  }

  private libraryRows(state: AppState, top: number, count: number): ArticleSummary[] {
    if (state.libraryCount === 0 || count <= 0) return [];
    const view = libraryView(state);
    const key = JSON.stringify(view);
    const end = Math.min(top + count, state.libraryCount);
    const window = this.window;
    if (window !== null && window.view === key && top >= window.start && end <= window.start + window.rows.length) {
      return window.rows.slice(top - window.start, end - window.start);
    }
    const start = Math.max(0, top - count);
    const rows = this.library.page(view, start, top - start + 2 * count).map((row) => this.sameRow(row));
    this.window = { view: key, start, rows };
    this.lastRows = new Map(rows.map((row) => [row.key, row]));
    return rows.slice(top - start, top - start + count);
  }

  /** The row as last read when nothing in it has changed, else the row. */
  private sameRow(row: ArticleSummary): ArticleSummary {
    const last = this.lastRows.get(row.key);
    return last !== undefined && sameSummary(last, row) ? last : row;
  }

  /** The selected row, or null when there is none (or its page of hits is still coming). */
  selected(state: AppState): ArticleSummary | null {
    const index = state.selected;
    if (state.search.outcome !== null) return hitAt(state.search, index);
    if (state.libraryCount === 0) return null;
    const window = this.window;
    const view = libraryView(state);
    if (window !== null && window.view === JSON.stringify(view) && index >= window.start && index < window.start + window.rows.length) {
      return window.rows[index - window.start] ?? null;
    }
    return this.library.page(view, index, 1)[0] ?? null;
  }

  /**
   * The row of the nearest unread article after (`step` 1) or before (-1) the selection,
   * or null. In search results, among the hits come so far: when the hits run out before
   * an unread one, the first row of the next page not come yet (moving there asks for it).
   */
  findUnread(state: AppState, step: 1 | -1): number | null {
    const { search } = state;
    if (search.outcome === null) return this.library.findUnread(libraryView(state), state.selected, step);
    for (let i = state.selected + step; i >= 0 && i < search.outcome.total; i += step) {
      const hit = hitAt(search, i);
      if (hit === null) return i;
      if (!this.withMarks(hit).read) return i;
    }
    return null;
  }

  /** The selected article's marks, read from the library now. */
  item(state: AppState): SelectedItem | null {
    const row = this.selected(state);
    return row === null ? null : { key: row.key, id: row.id, ...marksOf(this.library, row.id) };
  }

  article(row: Pick<ArticleSummary, 'key'> | null): Article | null {
    if (row === null) return null;
    if (this.loaded?.key !== row.key) this.loaded = { key: row.key, article: this.library.article(row.key) };
    return this.loaded.article;
  }

  /** The selected article laid out at the pane's width, with the search's matches. */
  layout(state: AppState): ArticleLayout {
    return this.layoutOfKey(this.selected(state)?.key ?? null, state);
  }

  /**
   * The article `key` (the selected one, or one shown a moment ago) laid out as `layout`
   * does, with the matches of `outcome` (by default the search `state` shows).
   */
  layoutOfKey(key: string | null, state: AppState, outcome: SearchOutcome | null = state.search.outcome): ArticleLayout {
    const width = layoutOf(state).articleWidth;
    const article = key === null ? null : this.article({ key });
    if (key === null || article === null || width <= 0) return EMPTY_LAYOUT;
    return this.layouts.get(key, article, width, outcome?.query ?? '', outcome?.highlight ?? null);
  }

  metrics(state: AppState): ArticleMetrics {
    const { lines, matchLines } = this.layout(state);
    return { lines: lines.length, matchLines };
  }
}

/** Whether two reads of a row say the same in every field. */
function sameSummary(a: ArticleSummary, b: ArticleSummary): boolean {
  const fields = Object.keys(a) as (keyof ArticleSummary)[];
  return fields.length === Object.keys(b).length && fields.every((field) => a[field] === b[field]);
}

function marksOf(library: Library, id: string): { read: boolean; starred: boolean } {
  const { read, starred } = library.state(id);
  return { read, starred };
}
