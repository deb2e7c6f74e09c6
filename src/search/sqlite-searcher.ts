/**
 * The reader's Searcher over a SQLite database file, with the queries run in a worker
 * thread. One query runs at a time; a query asked while another runs waits, and a newer
 * one replaces it before it starts: typing `aleppo` fast runs at most the first and the
 * last query, never all six. A superseded call resolves with the outcome of the query
 * that replaced it (its `query` and `offset` say which), so no promise is left hanging.
 * Later pages (offset > 0) queue behind and replace nothing; a new first page replaces them
 * too, as the list they were for is going.
 *
 * The worker starts with the first search or `prepare()`, not with the searcher: a reader
 * that is never searched carries no second V8 heap (about 8 MB), and the first screen does
 * not wait for a thread to start. A small library needs no worker at all: with the
 * `searchHere` option, queries run on this thread while it says so (a few milliseconds
 * each at 2,000 articles, less than a worker takes to start), in order and superseded the
 * same way, one per turn of the event loop so keys read between them. With
 * `whileWorkerStarts`, a large library's first queries are answered here too, until the
 * worker says it is ready.
 *
 * A worker that stops by itself is replaced once and the query it was running is asked
 * again; a second stop ends search for the session, and every call from then on answers
 * with the reason. `onWorkerStop` hears of both, for the status bar.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, testOnlyWorkerDeaths, whenWorkerStops } from '../library/worker-thread.js';
import { answer, openEngine, type EngineOutcome, type RankedHit, type SearchEngine } from './engine.js';
import { highlightRanges } from './match-ranges.js';
import { isEmptyQuery, parseQuery, type QueryAst } from './query.js';
import type { SearchReady, SearchReply, SearchRequest, SearchWarning, SearchWorkerData } from './search-worker.js';
import type { MatchRange } from './match-ranges.js';
import type { SearchOutcome, Searcher } from './searcher.js';

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
  /** The worker stopped: `restarted` says whether search goes on in a new one. */
  onWorkerStop?: (message: string, restarted: boolean) => void;
  /** Test only: how many of the first workers started exit on their second query (see the env below). */
  testOnlyWorkerDeaths?: number;
  /** Asked before each query: true runs it on this thread (a small library), false in the worker. */
  searchHere?: () => boolean;
  /**
   * Queries asked before the worker is ready are answered on this thread (the first search
   * then waits for no thread to start); the worker takes the rest.
   */
  whileWorkerStarts?: boolean;
}

/** Workers replaced in a searcher's lifetime before search gives up. */
const RESTARTS = 1;

/**
 * Test only: the first N search workers exit on their second query, unanswered, so
 * end-to-end tests can see a worker die in the built program. Unset in normal use.
 */
export const TEST_ONLY_SEARCH_WORKER_DEATHS_ENV = 'NEWSREADER_TEST_ONLY_SEARCH_WORKER_DEATHS';

interface Waiting {
  query: string;
  limit: number;
  offset: number;
  ast: QueryAst;
  resolvers: ((outcome: RankedOutcome) => void)[];
}

export class SqliteSearcher implements Searcher {
  private worker: Worker | null = null;
  private readonly workerData: SearchWorkerData;
  private readonly prefixLast: boolean;
  private nextId = 1;
  private running: (Waiting & { id: number }) | null = null;
  private queued: Waiting[] = [];
  private failure: string | null = null;
  private closed = false;
  private stopping: Promise<void> = Promise.resolve();
  /** Background failures not handed to an onWarning listener, oldest first. */
  readonly warnings: string[] = [];
  private restartsLeft = RESTARTS;
  private started = 0;
  private readonly deaths: number;
  private hereCount = 0;
  /** A query is waiting for its turn on this thread. */
  private herePending = false;
  /** The worker said it has opened the database and takes queries. */
  private workerReady = false;
  /** The engine on this thread, opened by the first query run here. */
  private here: { engine: SearchEngine | null; unavailable: string | null } | null = null;

  constructor(
    dbPath: string,
    private readonly options: SqliteSearcherOptions = {},
  ) {
    this.prefixLast = options.prefixLast ?? true;
    this.workerData = { dbPath, prefixLast: this.prefixLast, roots: options.roots ?? [] };
    this.deaths = testOnlyWorkerDeaths(options.testOnlyWorkerDeaths, TEST_ONLY_SEARCH_WORKER_DEATHS_ENV);
  }

  /** Worker threads started so far: none until the first search or prepare(). */
  get workersStarted(): number {
    return this.started;
  }

  /** Queries answered on this thread so far. */
  get answeredHere(): number {
    return this.hereCount;
  }

  /** A small library is searched on this thread; a searcher whose workers are to die uses them. */
  private smallLibrary(): boolean {
    return !this.closed && this.deaths === 0 && (this.options.searchHere?.() ?? false);
  }

  /** Whether the next query runs on this thread: a small library, or a worker still starting. */
  private searchesHere(): boolean {
    if (this.smallLibrary()) return true;
    this.startWorker();
    return this.deaths === 0 && this.options.whileWorkerStarts === true && !this.workerReady;
  }

  /**
   * Starts the worker before the first search, for a library so large that the first
   * search would otherwise wait for the worker to start and read the index's words.
   */
  startEarly(): void {
    if (!this.smallLibrary()) this.startWorker();
  }

