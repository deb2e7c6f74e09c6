/**
 * The reader's Searcher over a SQLite database file, with the queries run in a worker
 * thread. One query runs at a time; a query asked while another runs waits, and a newer
 * one replaces it before it starts: typing `aleppo` fast runs at most the first and the
 * last query, never all six. A superseded call resolves with the outcome of the query
 * that replaced it (its `query` and `offset` say which), so no promise is left hanging.
 * Later pages (offset > 0) queue behind and replace nothing; a new first page replaces them
 * too, as the list they were for is going.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-thread.js';
import type { RankedHit } from './engine.js';
import { highlightRanges } from './highlight.js';
import { isEmptyQuery, parseQuery, type QueryAst } from './query.js';
import type { SearchReply, SearchRequest, SearchWarning, SearchWorkerData } from './search-worker.js';
import type { MatchRange, SearchOutcome, Searcher } from './searcher.js';

/** A search outcome whose hits carry their relevance scores. */
export interface RankedOutcome extends SearchOutcome {
  hits: RankedHit[];
}

export interface SqliteSearcherOptions {
  /** The last word matches as a prefix unless the query ends in a space (default true). */
  prefixLast?: boolean;
  /** Only articles under these library roots (absolute paths); default: the whole database. */
  roots?: string[];
  /**
   * Told of what the worker could not do in the background (searching goes on): each
   * message once. Without it the messages wait in `warnings`.
   */
  onWarning?: (message: string) => void;
}

interface Waiting {
  query: string;
  limit: number;
  offset: number;
  ast: QueryAst;
  resolvers: ((outcome: RankedOutcome) => void)[];
}

export class SqliteSearcher implements Searcher {
  private readonly worker: Worker;
  private readonly prefixLast: boolean;
  private nextId = 1;
  private running: (Waiting & { id: number }) | null = null;
  private queued: Waiting[] = [];
  private failure: string | null = null;
  private closed = false;
  /** Background failures not handed to an onWarning listener, oldest first. */
  readonly warnings: string[] = [];

  constructor(dbPath: string, options: SqliteSearcherOptions = {}) {
    this.prefixLast = options.prefixLast ?? true;
    const workerData: SearchWorkerData = { dbPath, prefixLast: this.prefixLast, roots: options.roots ?? [] };
    this.worker = startWorker(new URL('./search-worker.js', import.meta.url), workerData);
    const onWarning = options.onWarning ?? ((message: string) => this.warnings.push(message));
    this.worker.on('message', (message: SearchReply | SearchWarning) => {
      if ('warning' in message) onWarning(message.warning);
      else this.finish(message);
    });
    this.worker.on('error', (error) => this.fail(`search worker failed: ${error.message}`));
    this.worker.on('exit', () => this.fail('search worker stopped'));
  }

  search(query: string, limit: number, offset = 0): Promise<RankedOutcome> {
    const parsed = parseQuery(query, { prefixLast: this.prefixLast });
    // Malformed and empty queries need no database: answer at once.
    if (!parsed.ok) return Promise.resolve(outcome(query, offset, parsed.error, null));
    if (isEmptyQuery(parsed.query) || this.failure !== null) return Promise.resolve(outcome(query, offset, this.failure, parsed.query));
    return new Promise((resolve) => {
      const same = this.queued.find((w) => w.query === query && w.limit === limit && w.offset === offset);
      if (same !== undefined) same.resolvers.push(resolve);
      else if (offset > 0) this.queued.push({ query, limit, offset, ast: parsed.query, resolvers: [resolve] });
      else {
        const superseded = this.queued.flatMap((w) => w.resolvers);
        this.queued = [{ query, limit, offset, ast: parsed.query, resolvers: [...superseded, resolve] }];
      }
      this.pump();
    });
  }

  private pump(): void {
    if (this.running !== null || this.closed) return;
    const next = this.queued.shift();
    if (next === undefined) return;
    this.running = { ...next, id: this.nextId++ };
    const { id, query, limit, offset } = this.running;
    const request: SearchRequest = { id, query, limit, offset };
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
    const waiting = [this.running, ...this.queued].filter((w): w is Waiting => w !== null);
    this.running = null;
    this.queued = [];
    for (const w of waiting) for (const resolve of w.resolvers) resolve(outcome(w.query, w.offset, message, w.ast));
  }

  close(): void {
    if (this.closed) return;
    const waiting = [this.running, ...this.queued].filter((w): w is Waiting => w !== null);
    this.closed = true;
    this.running = null;
    this.queued = [];
    for (const w of waiting) for (const resolve of w.resolvers) resolve(outcome(w.query, w.offset, 'search closed', w.ast));
    void this.worker.terminate();
  }
}

function outcome(query: string, offset: number, error: string | null, ast: QueryAst | null): RankedOutcome {
  const noRanges: MatchRange[] = [];
  return {
    query,
    offset,
    total: 0,
    hits: [],
    error,
    suggestion: null,
    highlight: (text) => (ast === null ? noRanges : highlightRanges(ast, text)),
  };
}
