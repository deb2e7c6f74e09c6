/**
 * The incremental refresh: walk the library paths, re-parse only files whose size, mtime
 * or inode changed since the store last saw them, and remove articles whose files are gone
 * (their user state stays, keyed by article id, so a file put back is still read).
 *
 * better-sqlite3 is synchronous, so the refresh runs on the caller's thread in slices:
 * read and parse files until a time budget is spent, write them in one transaction,
 * notify, then yield to the event loop with setImmediate so key presses and frames get
 * through between slices. The slice budget is a trade (measured in bench/store.bench.ts):
 * FTS5 writes each commit as a new segment and merges them later, so small transactions
 * cost throughput, while the reader wants stalls under a frame or two. The reader uses
 * the default (BBC: ~3,000 articles/s, longest stall ~40 ms on a busy 2-core machine);
 * `newsreader index`, with nobody waiting on keys, uses long slices (~3,500 articles/s).
 * Per article, parsing and JSON take about 45% of the time and SQLite (rows, then FTS5
 * tokenising) the rest; the SQLite half must stay on the connection that writes, so a
 * parse worker could at best overlap the first half. Slicing was chosen for now as the
 * simpler design that runs the same from source, tests and the bundle.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../article/types.js';
import { findArticleFiles, type FoundFile } from '../find.js';
import { articleFromBytes, describeError, MAX_ARTICLE_BYTES } from '../load.js';
import type { Warning } from '../load-all.js';
import { describeStoreError } from './open.js';
import { rootFilter } from './roots.js';

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
  /** Resolves when the refresh ends; rejects with MissingPathError or StoreError. */
  done: Promise<RefreshSummary>;
  /** Stop after the current slice. */
  cancel(): void;
}

export interface RefreshOptions {
  /** Called after each transaction that changed articles, so views can re-read. */
  onChange?: () => void;
  /** Time budget of one slice in milliseconds: lower is smoother, higher is faster. */
  sliceMs?: number;
}

/** Progress listeners hear of parsed files this often within a slice, not only between slices. */
const PROGRESS_EVERY = 100;

/**
 * At most this many articles a transaction, whatever the time budget: it bounds the rows
 * held in memory and the work a crash can lose, and past it bigger batches gain little.
 */
const MAX_BATCH = 1000;

/** Default slice budget: about one frame at 60 Hz. */
export const DEFAULT_SLICE_MS = 16;

interface StoredFile {
  size: number;
  mtime: number;
  ino: number;
  hash: string;
}