  /** Opens what the first query will run on: this thread's connection, the worker, or both. */
  prepare(): void {
    if (!this.searchesHere() || this.closed || this.here !== null) return;
    const here = this.engineHere();
    // On the next turn: the frame that opens the field is drawn first.
    setImmediate(() => {
      if (this.here === here && !this.closed) here.engine?.warmStatements(this.prefixLast);
    });
  }

  /** This thread's engine, opened the first time it is needed. */
  private engineHere(): { engine: SearchEngine | null; unavailable: string | null } {
    this.here ??= openEngine(this.workerData.dbPath, this.workerData.roots);
    return this.here;
  }

  private startWorker(): void {
    if (this.worker === null && !this.closed && this.failure === null) this.worker = this.spawn();
  }

  private spawn(): Worker {
    const data: SearchWorkerData = this.started++ < this.deaths ? { ...this.workerData, testOnlyExitOnQuery: 2 } : this.workerData;
    const worker = startWorker(new URL('./search-worker.js', import.meta.url), data);
    this.workerReady = false;
    worker.on('message', (message: SearchReply | SearchWarning | SearchReady) => {
      if ('ready' in message) {
        // A worker's messages still arrive after close(), when the library may be closed too.
        if (this.closed) return;
        this.workerReady = worker === this.worker;
        if (this.workerReady && !this.herePending) this.releaseHere();
      } else if ('warning' in message) (this.options.onWarning ?? ((text: string) => this.warnings.push(text)))(message.warning);
      else this.finish(message);
    });
    whenWorkerStops(worker, 'search', (reason) => {
      if (!this.closed && worker === this.worker) this.stopped(reason);
    });
    return worker;
  }

  /** The worker stopped by itself: a new one takes over the running query, or search ends. */
  private stopped(reason: string): void {
    if (this.restartsLeft <= 0) {
      this.fail(`search unavailable: ${reason}`);
      this.options.onWorkerStop?.(this.failure ?? reason, false);
      return;
    }
    this.restartsLeft--;
    this.worker = this.spawn();
    const running = this.running;
    if (running !== null) {
      const request: SearchRequest = { id: running.id, query: running.query, limit: running.limit, offset: running.offset };
      this.worker.postMessage(request);
    }
    this.options.onWorkerStop?.(reason, true);
  }

  answerNow(query: string, limit: number): RankedOutcome | null {
    if (!this.smallLibrary() || this.closed || this.failure !== null || this.running !== null || this.queued.length > 0 || this.herePending) return null;
    const parsed = parseQuery(query, { prefixLast: this.prefixLast });
    if (!parsed.ok) return outcome(query, 0, parsed.error, null);
    if (isEmptyQuery(parsed.query)) return outcome(query, 0, null, parsed.query);
    const { engine, unavailable } = this.engineHere();
    const answered = answer(engine, unavailable, { query, limit, offset: 0 }, this.prefixLast);
    this.hereCount++;
    return ranked(answered, parsed.query);
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
    if (this.running !== null || this.closed || this.queued.length === 0) return;
    const here = this.searchesHere();
    const next = this.queued.shift();
    if (next === undefined || (!here && this.worker === null)) return;
    this.running = { ...next, id: this.nextId++ };
    const { id, query, limit, offset } = this.running;
    const request: SearchRequest = { id, query, limit, offset };
    if (here) this.answerHere(request);
    else this.worker?.postMessage(request);
  }

  /**
   * Answers on this thread, on the next turn: queries typed meanwhile replace the queued one.
   * A large library's spellings are the worker's: reading the index's words here would hold
   * up keys, so a query matching nothing goes on to the worker for its did-you-mean.
   */
  private answerHere(request: SearchRequest): void {
    this.herePending = true;
    setImmediate(() => {
      this.herePending = false;
      if (this.closed) return;
      const { engine, unavailable } = this.engineHere();
      const small = this.smallLibrary();
      const outcome = answer(engine, unavailable, request, this.prefixLast, small);
      this.hereCount++;
      if (this.workerReady) this.releaseHere();
      if (!small && outcome.total === 0 && outcome.error === null && this.worker !== null) this.worker.postMessage(request);
      else this.finish({ id: request.id, outcome });
    });
  }

  /** Once the worker has taken over a large library, this thread's connection and its cache go. */
  private releaseHere(): void {
    if (this.smallLibrary()) return;
    this.here?.engine?.close();
    this.here = null;
  }

  private finish(reply: SearchReply): void {
    const running = this.running;
    if (running === null || running.id !== reply.id) return;
    this.running = null;
    const result = ranked(reply.outcome, running.ast);
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
    this.stopping = this.worker?.terminate().then(
      () => undefined,
      () => undefined,
    ) ?? Promise.resolve();
    this.here?.engine?.close();
  }

  /** After close(): resolves once the worker has stopped, its connection to the library closed with it. */
  whenStopped(): Promise<void> {
    return this.stopping;
  }
}

/** An engine's outcome with the highlighter of the query it answers. */
function ranked(answered: EngineOutcome, ast: QueryAst): RankedOutcome {
  return { ...answered, highlight: (text) => highlightRanges(ast, text) };
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
