/**
 * The refresh's check (check.ts) in a worker thread of its own, on a read-only connection
 * to the library database; it posts progress now and then and the result once, then the
 * thread ends and its heap goes with it. Bundled as dist/lib/check-worker.js.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { UnreadablePathsError } from '../find.js';
import { checkFiles, type CheckProgress, type CheckRequest, type CheckResult } from './check.js';

export interface CheckWorkerData {
  dbPath: string;
  request: CheckRequest;
}

export type CheckMessage =
  | { kind: 'progress'; progress: CheckProgress }
  | { kind: 'result'; result: CheckResult }
  | { kind: 'unreadable'; problems: { path: string; message: string }[] };

/** Progress is posted at most this often: each message may redraw the reader's status bar. */
const PROGRESS_EVERY_MS = 100;

const { dbPath, request } = workerData as CheckWorkerData;
const post = (message: CheckMessage): void => parentPort?.postMessage(message);

const db = new Database(dbPath, { readonly: true, fileMustExist: true });
let lastPost = Number.NEGATIVE_INFINITY;
try {
  const result = await checkFiles(db, request, {
    // Nothing else runs on this thread: long slices, yielding only to post progress.
    sliceMs: PROGRESS_EVERY_MS,
    onProgress(progress) {
      const now = performance.now();
      if (progress.done > 0 && now - lastPost < PROGRESS_EVERY_MS) return;
      lastPost = now;
      post({ kind: 'progress', progress });
    },
  });
  post({ kind: 'result', result });
} catch (error) {
  if (!(error instanceof UnreadablePathsError)) throw error;
  post({ kind: 'unreadable', problems: [...error.problems] });
} finally {
  db.close();
}
