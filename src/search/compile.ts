/**
 * Query AST -> SQL against the shared schema (articles, articles_fts, user_state).
 *
 * User text reaches FTS5 only as double-quoted strings built here from normalised words
 * (letters and digits only), so nothing a user types can become FTS5 syntax. Everything
 * else is a bound parameter.
 */
import type { QueryAst, Term } from './query.js';
import { ORDER_BY, rootFilter, SUMMARY_COLUMNS } from '../library/schema.js';
import { cjkPairs, isCjkWord } from '../library/index-text.js';

/**
 * BM25 column weights, in the FTS table's column order: headline, standfirst, body,
 * source, section, and the CJK character pairs of the headline and of the text. A
 * headline match outweighs a standfirst match outweighs a body match.
 */
export const BM25_WEIGHTS = [10, 4, 1, 2, 2, 10, 1] as const;
const BM25 = `bm25(articles_fts, ${BM25_WEIGHTS.join(', ')})`;

export interface CompiledQuery {
  /** Ranked rows: key (the rowid), id, path, section, headline, date, source, words, read, starred, score. */
  sql: string;
  params: (string | number)[];
  /** One row with `total`: how many articles match in all. */
  countSql: string;
  countParams: (string | number)[];
  /** As countSql, but stops counting at a number given as the last parameter. */
  cappedCountSql: string;
}

/** Count the rows of `from` (a FROM … WHERE clause), and the same stopping at a cap. */
function counts(from: string): Pick<CompiledQuery, 'countSql' | 'cappedCountSql'> {
  return { countSql: `SELECT count(*) AS total ${from}`, cappedCountSql: `SELECT count(*) AS total FROM (SELECT 1 ${from} LIMIT ?)` };
}

/** An FTS5 string literal: the one place user text enters an FTS5 expression. */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The columns a CJK word is looked for in: its field's pair column, or both. */
function cjkColumns(field: Term['field']): string | null {
  if (field === null) return '{cjk_headline cjk_text}';
  return field === 'headline' ? 'cjk_headline' : null;
}

export function ftsTerm(term: Term): string {
  const cjk = cjkColumns(term.field);
  if (cjk !== null && term.words.some(isCjkWord)) {
    // CJK words are found by their character pairs (index-text.ts); the words of a phrase
    // with CJK in it must all be there, not necessarily next to each other.
    const parts = term.words.map((word) =>
      isCjkWord(word) ? `${cjk} : ${ftsString(cjkPairs(word).join(' '))}` : ftsTerm({ words: [word], field: term.field, prefix: false }),
    );
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
  }
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

/** True when some positive word is searched by its CJK pairs. */
function hasCjk(query: QueryAst): boolean {
  return query.all.some((group) => group.some((term) => term.words.some(isCjkWord)));
}


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
   * library.
   */
  window?: number;
  /**
   * Only articles under these library roots (absolute paths, as the store keeps them).
   * Empty or absent: the whole database.
   */
  roots?: readonly string[];
  /**
   * Instead of the ranked rows: the matches that ranking with `window` (and `headlineOnly`)
   * leaves out, newest first, so that every match of a broad query can still be paged to.
   */
  outsideWindow?: boolean;
  /**
   * The library roots whose source name (src/library/sources.ts) a `source:` term names.
   * Given, a `source:` term finds an article by where it comes from as well as by its own
   * source line; absent, by its source line alone.
   */
  sourceRoots?: (term: Term) => readonly string[];
}

/** A query with its `source:` groups and exclusions taken out, to be applied as filters. */
interface SourceSplit {
  query: QueryAst;
  groups: Term[][];
  exclude: Term[];
}

/**
 * Groups made only of `source:` terms, and excluded `source:` terms, leave the FTS5
 * expression: each becomes a condition on the article (its source line matches, or it lies
 * under a source so named). A group mixing `source:` with other terms stays in FTS5.
 */
