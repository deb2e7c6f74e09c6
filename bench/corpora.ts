/**
 * The corpora and databases the benchmarks share, cached in the bench folder between runs:
 * the BBC corpus, the seeded synthetic corpus (bench/generate.ts), and their libraries as
 * the built CLI (`node dist/newsreader.js index`) writes them, so every benchmark measures
 * the store's real schema and rows.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../kit/shared-dir.js';
import { generateCorpus } from '../kit/corpus-generator.js';
import type { BenchContext } from './harness.js';

export const builtCli = path.join(repoRoot, 'dist', 'newsreader.js');

/** The benchmarks run the built CLI: build it once per run. */
let built = false;
export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
  built = true;
}

export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

export function dbSize(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) total += statSync(file + suffix).size;
  return total;
}

export function bbcPath(context: BenchContext): string | null {
  if (context.sharedDir === null) {
    context.log('no shared corpora: skipping BBC benchmarks');
    return null;
  }
  return path.join(context.sharedDir, 'corpora', 'bbc');
}

export function syntheticCorpus(context: BenchContext): string {
  const dir = path.join(context.cacheDir, `corpus-${context.count}-seed1`);
  if (!existsSync(path.join(dir, '.complete'))) {
    context.log(`generating ${context.count} synthetic articles into ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    generateCorpus({ count: context.count, seed: 1, out: dir });
    // A marker, so an interrupted generation is redone rather than trusted.
    writeFileSync(path.join(dir, '.complete'), '');
  }
  return dir;
}

export function bbcDb(context: BenchContext): string {
  return path.join(context.cacheDir, 'store-bbc.db');
}

export function syntheticDb(context: BenchContext): string {
  return path.join(context.cacheDir, `store-synthetic-${context.count}.db`);
}

export interface IndexRun {
  /** The refresh's own time, from the CLI's summary line. */
  ms: number;
  /** The whole process, start-up included. */
  wallMs: number;
  added: number;
}

/** `newsreader index --db DB CORPUS` with the built CLI; cold when the database is new. */
export function indexWithCli(corpus: string, db: string): IndexRun {
  ensureBuilt();
  const started = performance.now();
  const child = spawnSync(process.execPath, [builtCli, 'index', '--db', db, corpus], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  const match = /indexed (\d+) files in ([\d.]+) s .*?(\d+) added/.exec(child.stderr);
  if (child.status !== 0 || !match) throw new Error(`index failed: ${child.stderr}`);
  return { ms: Number(match[2]) * 1000, wallMs, added: Number(match[3]) };
}

export interface IndexedCorpus {
  corpus: string;
  db: string;
}

/**
 * The BBC corpus and its database, brought up to date (a no-op refresh when a benchmark
 * already indexed it); null without the shared corpora.
 */
export function indexedBbc(context: BenchContext): IndexedCorpus | null {
  const corpus = bbcPath(context);
  if (corpus === null) return null;
  const db = bbcDb(context);
  indexWithCli(corpus, db);
  return { corpus, db };
}

/** The synthetic corpus of `context.count` articles and its database, brought up to date. */
export function indexedSynthetic(context: BenchContext): IndexedCorpus {
  const corpus = syntheticCorpus(context);
  const db = syntheticDb(context);
  indexWithCli(corpus, db);
  return { corpus, db };
}
