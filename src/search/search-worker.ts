/**
 * The search worker: owns a read-only connection and runs one query at a time, so a slow
 * query blocks this thread, never the screen. Messages: SearchRequest in, SearchReply out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchEngine, type EngineOutcome } from './engine.js';

export interface SearchWorkerData {
  dbPath: string;
  prefixLast: boolean;
  /** Library roots to search under; empty for the whole database. */
  roots: string[];
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const { dbPath, prefixLast, roots } = workerData as SearchWorkerData;
let engine: SearchEngine | null = null;
let openError: string | null = null;
try {
  engine = new SearchEngine(dbPath, undefined, roots);
} catch (error) {
  openError = `search index unavailable: ${describe(error)}`;
}

/** Read the did-you-mean vocabulary while no query waits, so a query finding nothing need not. */
function warm(): void {
  setImmediate(() => {
    try {
      engine?.warmVocabulary();
    } catch {
      // the query that needs it will report the failure
    }
  });
}
warm();

parentPort?.on('message', (request: SearchRequest) => {
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