function splitSources(query: QueryAst, resolve: CompileOptions['sourceRoots']): SourceSplit {
  if (resolve === undefined) return { query, groups: [], exclude: [] };
  const isSource = (term: Term): boolean => term.field === 'source';
  const groups = query.all.filter((group) => group.every(isSource));
  const exclude = query.exclude.filter(isSource);
  if (groups.length === 0 && exclude.length === 0) return { query, groups, exclude };
  const rest = { ...query, all: query.all.filter((group) => !group.every(isSource)), exclude: query.exclude.filter((t) => !isSource(t)) };
  return { query: rest, groups, exclude };
}

/** The conditions on `rowid` for the `source:` groups and exclusions taken out of a query. */
function sourceConditions(split: SourceSplit, rowid: string, resolve: CompileOptions['sourceRoots']): { sql: string[]; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  const condition = (term: Term): string => {
    params.push(ftsTerm(term));
    const byLine = `+${rowid} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`;
    const roots = resolve?.(term) ?? [];
    if (roots.length === 0) return byLine;
    const under = rootFilter(roots, 'path');
    params.push(...under.params);
    return `${byLine} OR +${rowid} IN (SELECT rowid FROM articles WHERE ${under.sql})`;
  };
  for (const group of split.groups) sql.push(`(${group.map((term) => `(${condition(term)})`).join(' OR ')})`);
  for (const term of split.exclude) sql.push(`NOT (${condition(term)})`);
  return { sql, params };
}

/**
 * Filters as conditions on an article rowid, so that they apply inside the FTS5 query (no
 * join per match) and, without a text query, on the date index alone (no table row read).
 * A state filter maps user_state's ids to rowids; an index on articles(id) makes that cheap.
 */
function rowidFilters(
  query: QueryAst,
  rowid: string,
  dateColumn: string | null,
  roots: readonly string[] = [],
): { sql: string[]; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  if (roots.length > 0) {
    const under = rootFilter(roots, 'path');
    sql.push(dateColumn === null ? `+${rowid} IN (SELECT rowid FROM articles WHERE ${under.sql})` : `(${rootFilter(roots, 'a.path').sql})`);
    params.push(...under.params);
  }
  const dates: string[] = [];
  if (query.after !== null) {
    dates.push('date >= ?');
    params.push(query.after);
  }
  if (query.before !== null) {
    dates.push('date < ?');
    params.push(query.before);
  }
  if (dates.length > 0) {
    // `+` keeps SQLite from turning the IN into one FTS5 lookup per article.
    if (dateColumn === null) sql.push(`+${rowid} IN (SELECT rowid FROM articles WHERE ${dates.join(' AND ')})`);
    else sql.push(...dates.map((d) => d.replace('date', dateColumn)));
  }
  for (const [column, wanted] of [
    ['read', query.read],
    ['starred', query.starred],
  ] as const) {
    if (wanted === null) continue;
    const marked = `SELECT rowid FROM articles WHERE id IN (SELECT id FROM user_state WHERE ${column} = 1)`;
    sql.push(`+${rowid} ${wanted ? 'IN' : 'NOT IN'} (${marked})`);
  }
  return { sql, params };
}

/** The best rowids by BM25, among all matches or among the newest `window` of them. */
function rankedRows(filters: string, window: number | undefined): string {
  const from = `FROM articles_fts WHERE articles_fts MATCH ?${filters}`;
  if (window === undefined) return `SELECT rowid, ${BM25} AS rank ${from} ORDER BY rank LIMIT ? OFFSET ?`;
  const newest = `SELECT rowid, ${BM25} AS rank ${from} ORDER BY rowid DESC LIMIT ${Math.floor(window)}`;
  return `SELECT rowid, rank FROM (${newest}) ORDER BY rank LIMIT ? OFFSET ?`;
}

