/**
 * A parse worker: reads and parses the files it is sent and posts the rows back, so the
 * main thread is left with the SQLite writes. Bundled as dist/lib/parse-worker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile, type ParseOutcome, type ParseRequest } from './parse-file.js';

export interface ParseJob {
  id: number;
  requests: ParseRequest[];
}

export interface ParseJobResult {
  id: number;
  outcomes: ParseOutcome[];
}

export interface ParseWorkerData {
  /** Test only: exit, unanswered, on receiving this job (1 = the first), as a crash would. */
  testOnlyExitOnJob?: number;
}

const exitOnJob = (workerData as ParseWorkerData | undefined)?.testOnlyExitOnJob ?? 0;
let jobs = 0;

parentPort?.on('message', (job: ParseJob) => {
  jobs++;
  if (jobs === exitOnJob) process.exit(70);
  const result: ParseJobResult = { id: job.id, outcomes: job.requests.map(parseFile) };
  parentPort?.postMessage(result);
});
