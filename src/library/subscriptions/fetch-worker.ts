/**
 * Fetching subscribed feeds (fetch-all.ts) in a worker thread with its own connection to
 * the library database, so the reader's thread never parses a feed or writes its entries:
 * keys are answered while a large feed is read. It posts each feed's outcome as it is
 * stored, then ends. Bundled as dist/lib/fetch-worker.js.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { fetchAll, type FeedOutcome } from './fetch-all.js';
import { Subscriptions } from './store.js';

export interface FetchWorkerData {
  dbPath: string;
  /** The subscriptions to fetch by URL, or null for every one. */
  urls: string[] | null;
  /** How long a write may wait for the reader's own (ms). */
  busyTimeoutMs: number;
}

export type FetchMessage =
  | { kind: 'start'; total: number }
  | { kind: 'feed'; outcome: FeedOutcome; done: number; total: number }
  | { kind: 'done' };

const { dbPath, urls, busyTimeoutMs } = workerData as FetchWorkerData;
const post = (message: FetchMessage): void => parentPort?.postMessage(message);

const db = new Database(dbPath, { fileMustExist: true });
try {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const all = new Subscriptions(db).list();
  const chosen = urls === null ? all : all.filter((s) => urls.includes(s.url));
  post({ kind: 'start', total: chosen.length });
  await fetchAll(db, chosen, { onFeedDone: (outcome, done, total) => post({ kind: 'feed', outcome, done, total }) });
  post({ kind: 'done' });
} finally {
  db.close();
}
