/**
 * A pool of parse workers. The bundle ships `parse-worker.js` beside `newsreader.js`;
 * run from source (tests, tsx) there is only the TypeScript file, loaded through tsx.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../worker-thread.js';
import type { ParseOutcome, ParseRequest } from './parse-file.js';
import type { ParseJob, ParseJobResult } from './parse-worker.js';

function spawnWorker(): Worker {
  return startWorker(new URL('./parse-worker.js', import.meta.url));
}

interface Pending {
  resolve: (outcomes: ParseOutcome[]) => void;
  reject: (error: Error) => void;
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = spawnWorker();
      worker.on('message', (result: ParseJobResult) => {
        const pending = this.pending.get(result.id);
        this.pending.delete(result.id);
        pending?.resolve(result.outcomes);
      });
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  parse(requests: ParseRequest[]): Promise<ParseOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length];
    if (!worker) return Promise.reject(new Error('parse pool is empty'));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const job: ParseJob = { id, requests };
      worker.postMessage(job);
    });
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
    this.workers.length = 0;
  }
}
