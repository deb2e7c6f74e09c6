/**
 * A parse worker: reads and parses the files it is sent and posts the rows back, so the
 * main thread is left with the SQLite writes. Bundled as dist/parse-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { parseFile, type ParseOutcome, type ParseRequest } from './parse-file.js';

export interface ParseJob {
  id: number;
  requests: ParseRequest[];
}

export interface ParseJobResult {
  id: number;
  outcomes: ParseOutcome[];
}

parentPort?.on('message', (job: ParseJob) => {
  const result: ParseJobResult = { id: job.id, outcomes: job.requests.map(parseFile) };
  parentPort?.postMessage(result);
});