/** Compile a non-empty query; `limit` bounds the ranked rows, from the `offset`th on. */
export function compileQuery(fullQuery: QueryAst, limit: number, options: CompileOptions = {}, offset = 0): CompiledQuery {
  const split = splitSources(fullQuery, options.sourceRoots);
  const query = split.query;
  const withSources = (filters: { sql: string[]; params: string[] }, rowid: string): { sql: string[]; params: string[] } => {
    const sources = sourceConditions(split, rowid, options.sourceRoots);
    return { sql: [...filters.sql, ...sources.sql], params: [...filters.params, ...sources.params] };
  };
  const allPositive = ftsPositive(query);
  const headlineColumns = hasCjk(query) ? '{headline cjk_headline}' : '{headline}';
  const positive = allPositive !== null && options.headlineOnly ? `${headlineColumns} : (${allPositive})` : allPositive;

  if (positive !== null) {
    // Exclusions ride inside the MATCH expression: FTS5 evaluates NOT on its doclists.
    const match = query.exclude.length > 0 ? `(${positive}) NOT ${ftsAny(query.exclude)}` : positive;
    const filters = withSources(rowidFilters(query, 'articles_fts.rowid', null, options.roots), 'articles_fts.rowid');
    const and = filters.sql.map((f) => ` AND ${f}`).join('');
    // Rank inside FTS5 and join only the rows kept: joining every match before sorting
    // costs more than the ranking itself.
    if (options.outsideWindow && options.window !== undefined) {
      const fullMatch = query.exclude.length > 0 ? `(${allPositive}) NOT ${ftsAny(query.exclude)}` : (allPositive as string);
      const ranked = `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?${and} ORDER BY rowid DESC LIMIT ${Math.floor(options.window)}`;
      const sql = `SELECT ${SUMMARY_COLUMNS}, 0 AS score
FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?${and} AND +rowid NOT IN (${ranked}) ORDER BY rowid DESC LIMIT ? OFFSET ?) r
CROSS JOIN articles a ON a.rowid = r.rowid
LEFT JOIN user_state u ON u.id = a.id
ORDER BY a.rowid DESC`;
      const params = [fullMatch, ...filters.params, match, ...filters.params, limit, offset];
      return { sql, params, ...counts(`FROM articles_fts WHERE articles_fts MATCH ?${and}`), countParams: [fullMatch, ...filters.params] };
    }
    if (query.sort !== null) {
      // In the library's order instead of by relevance: every match is sorted.
      const sql = `SELECT ${SUMMARY_COLUMNS}, 0 AS score
FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?${and}) r
CROSS JOIN articles a ON a.rowid = r.rowid
LEFT JOIN user_state u ON u.id = a.id
ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`;
      return { sql, params: [match, ...filters.params, limit, offset], ...counts(`FROM articles_fts WHERE articles_fts MATCH ?${and}`), countParams: [match, ...filters.params] };
    }
    const sql = `SELECT ${SUMMARY_COLUMNS}, -r.rank AS score
FROM (${rankedRows(and, options.window)}) r
CROSS JOIN articles a ON a.rowid = r.rowid
LEFT JOIN user_state u ON u.id = a.id
ORDER BY r.rank, a.sort_date DESC, a.path`;
    return { sql, params: [match, ...filters.params, limit, offset], ...counts(`FROM articles_fts WHERE articles_fts MATCH ?${and}`), countParams: [match, ...filters.params] };
  }

  // Only filters (and perhaps exclusions).
  const filters = withSources(rowidFilters(query, 'a.rowid', 'a.date', options.roots), 'a.rowid');
  const where = [...filters.sql];
  const params: (string | number)[] = [...filters.params];
  if (query.exclude.length > 0) {
    where.push('+a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
    params.push(ftsAny(query.exclude));
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // Newest first, as the unsearched list is, unless the query says otherwise.
  const order = ORDER_BY[query.sort ?? 'newest'];
  const sql = `SELECT ${SUMMARY_COLUMNS}, 0 AS score
FROM (SELECT rowid FROM articles a ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?) r
CROSS JOIN articles a ON a.rowid = r.rowid
LEFT JOIN user_state u ON u.id = a.id
ORDER BY ${order}`;
  return { sql, params: [...params, limit, offset], ...counts(`FROM articles a ${whereSql}`), countParams: params };
}
