/**
 * The query language, the same in the reader and on the command line:
 *
 *   words ANDed · "exact phrase" · -word excludes · a OR b · headline:, source:, section:
 *   restrict a word or phrase to that field · after:YYYY-MM-DD (on or after) ·
 *   before:YYYY-MM-DD (strictly before) · is:read, is:unread, is:starred ·
 *   sort:newest, sort:oldest, sort:headline (hits in that order instead of by relevance).
 *
 * A `*` right after a word makes it a prefix (`green*` finds greenspan), in the reader and on
 * the command line alike. Unknown fields (`foo:bar`) are searched as words. The reader
 * also matches the word being typed (the last one, until a space follows) as a prefix,
 * from its third letter; that is the only difference between the two. Parsing never
 * throws: a malformed query gives one short message.
 */
import { SORT_ORDERS, type SortOrder } from '../library/library.js';
import { foldText, words } from './normalize.js';

export type TextField = 'headline' | 'source' | 'section';

/** A word or phrase to look for, already normalised (folded case, no diacritics). */
export interface Term {
  /** One word, or several to be found next to each other in this order. */
  words: string[];
  /** Only in this field, or anywhere. */
  field: TextField | null;
  /** The last word matches any word it begins (`green*`, or the word being typed). */
  prefix: boolean;
}

export interface QueryAst {
  /** Every group must match; a group matches when any of its terms does (`a OR b`). */
  all: Term[][];
  /** No term here may match. */
  exclude: Term[];
  /** Inclusive lower bound on the article date, `YYYY-MM-DD`. */
  after: string | null;
  /** Exclusive upper bound on the article date, `YYYY-MM-DD`. */
  before: string | null;
  read: boolean | null;
  starred: boolean | null;
  /** Hits in this order rather than by relevance (null). */
  sort: SortOrder | null;
}

export type ParseResult = { ok: true; query: QueryAst } | { ok: false; error: string };

export interface ParseOptions {
  /** Treat the last word as a prefix unless the query ends in a space (interactive search). */
  prefixLast?: boolean;
}

/**
 * Shorter prefixes match so many words that they would make the query slow and useless:
 * the index has no two-letter prefix index (it cost a third of the write time of indexing,
 * src/library/store/migrations.ts), and two letters typed match most of a large library.
 */
export const MIN_PREFIX_LENGTH = 3;

const TEXT_FIELDS = new Set<string>(['headline', 'source', 'section']);
const FILTER_FIELDS = new Set<string>(['after', 'before', 'is', 'sort']);

interface Item {
  kind: 'or' | 'term';
  negated: boolean;
  field: string | null;
  value: string;
  quoted: boolean;
  /** The item runs to the very end of the input: the word being typed. */
  atEnd: boolean;
}

class QueryError extends Error {}

/** `*` directly after a letter or digit at the very end of a word or phrase. */
const PREFIX_STAR = /[\p{L}\p{N}\p{M}]\*$/u;

/**
 * Split an explicit prefix mark off a word or phrase: `green*` -> green, a prefix. A `*`
 * anywhere else (alone, inside a word, doubled) is a mistake worth saying, not punctuation
 * to drop silently: `green*` and `green` would otherwise look the same and differ.
 */
function splitPrefixMark(value: string): { text: string; prefix: boolean } {
  if (!value.includes('*')) return { text: value, prefix: false };
  if (value.indexOf('*') !== value.length - 1 || !PREFIX_STAR.test(value)) {
    throw new QueryError('* goes right after a word, as in green*');
  }
  return { text: value.slice(0, -1), prefix: true };
}

function lex(input: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);
  while (i < input.length) {
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (input[i] === '-' && i + 1 < input.length && !isSpace(input[i + 1])) {
      negated = true;
      i++;
    }
    let field: string | null = null;
    const fieldMatch = /^([A-Za-z]+):/.exec(input.slice(i));
    if (fieldMatch?.[1] !== undefined) {
      const name = fieldMatch[1].toLowerCase();
      if (TEXT_FIELDS.has(name) || FILTER_FIELDS.has(name)) {
        field = name;
        i += fieldMatch[0].length;
      }
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) throw new QueryError('missing closing quote (")');
      items.push({ kind: 'term', negated, field, value: input.slice(i + 1, close), quoted: true, atEnd: false });
      i = close + 1;
      continue;
    }
    const start = i;
    while (i < input.length && !isSpace(input[i]) && input[i] !== '"') i++;
    const value = input.slice(start, i);
    const isOr = value === 'OR' && !negated && field === null;
    items.push({ kind: isOr ? 'or' : 'term', negated, field, value, quoted: false, atEnd: i === input.length });
  }
  return items;
}

function validDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? value : null;
}

function applyFilter(query: QueryAst, item: Item): void {
  const field = item.field ?? '';
  if (field === 'is') {
    const value = item.value.toLowerCase();
    const yes = !item.negated;
    if (value === 'read') query.read = yes;
    else if (value === 'unread') query.read = !yes;
    else if (value === 'starred') query.starred = yes;
    else throw new QueryError('is: takes read, unread or starred');
    return;
  }
  if (field === 'sort') {
    const value = item.value.toLowerCase();
    if (item.negated) throw new QueryError('sort: cannot be excluded');
    if (value === 'relevance') query.sort = null;
    else if ((SORT_ORDERS as readonly string[]).includes(value)) query.sort = value as SortOrder;
    else throw new QueryError('sort: takes relevance, newest, oldest or headline');
    return;
  }
  const date = validDate(item.value);
  if (date === null) throw new QueryError(`${field}: takes a date like 2016-09-01`);
  // Excluding "after X" means "before X", and the other way round.
  const bound = item.negated === (field === 'after') ? 'before' : 'after';
  query[bound] = date;
}

function parseItems(items: Item[], prefixLast: boolean): QueryAst {
  const query: QueryAst = { all: [], exclude: [], after: null, before: null, read: null, starred: null, sort: null };
  let orPending = false;
  let lastWasPositive = false;
  for (const item of items) {
    if (item.kind === 'or') {
      if (!lastWasPositive || orPending) throw new QueryError('OR needs a word on each side');
      orPending = true;
      continue;
    }
    if (item.field !== null && FILTER_FIELDS.has(item.field)) {
      if (orPending) throw new QueryError('OR needs a word on each side');
      applyFilter(query, item);
      lastWasPositive = false;
      continue;
    }
    const marked = splitPrefixMark(item.value);
    const termWords = words(foldText(marked.text));
    if (termWords.length === 0) {
      if (item.field !== null && item.value === '') throw new QueryError(`${item.field}: needs a word after it`);
      if (item.quoted) continue; // "" or "..." asks for nothing
      continue; // punctuation alone: nothing to search for
    }
    const lastWord = termWords[termWords.length - 1] ?? '';
    if (marked.prefix && lastWord.length < MIN_PREFIX_LENGTH) {
      throw new QueryError(`a prefix needs ${MIN_PREFIX_LENGTH} letters or more (${lastWord}*)`);
    }
    const typing = prefixLast && item.atEnd && !item.quoted && !item.negated && lastWord.length >= MIN_PREFIX_LENGTH;
    const term: Term = { words: termWords, field: item.field as TextField | null, prefix: marked.prefix || typing };
    if (item.negated) {
      if (orPending) throw new QueryError('OR cannot join an excluded word');
      query.exclude.push(term);
      lastWasPositive = false;
      continue;
    }
    const lastGroup = query.all[query.all.length - 1];
    if (orPending && lastGroup) lastGroup.push(term);
    else query.all.push([term]);
    orPending = false;
    lastWasPositive = true;
  }
  if (orPending) throw new QueryError('OR needs a word on each side');
  const hasFilter = query.after !== null || query.before !== null || query.read !== null || query.starred !== null;
  if (query.all.length === 0 && query.exclude.length > 0 && !hasFilter) {
    throw new QueryError('add a word to look for, not only words to exclude');
  }
  return query;
}

/** Parse a query; never throws. An empty query parses to an AST that asks for nothing. */
export function parseQuery(input: string, options: ParseOptions = {}): ParseResult {
  try {
    return { ok: true, query: parseItems(lex(input), options.prefixLast ?? false) };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.message };
    return { ok: false, error: 'the query could not be read' };
  }
}

/**
 * Why a query that parsed asks for nothing, for the command line (the reader simply shows
 * the whole list: `-` or `"` may be the start of what is being typed).
 */
export function emptyQueryMessage(input: string): string {
  return input.trim() === ''
    ? 'the query is empty'
    : 'the query has no word to search for (words, "phrases", field:word, after:DATE, is:unread…)';
}

/** True when the query asks for nothing at all (an empty or punctuation-only input). */
export function isEmptyQuery(query: QueryAst): boolean {
  return (
    query.all.length === 0 &&
    query.exclude.length === 0 &&
    query.after === null &&
    query.before === null &&
    query.read === null &&
    query.starred === null
  );
}
