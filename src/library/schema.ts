/**
 * The parts of the store's schema that search reads as well as the store: the columns of
 * one headline-list row (articles `a` joined to user_state `u`) and how a row becomes an
 * ArticleSummary, and which rows belong to a set of library roots. Search compiles its
 * own SQL against the same tables, so both take these from here rather than from the
 * store's internals.
 */
import type { ArticleSummary, SortOrder } from './library.js';

export const SUMMARY_COLUMNS = `a.rowid AS key, a.id AS id, a.path AS path, a.section AS section,
  a.headline AS headline, a.date AS date, a.source AS source, a.words AS words,
  coalesce(u.read, 0) AS read, coalesce(u.starred, 0) AS starred`;

/** How a view is ordered, on articles `a`. */
export const ORDER_BY: Record<SortOrder, string> = {
  // Matches the index articles_by_date (sort_date DESC, path): the date, or for an
  // undated article its file's modification time.
  newest: 'a.sort_date DESC, a.path',
  // The exact reverse, so the same index is walked backwards.
  oldest: 'a.sort_date, a.path DESC',
  headline: 'a.headline COLLATE NOCASE, a.path',
};

/** An ArticleSummary as SQLite returns it: the rowid as a number, flags as 0 or 1. */
export type SummaryRow = Omit<ArticleSummary, 'key' | 'read' | 'starred'> & { key: number; read: number; starred: number };

export function toSummary(row: SummaryRow): ArticleSummary {
  return {
    key: String(row.key),
    id: row.id,
    path: row.path,
    section: row.section,
    headline: row.headline,
    date: row.date,
    source: row.source,
    words: row.words,
    read: row.read === 1,
    starred: row.starred === 1,
  };
}

/**
 * Which rows belong to a set of library roots. A root is a folder or a file named on the
 * command line, made absolute. A row belongs when its path is the root itself or lies
 * below it: `root/` <= path < `root0` ('0' follows '/' in code order), a range the UNIQUE
 * index on path answers without a scan. A feed file's entries are `FILE#ID`, the range
 * `root#` < path < `root$`, so a feed named on the command line is a root too.
 */
export interface RootFilter {
  sql: string;
  params: string[];
}

export function rootFilter(roots: readonly string[], column: string): RootFilter {
  if (roots.length === 0) return { sql: '1', params: [] };
  const parts: string[] = [];
  const params: string[] = [];
  for (const root of roots) {
    const base = root.endsWith('/') ? root.slice(0, -1) : root;
    parts.push(`${column} = ? OR (${column} > ? AND ${column} < ?) OR (${column} > ? AND ${column} < ?)`);
    params.push(base, `${base}/`, `${base}0`, `${base}#`, `${base}$`);
  }
  return { sql: parts.map((p) => `(${p})`).join(' OR '), params };
}
