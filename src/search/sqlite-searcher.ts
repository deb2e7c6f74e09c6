/**
 * The reader's Searcher over a SQLite database file, with the queries run in a worker
 * thread. One query runs at a time; a query asked while another runs waits, and a newer
 * one replaces it before it starts: typing `aleppo` fast runs at most the first and the
 * last query, never all six. A superseded call resolves with the outcome of the query
 * that replaced it (its `query` field says which), so no promise is left hanging.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RankedHit } from './engine.js';
import { highlightRanges } from './highlight.js';
import { isEmptyQuery, parseQuery, type QueryAst } from './query.js';
import type { SearchReply, SearchRequest, SearchWorkerData } from './search-worker.js';
import type { MatchRange, SearchOutcome, Searcher } from './searcher.js';

/** A search outcome whose hits carry their relevance scores. */
export interface RankedOutcome extends SearchOutcome {
  hits: RankedHit[];
}

export interface SqliteSearcherOptions {
  /** The last word matches as a prefix unless the query ends in a space (default true). */
  prefixLast?: boolean;
}

interface Waiting {
  query: string;
  limit: number;
  ast: QueryAst;
  resolvers: ((outcome: RankedOutcome) => void)[];
}

/**
 * Start the worker: in the built CLI its bundle sits beside this one (dist/search-worker.js);
 * running from source (tests, benchmarks) a small bootstrap registers tsx in the worker
 * first, since a worker does not inherit the parent's TypeScript loader.
 */
function startWorker(workerData: SearchWorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./search-worker.js', import.meta.url), { workerData });
  // tsx's ESM API (package export `tsx/esm/api`, import condition).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs'));
  const entry = new URL('./search-worker.ts', import.meta.url);
  const bootstrap = `import(${JSON.stringify(tsxApi.href)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export class SqliteSearcher implements Searcher {
  private readonly worker: Worker;
  private readonly prefixLast: boolean;
  private nextId = 1;
  private running: (Waiting & { id: number }) | null = null;
  private queued: Waiting | null = null;
  private failure: string | null = null;
  private closed = false;

  constructor(dbPath: string, options: SqliteSearcherOptions = {}) {
    this.prefixLast = options.prefixLast ?? true;
    this.worker = startWorker({ dbPath, prefixLast: this.prefixLast });
    this.worker.on('message', (reply: SearchReply) => this.finish(reply));
    this.worker.on('error', (error) => this.fail(`search worker failed: ${error.message}`));
    this.worker.on('exit', () => this.fail('search worker stopped'));
  }

  search(query: string, limit: number): Promise<RankedOutcome> {
    const parsed = parseQuery(query, { prefixLast: this.prefixLast });
    // Malformed and empty queries need no database: answer at once.
    if (!parsed.ok) return Promise.resolve(outcome(query, parsed.error, null));
    if (isEmptyQuery(parsed.query) || this.failure !== null) return Promise.resolve(outcome(query, this.failure, parsed.query));
    return new Promise((resolve) => {
      const superseded = this.queued?.resolvers ?? [];
      this.queued = { query, limit, ast: parsed.query, resolvers: [...superseded, resolve] };
      this.pump();
    });
  }

  private pump(): void {
    if (this.running !== null || this.queued === null || this.closed) return;
    this.running = { ...this.queued, id: this.nextId++ };
    this.queued = null;
    const request: SearchRequest = { id: this.running.id, query: this.running.query, limit: this.running.limit };
    this.worker.postMessage(request);
  }

  private finish(reply: SearchReply): void {
    const running = this.running;
    if (running === null || running.id !== reply.id) return;
    this.running = null;
    const ast = running.ast;
    const result: RankedOutcome = { ...reply.outcome, highlight: (text) => highlightRanges(ast, text) };
    for (const resolve of running.resolvers) resolve(result);
    this.pump();
  }

  /** The worker is gone: every waiting call resolves with the reason, later calls too. */
  private fail(message: string): void {
    if (this.closed) return;
    this.failure = message;
    const waiting = [this.running, this.queued].filter((w): w is Waiting => w !== null);
    this.running = null;
    this.queued = null;
    for (const w of waiting) for (const resolve of w.resolvers) resolve(outcome(w.query, message, w.ast));
  }

  close(): void {
    if (this.closed) return;
    const waiting = [this.running, this.queued].filter((w): w is Waiting => w !== null);
    this.closed = true;
    this.running = null;
    this.queued = null;
    for (const w of waiting) for (const resolve of w.resolvers) resolve(outcome(w.query, 'search closed', w.ast));
    void this.worker.terminate();
  }
}

function outcome(query: string, error: string | null, ast: QueryAst | null): RankedOutcome {
  const noRanges: MatchRange[] = [];
  return {
    query,
    total: 0,
    hits: [],
    error,
    suggestion: null,
    highlight: (text) => (ast === null ? noRanges : highlightRanges(ast, text)),
  };
}
