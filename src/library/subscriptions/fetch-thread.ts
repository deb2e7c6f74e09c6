/**
 * Starting a fetch of subscribed feeds in a worker thread (fetch-worker.ts) and reporting
 * its progress. The bundle ships `fetch-worker.js` in `dist/lib/`, beside the chunks that
 * start it.
 */
import type { FetchProgress, FetchRun } from '../library.js';
import { startWorker } from '../worker-thread.js';
import type { FetchMessage, FetchWorkerData } from './fetch-worker.js';

export interface FetchThreadOptions {
  dbPath: string;
  urls: readonly string[] | null;
  busyTimeoutMs: number;
  onProgress: (progress: FetchProgress) => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function fetchInWorker({ dbPath, urls, busyTimeoutMs, onProgress }: FetchThreadOptions): FetchRun {
  const data: FetchWorkerData = { dbPath, urls: urls === null ? null : [...urls], busyTimeoutMs };
  const worker = startWorker(new URL('./fetch-worker.js', import.meta.url), data);
  // A quitting reader does not wait for it: what was stored is committed feed by feed.
  worker.unref();
  let total = urls?.length ?? 0;
  let done = 0;
  let finished = false;
  const finish = (error: string | null): void => {
    if (finished) return;
    finished = true;
    onProgress({ done, total, feed: null, finished: true, error });
  };
  worker.on('message', (message: FetchMessage) => {
    if (finished) return;
    if (message.kind === 'start') {
      total = message.total;
      onProgress({ done, total, feed: null, finished: false, error: null });
    } else if (message.kind === 'feed') {
      done = message.done;
      total = message.total;
      const { url, status, added } = message.outcome;
      onProgress({ done, total, feed: { url, failed: status === 'failed' || status === 'gone', added }, finished: false, error: null });
    } else {
      finish(null);
    }
  });
  worker.on('error', (error: unknown) => finish(`fetching stopped: ${describe(error)}`));
  worker.on('exit', (code) => finish(code === 0 ? null : `fetching stopped (exit code ${code})`));
  return {
    cancel() {
      finished = true;
      void worker.terminate();
    },
  };
}
