/**
 * The refresh's first step: walk the library paths and compare each file's size, mtime
 * and inode with what the store holds, keeping only what the refresh must act on (files
 * to parse, paths gone). On a warm library of 100,000 articles nearly everything is
 * unchanged, yet the walk's list and the store's map of known files take tens of MiB of
 * heap, which V8 keeps once grown; so the reader runs this step in a worker thread of its
 * own that ends after it (check-thread.ts), and the main thread holds only the result.
 */
import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { findArticleFiles, type FoundFile } from '../find.js';
import type { Warning } from '../load-all.js';
import { rootFilter } from '../schema.js';

export interface CheckRequest {
  /** Library roots, absolute, without feed URLs. */
  roots: string[];
  /** Feed URLs among the roots: never walked, never taken for gone. */
  urls: string[];
}

export interface CheckResult {
  /** Files new or changed since the store saw them, in walk order. */
  toParse: FoundFile[];
  /** Hash the store holds for each of `toParse` (and each URL) it already knows. */
  knownHashes: Map<string, string>;
  /** Stored paths (files and feed files) under the roots that were read but not found. */
  gone: string[];
  /** Files found plus URLs. */
  total: number;
  unchanged: number;
  warnings: Warning[];
}

export interface CheckProgress {
  /** The walk ended: `total` files and URLs will be checked. */
  total: number;
  /** Files checked so far (all unchanged ones among them). */
  done: number;
  unchanged: number;
}

export interface CheckOptions {
  /** Time in milliseconds between yields to the event loop (and progress reports). */
  sliceMs: number;
  onProgress?: (progress: CheckProgress) => void;
  /** True when the check should stop; it then returns what it has. */
  stopped?: () => boolean;
}

interface StoredFile {
  size: number;
  mtime: number;
  ino: number;
  hash: string;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Load what the store knows of the files under `roots`, a page at a time, yielding between pages. */
async function storedFiles(db: Database.Database, roots: string[]): Promise<Map<string, StoredFile>> {
  const filter = rootFilter(roots, 'path');
  const statement = db.prepare(
    `SELECT path, feed_file, size, mtime_ms AS mtime, ino, hash FROM articles WHERE (${filter.sql}) AND path > ? ORDER BY path LIMIT 5000`,
  );
  const stored = new Map<string, StoredFile>();
  let after = '';
  for (;;) {
    const rows = statement.all(...filter.params, after) as (StoredFile & { path: string; feed_file: string | null })[];
    // A feed's entries all carry its file's stat and hash: the file is known once. Only
    // the four numbers are kept, not the row object with its path strings.
    for (const row of rows) stored.set(row.feed_file ?? row.path, { size: row.size, mtime: row.mtime, ino: row.ino, hash: row.hash });
    const last = rows.at(-1);
    if (!last || rows.length < 5000) break;
    after = last.path;
    await yieldToEventLoop();
    if (!db.open) break;
  }
  return stored;
}

/** Walk `request.roots` and compare with the store; throws UnreadablePathsError when no root can be read. */
export async function checkFiles(db: Database.Database, request: CheckRequest, options: CheckOptions): Promise<CheckResult> {
  const stopped = options.stopped ?? (() => !db.open);
  const found = await findArticleFiles(request.roots);
  // Articles under a PATH that cannot be read now (an unmounted disk) are kept, not
  // taken for deleted: only the roots that were read are compared with the store.
  // The feed URLs asked for are compared too (their entries are stored under the URL).
  // No root at all compares nothing: an empty filter would take the whole store for gone.
  const compared = [...request.roots.filter((root) => !found.unreadableRoots.includes(root)), ...request.urls];
  const stored = stopped() || compared.length === 0 ? new Map<string, StoredFile>() : await storedFiles(db, compared);
  const total = found.files.length + request.urls.length;
  const progress: CheckProgress = { total, done: 0, unchanged: 0 };
  options.onProgress?.({ ...progress });

  const toParse: FoundFile[] = [];
  const knownHashes = new Map<string, string>();
  const seen = new Set<string>(request.urls);
  for (const url of request.urls) {
    const known = stored.get(url);
    if (known) knownHashes.set(url, known.hash);
  }
  let index = 0;
  while (index < found.files.length && !stopped()) {
    const sliceEnd = performance.now() + options.sliceMs;
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
        knownHashes.set(file.path, known.hash);
      }
      toParse.push(file);
    }
    options.onProgress?.({ ...progress });
    await yieldToEventLoop();
  }
  return {
    toParse,
    knownHashes,
    gone: stopped() ? [] : [...stored.keys()].filter((p) => !seen.has(p)),
    total,
    unchanged: progress.unchanged,
    warnings: found.warnings,
  };
}
