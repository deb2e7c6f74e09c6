/**
 * The synchronous search engine over one database file: parse, compile, run, count, and
 * when nothing matches, suggest. It runs inside the search worker (better-sqlite3 blocks
 * its thread), on the reader's thread for a small library (see SqliteSearcher), and
 * directly in tests.
 */
import Database from 'better-sqlite3';
import type { ArticleSummary } from '../library/library.js';
import { compileQuery, ftsString, type CompiledQuery } from './compile.js';
import { isEmptyQuery, parseQuery, type ParseOptions, type QueryAst } from './query.js';
import { loadVocabulary, suggestQuery, type Vocabulary } from './suggest.js';
import { isCjkWord } from '../library/index-text.js';
import { rootFilter, toSummary, type SummaryRow } from '../library/schema.js';
import { nameMatches, sourceNames, type SourceName } from '../library/sources.js';
import type { Term } from './query.js';

/** A hit with its relevance: higher is better (negated BM25; 0 when nothing was ranked). */
export interface RankedHit extends ArticleSummary {
  score: number;
}

/** A search outcome without the highlighter: what crosses from the worker to the reader. */
export interface EngineOutcome {
  query: string;
  /** Position of the first hit in the whole ranking. */
  offset: number;
  total: number;
  hits: RankedHit[];
  error: string | null;
  suggestion: string | null;
}

interface HitRow extends SummaryRow {
  score: number;
}

/**
 * Above this many matches a query is ranked approximately: among its headline matches
 * when there are enough of them, and among the newest BROAD_QUERY_WINDOW of those (see
 * CompileOptions). Measured on 100,000 synthetic articles, BM25 over 100,000 matches takes
 * about 60 ms, over 20,000 about 10 ms; and scores of a word in most articles are nearly
 * all equal, so exact ranking would tell the reader little.
 */
export const BROAD_QUERY_MATCHES = 20_000;
export const BROAD_QUERY_WINDOW = 10_000;

/**
 * A broad query is ranked among its headline matches when it has at least this many: a
 * screenful and more of the best candidates. Fixed, so that every page of one query is cut
 * from the same ordering.
 */
export const BROAD_QUERY_HEADLINES = 50;

/** Where approximate ranking starts; tests lower these to reach that path on small data. */
export interface BroadQueryLimits {
  matches: number;
  window: number;
  headlines?: number;
}

/** How a query is answered: parse options, and which page of the ranked hits. */
export interface SearchOptions extends ParseOptions {
  /** Hits skipped before the first returned (default 0). */
  offset?: number;
  /** Look for a spelling when nothing matches (default true); it reads the index's words. */
  suggest?: boolean;
}

/** The row of an FTS5 index's `_data` table that holds its structure (FTS5_STRUCTURE_ROWID in fts5Int.h). */
const FTS5_STRUCTURE_ROWID = 10;

export class SearchEngine {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private vocabulary: { stamp: string; words: Vocabulary } | null = null;
  private vocabularyLoads = 0;

  private rootsNeeded: { version: number; needed: boolean } | null = null;
  private sources: { version: number; names: SourceName[] } | null = null;

  /**
   * @param roots the library roots the reader opened: only articles under them are found.
   *   Empty searches the whole database.
   */
  constructor(
    dbPath: string,
    private readonly broad: BroadQueryLimits = { matches: BROAD_QUERY_MATCHES, window: BROAD_QUERY_WINDOW },
    private readonly roots: readonly string[] = [],
  ) {
    this.db = new Database(dbPath, { readonly: true, fileMustExist: true });
  }

