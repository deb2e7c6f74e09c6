/**
 * A pool of parse workers. The bundle ships `parse-worker.js` in `dist/lib/`, beside the
 * chunks that start it; run from source (tests, tsx) there is only the TypeScript file,
 * loaded through tsx.
 *
 * A worker that stops (a crash, an out-of-memory kill of its heap, an exit) is replaced
 * once and its unanswered jobs are sent to the replacement, so one bad moment does not end
 * a refresh; a second stop fails every waiting job with the reason, never leaves one
 * pending.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, testOnlyWorkerDeaths, whenWorkerStops } from '../worker-thread.js';
import type { ParseOutcome, ParseRequest } from './parse-file.js';
import type { ParseJob, ParseJobResult, ParseWorkerData } from './parse-worker.js';

/** Workers the pool replaces in its lifetime before it gives up. */
const RESTARTS = 1;

/**
 * Test only: the first N workers a pool starts exit on their second job, unanswered, so
 * end-to-end tests can see a worker die in the built program. Unset in normal use.
 */
export const TEST_ONLY_WORKER_DEATHS_ENV = 'NEWSREADER_TEST_ONLY_PARSE_WORKER_DEATHS';

interface Pending {
  job: ParseJob;
  slot: Slot;
  resolve: (outcomes: ParseOutcome[]) => void;
  reject: (error: Error) => void;
}

/** A place in the pool: the worker in it is replaced when it stops. */
interface Slot {
  worker: Worker;
}

export interface ParsePoolOptions {
  /** Called when a stopped worker was replaced, with why it stopped. */
  onRestart?: (reason: string) => void;
  /** Test only: how many of the first workers started exit on their second job (see the env above). */
  testOnlyWorkerDeaths?: number;
}

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private restartsLeft = RESTARTS;
  private failure: Error | null = null;
  private closed = false;
  private started = 0;
  private readonly deaths: number;

  constructor(
    size: number,
    private readonly options: ParsePoolOptions = {},
  ) {
    this.deaths = testOnlyWorkerDeaths(options.testOnlyWorkerDeaths, TEST_ONLY_WORKER_DEATHS_ENV);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: this.spawn() };
      this.watch(slot);
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Worker {
    const data: ParseWorkerData = this.started++ < this.deaths ? { testOnlyExitOnJob: 2 } : {};
    return startWorker(new URL('./parse-worker.js', import.meta.url), data);
  }

  private watch(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (result: ParseJobResult) => {
      const pending = this.pending.get(result.id);
      this.pending.delete(result.id);
      pending?.resolve(result.outcomes);
    });
    whenWorkerStops(worker, 'parse', (reason) => {
      if (!this.closed && slot.worker === worker) this.stopped(slot, reason);
    });
  }

  /** A worker stopped by itself: replace it and resend its jobs, or fail them all. */
  private stopped(slot: Slot, reason: string): void {
    if (this.restartsLeft <= 0) {
      this.fail(new Error(reason));
      return;
    }
    this.restartsLeft--;
    slot.worker = this.spawn();
    this.watch(slot);
    for (const pending of this.pending.values()) if (pending.slot === slot) slot.worker.postMessage(pending.job);
    this.options.onRestart?.(reason);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  parse(requests: ParseRequest[]): Promise<ParseOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    const id = this.nextId++;
    const slot = this.slots[id % this.slots.length];
    if (!slot) return Promise.reject(new Error('parse pool is empty'));
    return new Promise((resolve, reject) => {
      const job: ParseJob = { id, requests };
      this.pending.set(id, { job, slot, resolve, reject });
      slot.worker.postMessage(job);
    });
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots) void slot.worker.terminate();
    this.slots.length = 0;
    for (const pending of this.pending.values()) pending.reject(new Error('parse pool is closed'));
    this.pending.clear();
  }
}
