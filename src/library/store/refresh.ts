/**
 * The incremental refresh: walk the library paths, re-parse only files whose size, mtime
 * or inode changed since the store last saw them, and remove articles whose files are gone
 * (their user state stays, keyed by article id, so a file put back is still read). The
 * walk and the comparison with the store run in a worker thread by default (check.ts).
 *
 * better-sqlite3 is synchronous, so writes happen on the caller's thread in slices: a
 * batch sized by the measured write cost is committed in one transaction, subscribers are
 * notified, and the event loop gets a turn before the next batch, so key presses and
 * frames get through. Parsing (about half the cost per article) goes to worker threads
 * when there are many files (ParsePool), leaving this thread only the SQLite writes;
 * a few changed files are parsed in place, where starting a worker would cost more.
 * Measured on 2 cores (bench/store.bench.ts): the reader's default 16 ms slices stall the
 * event loop ~40 ms at worst in place and ~12 ms with a worker. FTS5 writes each commit
 * as a new segment and merges later, so small transactions cost throughput: the reader
 * uses short slices, `newsreader index` long ones, a bulk write (see MAX_BATCH), which
 * indexed BBC at ~5,500 articles/s and synthetic 100,000 at ~7,600/s.
 */
import type Database from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isFeedUrl, libraryRoot } from '../feed-names.js';
import type { FoundFile } from '../find.js';
import { checkFiles, type CheckProgress, type CheckRequest, type CheckResult } from './check.js';
import { checkInWorker } from './check-thread.js';
import { storedArticles } from './stored-articles.js';
import { ADD_FTS_SQL, DEFER_FTS_SQL, UNDEFER_FTS_SQL } from './deferred-fts.js';
import { INSERT_ENTRY_SQL, UPDATE_ENTRY_SQL } from './entry-sql.js';
import type { Warning } from '../load-all.js';
import { dropIndexesIfEmpty, restoreIndexes } from './migrations.js';
import { describeStoreError } from './open.js';
import type { FeedRow } from './feed-rows.js';
import type { ParseOutcome, ParseRequest, Row } from './parse-file.js';
import { BULK_AUTOMERGE, setAutomerge } from './fts-merge.js';
import { ParsePool } from './parse-pool.js';
import { vocabularyComplete, VocabularyWriter } from './vocabulary.js';
import { subscribedUrls } from '../subscriptions/store.js';

export type RefreshPhase = 'walking' | 'checking' | 'indexing' | 'removing' | 'done';

export interface RefreshProgress {
  phase: RefreshPhase;
  /** Files checked or indexed so far, of `total` found (0 while walking). */
  done: number;
  total: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Bytes of files read and parsed. */
  bytes: number;
  /** Parse workers that stopped and were replaced; the refresh went on. */
  restarts: number;
}

export interface RefreshSummary extends RefreshProgress {
  /** Files skipped (binary, empty, unreadable) and articles with warnings. */
  warnings: Warning[];
  elapsedMs: number;
  /** True when cancel() stopped it early; what was written so far stays. */
  cancelled: boolean;
}

export interface Refresh {
  progress(): RefreshProgress;
  /** Called after each slice with the new progress. Returns an unsubscribe function. */
  onProgress(listener: (progress: RefreshProgress) => void): () => void;
  /** Resolves when the refresh ends; rejects with UnreadablePathsError or StoreError. */
  done: Promise<RefreshSummary>;
  /** Stop after the current slice. */
  cancel(): void;
}

