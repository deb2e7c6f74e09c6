/**
 * One row of the headline list as SQL selects it (articles `a` joined to user_state `u`),
 * shared by the library's pages and search hits so both read the same columns the same way.
 */
import type { ArticleSummary } from './library.js';

export const SUMMARY_COLUMNS = `a.rowid AS key, a.id AS id, a.path AS path, a.section AS section,
  a.headline AS headline, a.date AS date, a.source AS source, a.words AS words,
  coalesce(u.read, 0) AS read, coalesce(u.starred, 0) AS starred`;

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
