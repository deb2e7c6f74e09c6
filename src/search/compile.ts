/**
 * Query AST -> SQL against the shared schema (articles, articles_fts, user_state).
 *
 * User text reaches FTS5 only as double-quoted strings built here from normalised words
 * (letters and digits only), so nothing a user types can become FTS5 syntax. Everything
 * else is a bound parameter.
 */
import type { QueryAst, Term } from './query.js';

/**
 * BM25 column weights, in the FTS table's column order: headline, standfirst, body,
 * source, section. A headline match outweighs a standfirst match outweighs a body match.
 */
export const BM25_WEIGHTS = [10, 4, 1, 2, 2] as const;
const BM25 = `bm25(articles_fts, ${BM25_WEIGHTS.join(', ')})`;

export interface CompiledQuery {
  /** Ranked rows: rowid, id, path, section, headline, date, source, words, read, starred, score. */
  sql: string;
  params: (string | number)[];
  /** One row with `total`: how many articles match in all. */
  countSql: string;
  countParams: (string | number)[];
}

/** An FTS5 string literal: the one place user text enters an FTS5 expression. */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

export function ftsTerm(term: Term): string {
  const phrase = `${ftsString(term.words.join(' '))}${term.prefix ? ' *' : ''}`;
  return term.field === null ? phrase : `${term.field} : ${phrase}`;
}

/** The FTS5 expression for the positive groups, or null when there are none. */
export function ftsPositive(query: QueryAst): string | null {
  if (query.all.length === 0) return null;
  return query.all
    .map((group) => (group.length === 1 ? ftsTerm(group[0] as Term) : `(${group.map(ftsTerm).join(' OR ')})`))
    .join(' AND ');
}

function ftsAny(terms: Term[]): string {
  return terms.length === 1 ? ftsTerm(terms[0] as Term) : `(${terms.map(ftsTerm).join(' OR ')})`;
}

const COLUMNS = `a.rowid AS rowid, a.id AS id, a.path AS path, a.section AS section, a.headline AS headline,
  a.date AS date, a.source AS source, a.words AS words,
  coalesce(u.read, 0) AS read, coalesce(u.starred, 0) AS starred`;

export interface CompileOptions {
  /**
   * Rank only the articles whose headline matches the positive terms. For a query matching
   * most of a large library, BM25 over every match costs tens of milliseconds a keystroke
   * and its scores are nearly all equal anyway; headline matches are what it would put
   * first (the headline weighs most).
   */
  headlineOnly?: boolean;
  /**
   * Rank only the most recently added matches, this many (by rowid, which grows as the
   * store adds articles). Bounds the cost of ranking a query that matches most of a large
   * library; used without date or state filters only.
   */
  window?: number;
}

/** The best rowids by BM25, among all matches or among the newest `window` of them. */
function rankedRows(window: number | undefined): string {
  if (window === undefined) return `SELECT rowid, ${BM25} AS rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`;
  const newest = `SELECT rowid, ${BM25} AS rank FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ${Math.floor(window)}`;
  return `SELECT rowid, rank FROM (${newest}) ORDER BY rank LIMIT ?`;
}

/** Compile a non-empty query; `limit` bounds the ranked rows. */
export function compileQuery(query: QueryAst, limit: number, options: CompileOptions = {}): CompiledQuery {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const allPositive = ftsPositive(query);
  const positive = allPositive !== null && options.headlineOnly ? `{headline} : (${allPositive})` : allPositive;
  let needsUserState = false;
  if (query.after !== null) {
    where.push('a.date >= ?');
    params.push(query.after);
  }
  if (query.before !== null) {
    where.push('a.date < ?');
    params.push(query.before);
  }
  if (query.read !== null) {
    where.push(`coalesce(u.read, 0) = ${query.read ? 1 : 0}`);
    needsUserState = true;
  }
  if (query.starred !== null) {
    where.push(`coalesce(u.starred, 0) = ${query.starred ? 1 : 0}`);
    needsUserState = true;
  }

  if (positive !== null) {
    // Exclusions ride inside the MATCH expression: FTS5 evaluates NOT on its doclists.
    const match = query.exclude.length > 0 ? `(${positive}) NOT ${ftsAny(query.exclude)}` : positive;
    const filters = where.length > 0 ? ` AND ${where.join(' AND ')}` : '';
    // Without filters, rank inside FTS5 and join only the rows kept: joining every match
    // before sorting costs more than the ranking itself.
    const sql =
      where.length === 0
        ? `SELECT ${COLUMNS}, -r.rank AS score
FROM (${rankedRows(options.window)}) r
CROSS JOIN articles a ON a.rowid = r.rowid
LEFT JOIN user_state u ON u.id = a.id
ORDER BY r.rank, a.date DESC, a.path`
        : `SELECT ${COLUMNS}, -${BM25} AS score
FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid
LEFT JOIN user_state u ON u.id = a.id
WHERE articles_fts MATCH ?${filters}
ORDER BY ${BM25}, a.date DESC, a.path
LIMIT ?`;
    // Counting needs the joins only when a filter reads them.
    const countSql =
      where.length === 0
        ? 'SELECT count(*) AS total FROM articles_fts WHERE articles_fts MATCH ?'
        : `SELECT count(*) AS total FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid
${needsUserState ? 'LEFT JOIN user_state u ON u.id = a.id' : ''}
WHERE articles_fts MATCH ?${filters}`;
    const rankParams = where.length === 0 ? [match, limit] : [match, ...params, limit];
    return { sql, params: rankParams, countSql, countParams: [match, ...params] };
  }

  // Only filters (and perhaps exclusions): newest first, as the unsearched list is.
  if (query.exclude.length > 0) {
    where.push('a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    params.push(ftsAny(query.exclude));
  }
  const filters = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const sql = `SELECT ${COLUMNS}, 0 AS score
FROM articles a LEFT JOIN user_state u ON u.id = a.id
${filters}
ORDER BY a.date DESC, a.path
LIMIT ?`;
  const countSql = `SELECT count(*) AS total FROM articles a LEFT JOIN user_state u ON u.id = a.id ${filters}`;
  return { sql, params: [...params, limit], countSql, countParams: params };
}