  /**
   * The roots to filter on, or none when every article in the database lies under them
   * (the usual case: one library in one database). The filter costs a pass over the roots'
   * rows a query, so it is only paid when another library shares the database. Checked
   * again whenever another connection has written.
   */
  private rootsFilter(): readonly string[] {
    if (this.roots.length === 0) return this.roots;
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.rootsNeeded?.version !== version) {
      const under = rootFilter(this.roots, 'path');
      const outside = this.statement(`SELECT 1 FROM articles WHERE NOT (${under.sql}) LIMIT 1`).get(...under.params);
      this.rootsNeeded = { version, needed: outside !== undefined };
    }
    return this.rootsNeeded.needed ? this.roots : [];
  }

  /** The roots whose source name a `source:` term names (read again after another writer). */
  private readonly sourceRoots = (term: Term): string[] => {
    const version = this.version();
    if (this.sources?.version !== version) this.sources = { version, names: sourceNames(this.db, this.roots) };
    return this.sources.names.filter((s) => nameMatches(s.name, term.words, term.prefix)).map((s) => s.root);
  };

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Hits `offset` .. `offset + limit - 1` of the query's ranking, and the total. */
  search(input: string, limit: number, options: SearchOptions = {}): EngineOutcome {
    const { offset: wantedOffset = 0, suggest = true, ...parseOptions } = options;
    const parsed = parseQuery(input, parseOptions);
    if (!parsed.ok) return { query: input, offset: 0, total: 0, hits: [], error: parsed.error, suggestion: null };
    const query = parsed.query;
    const offset = Math.max(0, Math.floor(wantedOffset));
    if (isEmptyQuery(query)) return { query: input, offset, total: 0, hits: [], error: null, suggestion: null };
    const rowLimit = Math.max(0, Math.floor(limit));
    const roots = this.rootsFilter();
    const compiled = compileQuery(query, rowLimit, { roots, sourceRoots: this.sourceRoots }, offset);
    // Counting is cheap in FTS5 (no positions read); ranking is not, so count first.
    const total = this.count(compiled);
    const rows = total === 0 || offset >= total ? [] : this.rows(query, compiled, total, rowLimit, offset, roots);
    const hits = rows.map((r): RankedHit => ({ ...toSummary(r), score: r.score }));
    const suggestion =
      suggest && total === 0 && query.all.length > 0
        ? suggestQuery(input, query, {
            vocab: () => this.vocab(),
            known: (word, prefix) => this.known(word, prefix),
            finds: (text) => this.finds(text, options),
          })
        : null;
    return { query: input, offset, total, hits, error: null, suggestion };
  }

  /**
   * The page's rows. A broad query is ranked among its newest `window` matches, and among
   * its headline matches when there are enough of them; the matches left out follow,
   * newest first, so paging still reaches every one of `total`.
   */
  private rows(query: QueryAst, all: CompiledQuery, total: number, limit: number, offset: number, roots: readonly string[]): HitRow[] {
    // A query in the library's order sorts every match: there is no ranking to bound.
    if (total <= this.broad.matches || query.all.length === 0 || query.sort !== null) return this.statement(all.sql).all(...all.params) as HitRow[];
    const window = this.broad.window;
    const enough = this.broad.headlines ?? BROAD_QUERY_HEADLINES;
    // Past the window the exact number of headline matches does not matter: stop there.
    const headlineCount = this.countUpTo(compileQuery(query, 0, { headlineOnly: true, roots, sourceRoots: this.sourceRoots }), Math.max(window, enough));
    const headlineOnly = headlineCount >= enough;
    const rankedCount = Math.min(window, headlineOnly ? headlineCount : total);
    const rows: HitRow[] = [];
    if (offset < rankedCount) {
      const ranked = compileQuery(query, Math.min(limit, rankedCount - offset), { headlineOnly, window, roots, sourceRoots: this.sourceRoots }, offset);
      rows.push(...(this.statement(ranked.sql).all(...ranked.params) as HitRow[]));
    }
    const restLimit = offset + limit - Math.max(offset, rankedCount);
    if (restLimit > 0 && rankedCount < total) {
      const restOffset = Math.max(0, offset - rankedCount);
      const rest = compileQuery(query, restLimit, { headlineOnly, window, roots, outsideWindow: true, sourceRoots: this.sourceRoots }, restOffset);
      rows.push(...(this.statement(rest.sql).all(...rest.params) as HitRow[]));
    }
    return rows;
  }

  private count(compiled: CompiledQuery): number {
    return (this.statement(compiled.countSql).get(...compiled.countParams) as { total: number }).total;
  }

  private countUpTo(compiled: CompiledQuery, cap: number): number {
    return (this.statement(compiled.cappedCountSql).get(...compiled.countParams, cap) as { total: number }).total;
  }

  /** Whether a query text finds anything (for checking suggestions). */
  private finds(input: string, options: ParseOptions): boolean {
    const parsed = parseQuery(input, options);
    if (!parsed.ok || isEmptyQuery(parsed.query)) return false;
    const compiled = compileQuery(parsed.query, 1, { roots: this.rootsFilter(), sourceRoots: this.sourceRoots });
    return this.countUpTo(compiled, 1) > 0;
  }

  /** Whether the index has the word, or for a prefix, any word beginning with it. */
  private known(word: string, prefix: boolean): boolean {
    // CJK words are found inside longer runs of text: no spelling to suggest for them.
    if (isCjkWord(word)) return true;
    const match = `${ftsString(word)}${prefix ? ' *' : ''}`;
    return this.statement('SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1').get(match) !== undefined;
  }

  /** The database's change counter: caches below are kept while it stays the same. */
  private version(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /**
   * What the did-you-mean vocabulary is kept in step with: the full-text index's structure
   * record, which FTS5 rewrites with every change to the index (it counts its writes), and
   * the mark a bulk refresh leaves until it has rebuilt the vocabulary from the index (see
   * library/store/vocabulary.ts). The reader's other writes (articles marked read, the view
   * it was left on, the search history) change neither; keyed on the database's change
   * counter, each of them made the next query that found nothing read every word again:
   * 20-35 ms at 100,000 articles, on every such query in the reader, whose searches write
   * their history.
   */
  private vocabularyStamp(): string {
    const structure = this.statement(`SELECT block FROM articles_fts_data WHERE id = ${FTS5_STRUCTURE_ROWID}`).get() as { block: Buffer } | undefined;
    const incomplete = this.statement("SELECT 1 FROM vocabulary WHERE term = ''").get() !== undefined;
    return `${incomplete ? 'incomplete' : 'complete'}:${structure?.block.toString('base64') ?? ''}`;
  }

  /** The did-you-mean vocabulary, read again when the index it comes from has changed. */
  private vocab(): Vocabulary {
    const stamp = this.vocabularyStamp();
    if (this.vocabulary?.stamp !== stamp) {
      this.vocabulary = { stamp, words: loadVocabulary(this.db) };
      this.vocabularyLoads++;
    }
    return this.vocabulary.words;
  }

  /** How many times the vocabulary has been read: once, until the index changes. */
  get vocabularyReads(): number {
    return this.vocabularyLoads;
  }

  /** Read the did-you-mean vocabulary ahead of the first query that needs it. */
  warmVocabulary(): void {
    this.vocab();
  }

  /**
   * Prepare the statements of a one-word query typed as you go (a prefix), as the field
   * opens: the first query then runs at the speed of the next (2,000 articles: 4.3 -> 0.6 ms).
   */
  warmStatements(prefixLast: boolean): void {
    this.search('warm', 1, { prefixLast, suggest: false });
  }

  close(): void {
    this.db.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One query's outcome from an engine, or from the reason there is none: a failure is an
 * outcome with its message, never a throw, wherever the engine runs.
 */
export function answer(
  engine: SearchEngine | null,
  unavailable: string | null,
  request: { query: string; limit: number; offset: number },
  prefixLast: boolean,
  suggest = true,
): EngineOutcome {
  try {
    if (engine === null) throw new Error(unavailable ?? 'search index unavailable');
    return engine.search(request.query, request.limit, { prefixLast, offset: request.offset, suggest });
  } catch (error) {
    return { query: request.query, offset: request.offset, total: 0, hits: [], error: `search failed: ${describe(error)}`, suggestion: null };
  }
}

/** An engine over the database, or the reason it cannot be opened. */
export function openEngine(dbPath: string, roots: readonly string[]): { engine: SearchEngine | null; unavailable: string | null } {
  try {
    return { engine: new SearchEngine(dbPath, undefined, roots), unavailable: null };
  } catch (error) {
    return { engine: null, unavailable: `search index unavailable: ${describe(error)}` };
  }
}