export interface RefreshOptions {
  /** Called after each transaction that changed articles, so views can re-read. */
  onChange?: () => void;
  /** Time budget of one slice in milliseconds: lower is smoother, higher is faster. */
  sliceMs?: number;
  /** Parse workers to use: 0 parses on this thread. By default, workers for big jobs only. */
  workers?: number;
  /**
   * When a big job starts on an empty database, drop the articles indexes and build them
   * once at the end (cold 100,000 articles: see migrations.ts). For `newsreader index`
   * only: until it ends, pages are read without the indexes, which a reader showing
   * pages while it indexes would feel.
   */
  buildIndexesLast?: boolean;
  /**
   * Walk and compare with the store in a worker thread that ends after it (check.ts), so
   * this thread's heap never holds the whole library's file list. By default, for a
   * database in a file that holds many articles; false checks on this thread.
   */
  checkInWorker?: boolean;
}

/** A refresh parsing this many files counts as big: parse workers and a bigger cache. */
export const BIG_JOB_FILES = 1000;

/** Whether a refresh's progress shows a big job under way: thousands of files to parse. */
export function isBigJob(progress: RefreshProgress): boolean {
  return progress.phase === 'indexing' && progress.total - progress.unchanged >= BIG_JOB_FILES;
}

/** SQLite cache for a big job, in KiB as `PRAGMA cache_size` takes a negative number. */
const BIG_JOB_CACHE_KIB = -262_144;

/** Files a parse worker gets at a time: large enough that messaging costs little. */
const WORKER_CHUNK = 100;

/** Chunks queued per worker with short slices (the reader): it idles little between them. */
const WORKER_QUEUE = 16;

/**
 * Starting a worker costs tens of milliseconds, so a refresh that found a few changed
 * files parses them itself; a big one uses one worker per spare core (at least one).
 */
