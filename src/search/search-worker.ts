/**
 * The search worker: owns a read-only connection and runs one query at a time, so a slow
 * query blocks this thread, never the screen. Messages: SearchRequest in, SearchReply out,
 * and a SearchWarning when something is skipped (the did-you-mean vocabulary).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchEngine, type EngineOutcome } from './engine.js';

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
}

export interface SearchReply {
  id: number;
  outcome: EngineOutcome;
}

/** Something search goes on without, said once. */
export interface SearchWarning {
  warning: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const { dbPath, prefixLast, roots, testOnlyExitOnQuery = 0 } = workerData as SearchWorkerData;
let queries = 0;
let engine: SearchEngine | null = null;
let openError: string | null = null;
try {
  engine = new SearchEngine(dbPath, undefined, roots);
} catch (error) {
  openError = `search index unavailable: ${describe(error)}`;
}

/** While no query waits, read the did-you-mean vocabulary a slice at a time. */
let warming = false;
let vocabularyFailed = false;
function warm(): void {
  if (engine === null || warming || vocabularyFailed) return;
  warming = true;
  const step = (): void => {
    try {
      if (engine === null || engine.warmVocabulary()) {
        warming = false;
        return;
      }
    } catch (error) {
      // Queries still run; only the did-you-mean suggestions are missing. Not retried.
      vocabularyFailed = true;
      warming = false;
      parentPort?.postMessage({ warning: `spelling suggestions unavailable: ${describe(error)}` } satisfies SearchWarning);
      return;
    }
    // setImmediate yields to the event loop, so a query arriving meanwhile goes first.
    setImmediate(step);
  };
  setImmediate(step);
}

parentPort?.on('message', (request: SearchRequest) => {
  queries++;
  if (queries === testOnlyExitOnQuery) process.exit(70);
  let outcome: EngineOutcome;
  try {
    if (engine === null) throw new Error(openError ?? 'search index unavailable');
    outcome = engine.search(request.query, request.limit, { prefixLast });
  } catch (error) {
    outcome = { query: request.query, total: 0, hits: [], error: `search failed: ${describe(error)}`, suggestion: null };
  }
  parentPort?.postMessage({ id: request.id, outcome } satisfies SearchReply);
  warm();
});
