/**
 * Store benchmarks (cold indexing runs the built CLI, `dist/`): cold indexing of the BBC corpus and of a synthetic corpus, database
 * size, the time from opening the library to the first page of headlines, and how long
 * the reader's sliced refresh stalls the event loop.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './generate.js';
import type { BenchContext, BenchResult, Benchmark } from './harness.js';
import { openLibrary } from '../src/library/store/sqlite-library.js';
import { repoRoot } from '../test/shared-dir.js';

/** The slice the `index` command uses: throughput first. */
const INDEX_SLICE_MS = 2000;

/** The benchmarks run the built CLI: build it once per run. */
let built = false;
function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
  built = true;
}

function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

function dbSize(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) total += statSync(file + suffix).size;
  return total;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function bbcPath(context: BenchContext): string | null {
  if (context.sharedDir === null) {
    context.log('no shared corpora: skipping BBC benchmarks');
    return null;
  }
  return path.join(context.sharedDir, 'corpora', 'bbc');
}

function syntheticCorpus(context: BenchContext): string {
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

/**
 * Cold index through the shipped CLI (`node dist/newsreader.js index`), so the parse
 * workers run as bundled; the time is the refresh's own, from its summary line.
 */
function coldIndex(corpus: string, db: string, repetitions: number): BenchResult {
  const samples: number[] = [];
  let articles = 0;
  let wall = 0;
  for (let i = 0; i < repetitions; i++) {
    removeDb(db);
    const started = performance.now();
    const child = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'newsreader.js'), 'index', '--db', db, corpus], {
      encoding: 'utf8',
    });
    wall = performance.now() - started;
    const match = /indexed (\d+) files in ([\d.]+) s .*?(\d+) added/.exec(child.stderr);
    if (child.status !== 0 || !match) throw new Error(`index failed: ${child.stderr}`);
    samples.push(Number(match[2]) * 1000);
    articles = Number(match[3]);
  }
  const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 1;
  const bytes = corpusBytes(corpus);
  return {
    samples,
    n: articles,
    unit: 'articles',
    notes: [
      `${(bytes / 1e6 / (median / 1000)).toFixed(1)} MB/s of ${mb(bytes)} text`,
      `db ${mb(dbSize(db))}`,
      `process wall ${(wall / 1000).toFixed(2)} s`,
    ],
  };
}

function corpusBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.txt')) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Open the library and fetch the count and the first 50 headlines, as the reader's first frame does. */
function firstPage(corpus: string, db: string, repetitions: number): BenchResult {
  const samples: number[] = [];
  let n = 0;
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    const library = openLibrary({ paths: [corpus], db });
    n = library.count({ sort: 'newest' });
    const page = library.page({ sort: 'newest' }, 0, 50);
    samples.push(performance.now() - started);
    if (page.length === 0) throw new Error(`no articles in ${db}`);
    library.close();
  }
  return { samples, n, unit: 'articles', notes: ['open + count + page of 50, newest first'] };
}

async function ensureIndexed(corpus: string, db: string): Promise<void> {
  const library = openLibrary({ paths: [corpus], db });
  await library.refresh({ sliceMs: INDEX_SLICE_MS }).done;
  library.close();
}

const FIRST_PAGE_AIM = { metric: 'median', target: 20, label: '≤ 20 ms' } as const;
const COLD_AIM = { metric: 'throughput', target: 5000, label: '≥ 5,000 articles/s' } as const;

export const benchmarks: Benchmark[] = [
  {
    name: 'store: cold index BBC',
    aim: COLD_AIM,
    async run(context) {
      const bbc = bbcPath(context);
      if (bbc === null) return null;
      ensureBuilt();
      return coldIndex(bbc, path.join(context.cacheDir, 'store-bbc.db'), 3);
    },
  },
  {
    name: 'store: cold index synthetic',
    aim: COLD_AIM,
    async run(context) {
      const corpus = syntheticCorpus(context);
      ensureBuilt();
      return coldIndex(corpus, path.join(context.cacheDir, `store-synthetic-${context.count}.db`), 1);
    },
  },
  {
    name: 'store: first page BBC',
    aim: FIRST_PAGE_AIM,
    async run(context) {
      const bbc = bbcPath(context);
      if (bbc === null) return null;
      const db = path.join(context.cacheDir, 'store-bbc.db');
      await ensureIndexed(bbc, db);
      return firstPage(bbc, db, 30);
    },
  },
  {
    name: 'store: first page synthetic',
    aim: FIRST_PAGE_AIM,
    async run(context) {
      const corpus = syntheticCorpus(context);
      const db = path.join(context.cacheDir, `store-synthetic-${context.count}.db`);
      await ensureIndexed(corpus, db);
      return firstPage(corpus, db, 30);
    },
  },
  {
    name: 'store: warm refresh synthetic (no changes)',
    async run(context) {
      const corpus = syntheticCorpus(context);
      const db = path.join(context.cacheDir, `store-synthetic-${context.count}.db`);
      await ensureIndexed(corpus, db);
      const samples: number[] = [];
      let n = 0;
      for (let i = 0; i < 3; i++) {
        const library = openLibrary({ paths: [corpus], db });
        const started = performance.now();
        n = (await library.refresh().done).unchanged;
        samples.push(performance.now() - started);
        library.close();
      }
      return { samples, n, unit: 'files', notes: ['walk + stat + compare, reader slices'] };
    },
  },
  {
    name: 'store: longest event-loop stall, reader refresh of BBC',
    async run(context) {
      const bbc = bbcPath(context);
      if (bbc === null) return null;
      const db = path.join(context.cacheDir, 'store-stall.db');
      const samples: number[] = [];
      let total = 0;
      for (let i = 0; i < 3; i++) {
        removeDb(db);
        const library = openLibrary({ paths: [bbc], db });
        let last = performance.now();
        let longest = 0;
        const timer = setInterval(() => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
        }, 1);
        const started = performance.now();
        await library.refresh().done;
        total = performance.now() - started;
        clearInterval(timer);
        library.close();
        samples.push(longest);
      }
      return { samples, n: 1, unit: 'stall', notes: [`default slices; whole refresh took ${(total / 1000).toFixed(2)} s`] };
    },
  },
];
