import type Database from 'better-sqlite3';

/**
 * About how many articles the database holds, at the cost of one index lookup: the largest
 * rowid (deleted rows still count). Enough to tell a small library from a large one.
 */
export function storedArticles(db: Database.Database): number {
  return (db.prepare('SELECT max(rowid) FROM articles').pluck().get() as number | null) ?? 0;
}
