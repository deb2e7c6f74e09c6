/**
 * Starting a worker thread from a module that is either bundled (dist/, where each worker
 * is its own bundle beside newsreader.js) or run from source by tests and benchmarks
 * (where only the .ts file exists, and a worker does not inherit the parent's TypeScript
 * loader, so a small bootstrap registers tsx inside it first).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ResourceLimits, Worker } from 'node:worker_threads';

/**
 * node:worker_threads is loaded with the first worker: a reader of a small library starts
 * none, and the module costs every launch 1.6 MiB resident.
 */
const load = createRequire(import.meta.url);
const workerClass = (): typeof Worker => (load('node:worker_threads') as typeof import('node:worker_threads')).Worker;

/** `script` is the worker's bundled `.js` URL, resolved against the caller's import.meta.url. */
export function startWorker(script: URL, workerData?: unknown, resourceLimits?: ResourceLimits): Worker {
  const Worker = workerClass();
  if (existsSync(fileURLToPath(script))) return new Worker(script, { workerData, ...(resourceLimits === undefined ? {} : { resourceLimits }) });
  const source = new URL(script.href.replace(/\.js$/, '.ts'));
  // tsx's ESM API (package export `tsx/esm/api`), resolved from here: an eval'd worker
  // would resolve a bare specifier against the working directory instead.
  const tsxPackage = load.resolve('tsx/package.json');
  const tsxApi = pathToFileURL(tsxPackage.replace(/package\.json$/, 'dist/esm/api/index.mjs'));
  const bootstrap = `import(${JSON.stringify(tsxApi.href)}).then((api) => { api.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * Call `stopped` when `worker` ends, with why in one line: the error it raised, else its
 * exit code. An 'error' is always followed by 'exit', so the exit is what is reported.
 * A worker that is ended on purpose (terminate) calls it too: the caller tells that apart.
 */
export function whenWorkerStops(worker: Worker, name: string, stopped: (reason: string) => void): void {
  let error: Error | null = null;
  worker.on('error', (raised) => {
    error = raised;
  });
  worker.on('exit', (code) => {
    stopped(error === null ? `${name} worker stopped (exit code ${code})` : `${name} worker failed: ${error.message}`);
  });
}

/**
 * Test only: how many of the first workers a pool or searcher starts should die early
 * (the option, else the environment variable `env`), so end-to-end tests can see a worker
 * die in the built program. 0 in normal use.
 */
export function testOnlyWorkerDeaths(option: number | undefined, env: string): number {
  return option ?? (Number(process.env[env]) || 0);
}