interface Row {
  id: string;
  path: string;
  root: string;
  section: string | null;
  headline: string;
  standfirst: string | null;
  date: string | null;
  source: string | null;
  words: number;
  size: number;
  mtime_ms: number;
  ino: number;
  hash: string;
  blocks: string;
  warnings: string;
  body: string;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The paragraph texts the full-text index searches as `body`. */
export function articleBody(article: Article): string {
  return article.blocks
    .filter((block) => block.kind === 'paragraph')
    .map((block) => block.text)
    .join('\n');
}

function rowFor(article: Article, file: FoundFile, stat: { size: number; mtimeMs: number; ino: number }, hash: string): Row {
  return {
    id: article.id,
    path: file.path,
    root: file.root,
    section: file.section,
    headline: article.headline,
    standfirst: article.standfirst,
    date: article.date,
    source: article.source,
    words: article.words,
    size: stat.size,
    mtime_ms: stat.mtimeMs,
    ino: stat.ino,
    hash,
    blocks: JSON.stringify(article.blocks),
    warnings: JSON.stringify(article.warnings),
    body: articleBody(article),
  };
}

type ReadResult = { bytes: Buffer; stat: { size: number; mtimeMs: number; ino: number } } | { warning: string };

/** Read one file; O_NONBLOCK and the regular-file check keep a FIFO from hanging us. */
function readFile(file: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { warning: describeError(error) };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { warning: 'not a regular file' };
    if (info.size > MAX_ARTICLE_BYTES) return { warning: `larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB, skipped` };
    return { bytes: readFileSync(fd), stat: { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino } };
  } catch (error) {
    return { warning: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

function contentHash(bytes: Buffer): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 16);
}

function prepareStatements(db: Database.Database) {
  return {
    existing: db.prepare('SELECT rowid FROM articles WHERE path = ?').pluck(),
    insert: db.prepare(`
      INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body)
      VALUES (@id, @path, @root, @section, @headline, @standfirst, @date, @source, @words, @size, @mtime_ms, @ino, @hash, @blocks, @warnings, @body)`),
    deferFts: db.prepare('INSERT INTO articles_fts_deferred (writer) VALUES (1)'),
    undeferFts: db.prepare('DELETE FROM articles_fts_deferred'),
    addFts: db.prepare(`
      INSERT INTO articles_fts (rowid, headline, standfirst, body, source, section)
      SELECT rowid, headline, standfirst, body, source, section FROM articles
      WHERE rowid IN (SELECT value FROM json_each(?))`),
    upsert: db.prepare(`
      INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body)
      VALUES (@id, @path, @root, @section, @headline, @standfirst, @date, @source, @words, @size, @mtime_ms, @ino, @hash, @blocks, @warnings, @body)
      ON CONFLICT (path) DO UPDATE SET
        id = excluded.id, root = excluded.root, section = excluded.section, headline = excluded.headline,
        standfirst = excluded.standfirst, date = excluded.date, source = excluded.source, words = excluded.words,
        size = excluded.size, mtime_ms = excluded.mtime_ms, ino = excluded.ino, hash = excluded.hash,
        blocks = excluded.blocks, warnings = excluded.warnings, body = excluded.body`),
    touch: db.prepare('UPDATE articles SET size = ?, mtime_ms = ?, ino = ?, root = ?, section = ? WHERE path = ?'),
    remove: db.prepare('DELETE FROM articles WHERE path = ?'),
  };
}

type Write =
  | { kind: 'upsert'; row: Row; isNew: boolean }
  | { kind: 'touch'; path: string; root: string; section: string | null; stat: { size: number; mtimeMs: number; ino: number } }
  | { kind: 'remove'; path: string };

/** Load what the store knows of the files under `roots`, a page at a time, yielding between pages. */
async function storedFiles(db: Database.Database, roots: string[]): Promise<Map<string, StoredFile>> {
  const filter = rootFilter(roots, 'path');
  const statement = db.prepare(
    `SELECT path, size, mtime_ms AS mtime, ino, hash FROM articles WHERE (${filter.sql}) AND path > ? ORDER BY path LIMIT 5000`,
  );
  const stored = new Map<string, StoredFile>();
  let after = '';
  for (;;) {
    const rows = statement.all(...filter.params, after) as (StoredFile & { path: string })[];
    for (const row of rows) stored.set(row.path, row);
    const last = rows.at(-1);
    if (!last || rows.length < 5000) break;
    after = last.path;
    await yieldToEventLoop();
    if (!db.open) break;
  }
  return stored;
}

/**
 * Start refreshing the store from `paths` (files or folders; made absolute, so the same
 * file is one row whatever the working directory). Returns at once; the work proceeds
 * in slices on the event loop.
 */
export function startRefresh(db: Database.Database, paths: string[], options: RefreshOptions = {}): Refresh {
  const roots = paths.map((p) => path.resolve(p));
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const progress: RefreshProgress = { phase: 'walking', done: 0, total: 0, added: 0, updated: 0, removed: 0, unchanged: 0, bytes: 0 };
  const listeners = new Set<(p: RefreshProgress) => void>();
  const warnings: Warning[] = [];
  let cancelled = false;
  // Closing the database (the reader quitting) stops the refresh like cancel() does.
  const stopped = (): boolean => cancelled || !db.open;
  const started = performance.now();

  const report = (): void => {
    const snapshot = { ...progress };
    for (const listener of listeners) listener(snapshot);
  };

  const statements = prepareStatements(db);
  const apply = db.transaction((writes: Write[]) => {
    // New rows get their full-text entries in one statement at the end (see migration 4);
    // a changed row is updated in place and its trigger re-indexes it.
    statements.deferFts.run();
    const inserted: number[] = [];
    for (const write of writes) {
      if (write.kind === 'upsert') {
        // Under BEGIN IMMEDIATE no other writer can add the path between these two.
        if (statements.existing.get(write.row.path) === undefined) {
          inserted.push(Number(statements.insert.run(write.row).lastInsertRowid));
        } else {
          statements.upsert.run(write.row);
        }
      } else if (write.kind === 'touch') {
        statements.touch.run(write.stat.size, write.stat.mtimeMs, write.stat.ino, write.root, write.section, write.path);
      } else statements.remove.run(write.path);
    }
    if (inserted.length > 0) statements.addFts.run(JSON.stringify(inserted));
    statements.undeferFts.run();
  });
  const commit = (writes: Write[]): void => {
    if (writes.length === 0 || stopped()) return;
    try {
      apply.immediate(writes);
    } catch (error) {
      throw describeStoreError(error, db.name);
    }
    if (writes.some((w) => w.kind !== 'touch')) options.onChange?.();
  };

  async function run(): Promise<RefreshSummary> {
    const found = await findArticleFiles(roots);
    warnings.push(...found.warnings);
    const stored = stopped() ? new Map<string, StoredFile>() : await storedFiles(db, roots);
    progress.phase = 'checking';
    progress.total = found.files.length;
    report();

    // Check stat against the store in slices; collect the files that need parsing.
    const toParse: FoundFile[] = [];
    const seen = new Set<string>();
    let index = 0;
    while (index < found.files.length && !stopped()) {
      const sliceEnd = performance.now() + sliceMs;
      while (index < found.files.length && performance.now() < sliceEnd) {
        const file = found.files[index++];
        if (!file) continue;
        seen.add(file.path);
        const known = stored.get(file.path);
        if (known) {
          try {
            const info = statSync(file.path);
            if (info.size === known.size && info.mtimeMs === known.mtime && info.ino === known.ino) {
              progress.unchanged++;
              progress.done++;
              continue;
            }
          } catch {
            // gone or unreadable since the walk: parsing will say why
          }
        }
        toParse.push(file);
      }
      report();
      await yieldToEventLoop();
    }

    progress.phase = 'indexing';
    report();
    index = 0;
    // Writing (FTS5 tokenising above all) costs more than parsing, so the slice is split by
    // measurement: the running mean write cost per article decides how many to parse.
    let writeMsPerArticle = 0.5;
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
        progress.done++;
        // Long slices (the index command's) still move a progress bar along.
        if (progress.done % PROGRESS_EVERY === 0) report();
        const known = stored.get(file.path);
        const read = readFile(file.path);
        if ('warning' in read) {
          warnings.push({ path: file.path, message: read.warning });
          if (known) writes.push({ kind: 'remove', path: file.path });
          continue;
        }
        progress.bytes += read.bytes.length;
        const hash = contentHash(read.bytes);
        if (known && known.hash === hash) {
          progress.unchanged++;
          writes.push({ kind: 'touch', path: file.path, root: file.root, section: file.section, stat: read.stat });
          continue;
        }
        const parsed = articleFromBytes(read.bytes, file);
        if ('warning' in parsed) {
          warnings.push({ path: file.path, message: parsed.warning });
          if (known) writes.push({ kind: 'remove', path: file.path });
          continue;
        }
        for (const message of parsed.article.warnings) warnings.push({ path: file.path, message });
        writes.push({ kind: 'upsert', row: rowFor(parsed.article, file, read.stat, hash), isNew: !known });
        if (known) progress.updated++;
        else progress.added++;
      }
      const writeStart = performance.now();
      commit(writes);
      if (writes.length > 0) {
        const measured = (performance.now() - writeStart) / writes.length;
        writeMsPerArticle = 0.7 * writeMsPerArticle + 0.3 * measured;
      }
      report();
      await yieldToEventLoop();
    }

    // Articles whose files are gone. Their user_state rows stay on purpose.
    progress.phase = 'removing';
    const gone = stopped() ? [] : [...stored.keys()].filter((p) => !seen.has(p));
    for (let start = 0; start < gone.length; start += 2000) {
      commit(gone.slice(start, start + 2000).map((p): Write => ({ kind: 'remove', path: p })));
      progress.removed += Math.min(2000, gone.length - start);
      await yieldToEventLoop();
    }
    progress.phase = 'done';
    report();
    return { ...progress, warnings, elapsedMs: performance.now() - started, cancelled: stopped() };
  }

  return {
    progress: () => ({ ...progress }),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    done: run(),
    cancel() {
      cancelled = true;
    },
  };
}
