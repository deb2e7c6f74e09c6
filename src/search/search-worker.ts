/**
 * The search worker: owns a read-only connection and runs one query at a time, so a slow
 * query blocks this thread, never the screen. Messages: SearchRequest in, SearchReply out,
 * and a SearchWarning when something done in the background (reading the did-you-mean
 * vocabulary) failed: it is said once, never swallowed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answer, openEngine, type EngineOutcome } from './engine.js';

export interface SearchWorkerData {
  dbPath: string;
  prefixLast: boolean;
  /** Library roots to search under; empty for the whole database. */
  roots: string[];
  /** Test only: exit, unanswered, on receiving this query (1 = the first), as a crash would. */
  testOnlyExitOnQuery?: number;
}

export interface SearchRequest {
  id: number;
  query: string;
  limit: number;
  offset: number;
}

export interface SearchReply {
  id: number;
  outcome: EngineOutcome;
}

/** Sent once the database is open (or could not be): queries are answered from now on. */
export interface SearchReady {
  ready: true;
}

/** Something the worker could not do outside any one query; searching goes on. */
export interface SearchWarning {
  warning: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const { dbPath, prefixLast, roots, testOnlyExitOnQuery = 0 } = workerData as SearchWorkerData;
let queries = 0;
const { engine, unavailable } = openEngine(dbPath, roots);
parentPort?.postMessage({ ready: true } satisfies SearchReady);

const warned = new Set<string>();
function warn(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  parentPort?.postMessage({ warning: message } satisfies SearchWarning);
}

/** Read the did-you-mean vocabulary while no query waits, so a query finding nothing need not. */
function warm(): void {
  setImmediate(() => {
    try {
      engine?.warmVocabulary();
    } catch (error) {
      warn(`did-you-mean suggestions unavailable: cannot read the index's words (${describe(error)})`);
    }
  });
}
warm();

parentPort?.on('message', (request: SearchRequest) => {
  queries++;
  if (queries === testOnlyExitOnQuery) process.exit(70);
  const outcome = answer(engine, unavailable, request, prefixLast);
  parentPort?.postMessage({ id: request.id, outcome } satisfies SearchReply);
  warm();
});