function defaultWorkers(files: number): number {
  if (files < BIG_JOB_FILES) return 0;
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Views hear of new batches at most this often while a refresh runs (and once at its end). */
const CHANGE_EVERY_MS = 100;

/** Files a big job parses on this thread while its workers start: about a screen of headlines. */
const FIRST_SCREEN = 50;

/**
 * Files a bulk write parses on this thread while its workers start, where no frame waits
 * on it: the worker's first results came 50-60 ms after this thread had parsed 50 files
 * and it then waited for them. BBC's cold index, six interleaved runs each: 0.40-0.44 s
 * with 50, 0.38-0.41 s with 600, 0.37-0.40 s with 1,000.
 */
const BULK_HEAD = 1000;

/** Progress listeners hear of parsed files this often within a slice, not only between slices. */
const PROGRESS_EVERY = 100;

/**
 * At most this many articles a transaction, whatever the time budget: it bounds the rows
 * held in memory and the work a crash can lose. Only long slices reach it. FTS5 writes a
 * segment per transaction and merges them later, so fewer, larger ones index faster: with
 * 3,000 instead of 1,000 (and BULK_AUTOMERGE) the thread writing a cold index of synthetic
 * 20,000 spent 2.1-2.2 s of CPU instead of 2.7-2.9 s; 5,000 gained no more and held more rows.
 */
const MAX_BATCH = 3000;

/** A bulk write commits at least this many articles at a time, waiting for results or not. */
const IDLE_BATCH = 1000;

/** Slices this long (the index command's) are a bulk write: see MAX_BATCH and fts-merge.ts. */
const BULK_SLICE_MS = 1000;

/**
 * Chunks queued in all with long slices, at least: a whole batch and some, so the workers
 * parse the next batch while this thread commits one instead of idling through every commit.
 */
const BULK_QUEUE = Math.ceil(MAX_BATCH / WORKER_CHUNK) + 10;

/** Default slice budget: about one frame at 60 Hz. */
export const DEFAULT_SLICE_MS = 16;

/**
 * Below this many stored articles the check runs on this thread: its list and map are
 * small, and a worker's own heap (about 5 MiB while it runs) would cost more than they do.
 */
const CHECK_WORKER_ROWS = 10_000;

/** A database in a file holding many articles is checked in a worker (see check.ts). */
function checksInWorkerByDefault(db: Database.Database): boolean {
  return !db.memory && storedArticles(db) >= CHECK_WORKER_ROWS;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function prepareStatements(db: Database.Database) {
  return {
    existing: db.prepare('SELECT rowid FROM articles WHERE path = ?').pluck(),
    insert: db.prepare(`
      INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body, cjk_headline, cjk_text)
      VALUES (@id, @path, @root, @section, @headline, @standfirst, @date, @source, @words, @size, @mtime_ms, @ino, @hash, @blocks, @warnings, @body, @cjk_headline, @cjk_text)`),
    deferFts: db.prepare(DEFER_FTS_SQL),
    undeferFts: db.prepare(UNDEFER_FTS_SQL),
    addFts: db.prepare(ADD_FTS_SQL),
    upsert: db.prepare(`
      INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body, cjk_headline, cjk_text)
      VALUES (@id, @path, @root, @section, @headline, @standfirst, @date, @source, @words, @size, @mtime_ms, @ino, @hash, @blocks, @warnings, @body, @cjk_headline, @cjk_text)
      ON CONFLICT (path) DO UPDATE SET
        id = excluded.id, root = excluded.root, section = excluded.section, headline = excluded.headline,
        standfirst = excluded.standfirst, date = excluded.date, source = excluded.source, words = excluded.words,
        size = excluded.size, mtime_ms = excluded.mtime_ms, ino = excluded.ino, hash = excluded.hash,
        blocks = excluded.blocks, warnings = excluded.warnings, body = excluded.body,
        cjk_headline = excluded.cjk_headline, cjk_text = excluded.cjk_text`),
    touch: db.prepare('UPDATE articles SET size = ?, mtime_ms = ?, ino = ?, root = ?, section = ? WHERE path = ?'),
    remove: db.prepare('DELETE FROM articles WHERE path = ?'),
    // A feed file's rows are its entries' (feed_file = the file), not one row at its path.
    touchFeed: db.prepare('UPDATE articles SET size = ?, mtime_ms = ?, ino = ?, root = ?, section = ? WHERE feed_file = ?'),
    removeFeed: db.prepare('DELETE FROM articles WHERE feed_file = ?'),
    feedEntryPaths: db.prepare('SELECT path FROM articles WHERE feed_file = ?').pluck(),
    insertEntry: db.prepare(INSERT_ENTRY_SQL),
    updateEntry: db.prepare(UPDATE_ENTRY_SQL),
  };
}

type Write =
  | { kind: 'upsert'; row: Row }
  /** A feed file's entries, replacing whatever the store had for that file. */
  | { kind: 'feed'; file: string; rows: FeedRow[] }
  | { kind: 'touch'; path: string; root: string; section: string | null; stat: { size: number; mtimeMs: number; ino: number } }
  | { kind: 'remove'; path: string };

/**
 * Start refreshing the store from `paths` (files or folders; made absolute, so the same
 * file is one row whatever the working directory). Returns at once; the work proceeds
 * in slices on the event loop.
 */
/** Stands in for the parser when no file needs parsing: never called. */
function noParsing(request: ParseRequest): ParseOutcome {
  throw new Error(`no parser loaded for ${request.file.path}`);
}

export function startRefresh(db: Database.Database, paths: string[], options: RefreshOptions = {}): Refresh {
  const roots = paths.map((p) => libraryRoot(p, path.resolve));
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const progress: RefreshProgress = {
    phase: 'walking',
    done: 0,
    total: 0,
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    bytes: 0,
    restarts: 0,
  };
  const listeners = new Set<(p: RefreshProgress) => void>();
  const warnings: Warning[] = [];
  let cancelled = false;
  // Closing the database (the reader quitting) stops the refresh like cancel() does.
  const stopped = (): boolean => cancelled || !db.open;
  const started = performance.now();

  // A listener that throws is the listener's fault: the refresh goes on and the error is
  // raised on its own, where the process's handlers see it, instead of ending the refresh.
  const report = (): void => {
    const snapshot = { ...progress };
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };

  const statements = prepareStatements(db);
  const vocabulary = new VocabularyWriter(db);
  // A bulk refresh reads its words from the index once at the end instead (vocabulary.ts).
  let countWords = true;
  const apply = db.transaction((writes: Write[]) => {
    // New rows get their full-text entries in one statement at the end (see migration 4);
    // a changed row is updated in place and its trigger re-indexes it.
    statements.deferFts.run();
    const inserted: number[] = [];
    for (const write of writes) {
      if (write.kind === 'feed') {
        // The file may have been an article file before, and entries may have left the feed.
        statements.remove.run(write.file);
        const kept = new Set(write.rows.map((row) => row.path));
        for (const old of statements.feedEntryPaths.all(write.file) as string[]) if (!kept.has(old)) statements.remove.run(old);
        for (const row of write.rows) {
          if (countWords) vocabulary.count(row);
          if (statements.existing.get(row.path) === undefined) inserted.push(Number(statements.insertEntry.run(row).lastInsertRowid));
          else statements.updateEntry.run(row);
        }
      } else if (write.kind === 'upsert') {
        // A file that was a feed before is now one article.
        statements.removeFeed.run(write.row.path);
        // Under BEGIN IMMEDIATE no other writer can add the path between these two.
        if (countWords) vocabulary.count(write.row);
        if (statements.existing.get(write.row.path) === undefined) {
          inserted.push(Number(statements.insert.run(write.row).lastInsertRowid));
        } else {
          statements.upsert.run(write.row);
        }
      } else if (write.kind === 'touch') {
        statements.touch.run(write.stat.size, write.stat.mtimeMs, write.stat.ino, write.root, write.section, write.path);
        statements.touchFeed.run(write.stat.size, write.stat.mtimeMs, write.stat.ino, write.root, write.section, write.path);
      } else {
        statements.remove.run(write.path);
        statements.removeFeed.run(write.path);
      }
    }
    if (inserted.length > 0) statements.addFts.run(JSON.stringify(inserted));
    statements.undeferFts.run();
    vocabulary.flush();
  });
  const commit = (writes: Write[]): void => {
    if (writes.length === 0 || stopped()) return;
    try {
      apply.immediate(writes);
    } catch (error) {
      throw describeStoreError(error, db.name);
    }
    if (writes.some((w) => w.kind !== 'touch')) changed();
  };

  // Views re-read the list on each change; a batch lands every slice, but the list need
  // not be re-read and redrawn more often than a person follows it. The first change is
  // told at once (the first headlines), the last when the refresh ends.
  let lastChange = Number.NEGATIVE_INFINITY;
  let changePending = false;
  const changed = (): void => {
    const now = performance.now();
    if (now - lastChange < CHANGE_EVERY_MS) {
      changePending = true;
      return;
    }
    lastChange = now;
    changePending = false;
    options.onChange?.();
  };
  const flushChange = (): void => {
    if (!changePending) return;
    changePending = false;
    options.onChange?.();
  };

  /**
   * Feed URLs are fetched once a refresh, all at once. One that fails keeps what the store
   * has from an earlier fetch, with a warning.
   */
  async function fetchUrls(urls: string[], knownHashes: Map<string, string>): Promise<void> {
    if (urls.length === 0) return;
    const [{ fetchFeed }, { feedRows }] = await Promise.all([import('../fetch-feed.js'), import('./feed-rows.js')]);
    const results = await Promise.all(urls.map((url) => fetchFeed(url)));
    const writes: Write[] = [];
    results.forEach((result, i) => {
      const url = urls[i] ?? '';
      progress.done++;
      if ('error' in result) {
        warnings.push({ path: url, message: result.error });
        return;
      }
      progress.bytes += result.bytes;
      for (const message of result.warnings) warnings.push({ path: url, message });
      const file = { path: url, root: url, section: null };
      const stat = { size: result.bytes, mtimeMs: Date.now(), ino: 0 };
      writes.push({ kind: 'feed', file: url, rows: feedRows(result.articles, file, stat, result.hash) });
      if (knownHashes.has(url)) progress.updated++;
      else progress.added++;
    });
    if (!stopped()) commit(writes);
  }

  /** The walk and the comparison with the store; null when the refresh was stopped meanwhile. */
  async function check(request: CheckRequest): Promise<CheckResult | null> {
    const onProgress = (checked: CheckProgress): void => {
      progress.phase = 'checking';
      progress.total = checked.total;
      progress.done = checked.done;
      progress.unchanged = checked.unchanged;
      report();
    };
    if (options.checkInWorker ?? checksInWorkerByDefault(db)) {
      const outcome = await checkInWorker(db.name, request, { onProgress, stopped });
      if (outcome === 'stopped') return null;
      // A worker that could not start or read the database: check here instead.
      if (!(outcome instanceof Error)) return outcome;
    }
    const result = await checkFiles(db, request, { sliceMs, onProgress, stopped });
    return stopped() ? null : result;
  }

  async function run(): Promise<RefreshSummary> {
    // A subscribed feed is fetched by `newsreader fetch`, never by a refresh: opening the
    // library reads what the store has and does not wait on the network.
    const subscribed = new Set(stopped() ? [] : subscribedUrls(db));
    const urls = roots.filter((root) => isFeedUrl(root) && !subscribed.has(root));
    const checked = await check({ roots: roots.filter((root) => !isFeedUrl(root)), urls });
    if (checked === null) return summary();
    const { toParse, knownHashes, gone } = checked;
    warnings.push(...checked.warnings);
    progress.phase = 'checking';
    progress.total = checked.total;
    progress.unchanged = checked.unchanged;
    progress.done = checked.unchanged;

    progress.phase = 'indexing';
    report();
    await fetchUrls(urls, knownHashes);
    // Writing (FTS5 tokenising above all) costs more than parsing, so batches are sized by
    // measurement: the running mean write cost per article decides how many fit a slice.
    let writeMsPerArticle = 0.5;
    const commitTimed = (writes: Write[]): void => {
      const writeStart = performance.now();
      commit(writes);
      if (writes.length > 0) {
        const measured = (performance.now() - writeStart) / writes.length;
        writeMsPerArticle = 0.7 * writeMsPerArticle + 0.3 * measured;
      }
      report();
    };
    const take = (file: FoundFile, outcome: ParseOutcome, writes: Write[]): void => {
      progress.done++;
      progress.bytes += outcome.bytes;
      const known = knownHashes.has(file.path);
      if (outcome.kind === 'skip' || outcome.kind === 'ignored') {
        if (outcome.kind === 'skip') warnings.push({ path: file.path, message: outcome.warning });
        if (known) writes.push({ kind: 'remove', path: file.path });
      } else if (outcome.kind === 'feed') {
        for (const message of outcome.warnings) warnings.push({ path: file.path, message });
        writes.push({ kind: 'feed', file: file.path, rows: outcome.rows });
        if (known) progress.updated++;
        else progress.added++;
      } else if (outcome.kind === 'same') {
        progress.unchanged++;
        writes.push({ kind: 'touch', path: file.path, root: file.root, section: file.section, stat: outcome.stat });
      } else {
        for (const message of outcome.warnings) warnings.push({ path: file.path, message });
        writes.push({ kind: 'upsert', row: outcome.row });
        if (known) progress.updated++;
        else progress.added++;
      }
    };
    const request = (file: FoundFile): ParseRequest => ({ file, knownHash: knownHashes.get(file.path) ?? null });
    // The parsers (feeds, dates, HTML) are loaded only when a file needs parsing here: a
    // library whose files are unchanged, opened in the reader, never loads them.
    const { parseFile } = toParse.length === 0 ? { parseFile: noParsing } : await import('./parse-file.js');

    // A big job's index pages (date, headline, id, FTS) stop fitting the default cache as
    // the library grows; 256 MB while writing made 100,000 articles index in 39 s instead
    // of 57 s. The memory is given back when the refresh ends.
    const bigJob = toParse.length >= BIG_JOB_FILES;
    if (bigJob && !stopped()) {
      countWords = false;
      try {
        vocabulary.markIncomplete();
      } catch (error) {
        throw describeStoreError(error, db.name);
      }
    }
    const previousCache = db.pragma('cache_size', { simple: true }) as number;
    if (bigJob) db.pragma(`cache_size = ${BIG_JOB_CACHE_KIB}`);
    const bulk = bigJob && sliceMs >= BULK_SLICE_MS;
    let indexesDropped = false;
    let syncsSkipped = false;
    let previousAutomerge: number | null = null;
    try {
      if (bulk && !stopped()) {
        try {
          previousAutomerge = setAutomerge(db, BULK_AUTOMERGE);
        } catch (error) {
          throw describeStoreError(error, db.name);
        }
      }
      if (bigJob && options.buildIndexesLast === true && !stopped()) {
        try {
          indexesDropped = dropIndexesIfEmpty(db);
          // A first index, with no user state yet, has nothing a power cut could lose that
          // indexing again would not bring back (a corrupt file is moved aside on opening),
          // so it skips the syncs at checkpoints; a process crash loses nothing either way.
          // Synthetic 100,000: 29.5-30.6 s -> 26.0-26.5 s.
          if (indexesDropped && db.prepare('SELECT 1 FROM user_state LIMIT 1').get() === undefined) {
            db.pragma('synchronous = OFF');
            syncsSkipped = true;
          }
        } catch (error) {
          throw describeStoreError(error, db.name);
        }
      }
      const workers = options.workers ?? defaultWorkers(toParse.length);
      if (workers > 0) {
        // Workers read and parse; this thread only writes, a batch at a time as results land.
        const pool = new ParsePool(workers, {
          onRestart: () => {
            progress.restarts++;
            report();
          },
        });
        try {
          const head = Math.min(bulk ? BULK_HEAD : FIRST_SCREEN, toParse.length);
          const chunks: FoundFile[][] = [];
          for (let i = head; i < toParse.length; i += WORKER_CHUNK) chunks.push(toParse.slice(i, i + WORKER_CHUNK));
          const inFlight: { outcomes: Promise<ParseOutcome[]>; arrived: boolean }[] = [];
          let sent = 0;
          const queued = Math.max(pool.size * WORKER_QUEUE, bulk ? BULK_QUEUE : 0);
          const fill = (): void => {
            while (inFlight.length < queued && sent < chunks.length) {
              const parsed = pool.parse((chunks[sent++] ?? []).map(request));
              // Awaited in order below; a failure is seen there, and those left when the
              // loop stops early must not count as unhandled.
              parsed.catch(() => undefined);
              const entry = { outcomes: parsed, arrived: false };
              const arrived = (): void => {
                entry.arrived = true;
              };
              parsed.then(arrived, arrived);
              inFlight.push(entry);
            }
          };
          fill();
          // A worker takes a while to start (hundreds of ms on a busy machine), so while
          // they do, this thread parses a screenful itself: on a first launch the first
          // headlines show without waiting for the workers.
          const firstWrites: Write[] = [];
          for (const file of toParse.slice(0, head)) take(file, parseFile(request(file)), firstWrites);
          commitTimed(firstWrites);
          await yieldToEventLoop();
          let received = 0;
          const writes: Write[] = [];
          while (inFlight.length > 0 && !stopped()) {
            let outcomes: ParseOutcome[];
            try {
              outcomes = await (inFlight.shift()?.outcomes ?? Promise.resolve([]));
            } catch (error) {
              // The pool gave up: keep what was parsed before saying why.
              commitTimed(writes);
              throw error;
            }
            fill();
            const chunk = chunks[received++] ?? [];
            outcomes.forEach((outcome, i) => {
              const file = chunk[i];
              if (file) take(file, outcome, writes);
            });
            // A bulk write also commits a part batch when the next results have not arrived:
            // the time it would wait for them goes to writing instead.
            const waiting = bulk && writes.length >= IDLE_BATCH && inFlight[0]?.arrived === false;
            if (writes.length * writeMsPerArticle >= sliceMs || writes.length >= MAX_BATCH || inFlight.length === 0 || waiting) {
              // A chunk's writes can take longer than a slice: commit them a slice at a
              // time. Results that already arrived would resume this loop at once, batch
              // after batch, so each slice gives keys, timers and frames their turn.
              while (writes.length > 0 && !stopped()) {
                const fits = Math.max(1, Math.min(MAX_BATCH, Math.floor(sliceMs / writeMsPerArticle)));
                commitTimed(writes.splice(0, fits));
                await yieldToEventLoop();
              }
            } else {
              report();
            }
          }
        } finally {
          pool.close();
        }
      } else {
        let index = 0;
        while (index < toParse.length && !stopped()) {
          const sliceStart = performance.now();
          const writes: Write[] = [];
          for (;;) {
            if (index >= toParse.length) break;
            const elapsed = performance.now() - sliceStart;
            if (writes.length > 0 && elapsed + (writes.length + 1) * writeMsPerArticle > sliceMs) break;
            if (writes.length >= MAX_BATCH) break;
            const file = toParse[index++];
            if (!file) continue;
            take(file, parseFile(request(file)), writes);
            // Long slices (the index command's) still move a progress bar along.
            if (progress.done % PROGRESS_EVERY === 0) report();
          }
          commitTimed(writes);
          await yieldToEventLoop();
        }
      }
      if (indexesDropped && db.open) {
        indexesDropped = false;
        try {
          restoreIndexes(db);
        } catch (error) {
          throw describeStoreError(error, db.name);
        }
      }
    } finally {
      // After a failed write too, if it can; else the next open builds them.
      if (indexesDropped && db.open) {
        try {
          restoreIndexes(db);
        } catch {
          // the error that got us here is the one to report
        }
      }
      if (syncsSkipped && db.open) db.pragma('synchronous = NORMAL');
      // Left at BULK_AUTOMERGE if this fails or the process is killed first: the index stays
      // whole and as quick to search (fts-merge.ts), its merges only wait for more segments.
      if (previousAutomerge !== null && db.open) {
        try {
          setAutomerge(db, previousAutomerge);
        } catch {
          // an error that ended the refresh is the one to report
        }
      }
      if (bigJob && db.open) {
        db.pragma(`cache_size = ${previousCache}`);
        db.pragma('shrink_memory');
      }
    }

    // Articles whose files are gone. Their user_state rows stay on purpose.
    progress.phase = 'removing';
    for (let start = 0; start < gone.length && !stopped(); start += 2000) {
      commit(gone.slice(start, start + 2000).map((p): Write => ({ kind: 'remove', path: p })));
      progress.removed += Math.min(2000, gone.length - start);
      await yieldToEventLoop();
    }
    if (!stopped() && !vocabularyComplete(db)) {
      try {
        await vocabulary.rebuild(async () => {
          await yieldToEventLoop();
          return !stopped();
        }, sliceMs);
      } catch (error) {
        throw describeStoreError(error, db.name);
      }
    }
    progress.phase = 'done';
    report();
    return summary();
  }

  function summary(): RefreshSummary {
    return { ...progress, warnings, elapsedMs: performance.now() - started, cancelled: stopped() };
  }

  return {
    progress: () => ({ ...progress }),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    done: run().finally(flushChange),
    cancel() {
      cancelled = true;
    },
  };
}
