/**
 * The reader's memory in the library database (tables from migration step 10): the last
 * view by the library's roots, and the search history. Nothing here may stop the reader:
 * a read that fails remembers nothing, a write that fails (a read-only or busy database)
 * is dropped.
 */
import type Database from 'better-sqlite3';
import { SORT_ORDERS, type SortOrder } from '../library.js';
import { SEARCH_HISTORY_SIZE, type ReaderMemory, type SavedView } from '../reader-memory.js';

export class StoreMemory implements ReaderMemory {
  private readonly roots: string;

  constructor(
    private readonly db: Database.Database,
    roots: readonly string[],
  ) {
    this.roots = JSON.stringify([...roots].sort());
  }

  lastView(): SavedView | null {
    const row = this.quietly(() => this.db.prepare('SELECT view FROM reader_views WHERE roots = ?').get(this.roots) as { view: string } | undefined);
    if (row === undefined || row === null) return null;
    try {
      return savedView(JSON.parse(row.view));
    } catch {
      return null;
    }
  }

  saveView(view: SavedView): void {
    this.quietly(() =>
      this.db
        .prepare('INSERT INTO reader_views (roots, view, saved_at) VALUES (?, ?, ?) ON CONFLICT (roots) DO UPDATE SET view = excluded.view, saved_at = excluded.saved_at')
        .run(this.roots, JSON.stringify(view), Date.now()),
    );
  }

  searches(): string[] {
    const rows = this.quietly(() => this.db.prepare('SELECT query FROM search_history ORDER BY used DESC LIMIT ?').all(SEARCH_HISTORY_SIZE) as { query: string }[]);
    return (rows ?? []).map((r) => r.query);
  }

  rememberSearch(query: string): void {
    const trimmed = query.trim();
    if (trimmed === '') return;
    this.quietly(() =>
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO search_history (query, used) VALUES (?, (SELECT coalesce(max(used), 0) + 1 FROM search_history))
             ON CONFLICT (query) DO UPDATE SET used = excluded.used`,
          )
          .run(trimmed);
        this.db
          .prepare('DELETE FROM search_history WHERE query NOT IN (SELECT query FROM search_history ORDER BY used DESC LIMIT ?)')
          .run(SEARCH_HISTORY_SIZE);
      })(),
    );
  }

  private quietly<T>(work: () => T): T | null {
    try {
      return this.db.open ? work() : null;
    } catch {
      return null;
    }
  }
}

/** A saved view as stored, checked field by field: a bad row is no view. */
function savedView(value: unknown): SavedView | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!SORT_ORDERS.includes(v.sort as SortOrder)) return null;
  const count = (n: unknown): number => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0);
  return {
    sort: v.sort as SortOrder,
    unreadOnly: v.unreadOnly === true,
    starredOnly: v.starredOnly === true,
    selectedKey: typeof v.selectedKey === 'string' ? v.selectedKey : null,
    selected: count(v.selected),
    top: count(v.top),
  };
}
