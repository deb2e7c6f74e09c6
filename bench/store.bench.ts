/**
 * Store benchmarks: cold indexing of the BBC corpus and of a synthetic corpus through the
 * built CLI (`dist/`), database size, the time from opening the library to the first page of headlines, and how long
 * the reader's sliced refresh stalls the event loop.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../src/library/store/sqlite-library.js';
import {
  bbcDb,
  bbcPath,
  dbSize,
  indexedBbc,
  indexedSynthetic,
  indexWithCli,
  removeDb,
  syntheticCorpus,
  syntheticDb,
  type IndexedCorpus,
} from './corpora.js';
import { percentile, type BenchResult, type Benchmark } from './harness.js';

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
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
    const run = indexWithCli(corpus, db);
    samples.push(run.ms);
    articles = run.added;
    wall = run.wallMs;
  }
  const median = percentile(samples, 50);
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
function firstPage({ corpus, db }: IndexedCorpus, repetitions: number): BenchResult {
  const samples: number[] = [];
  let articles = 0;
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    const library = openLibrary({ paths: [corpus], db });
    articles = library.count({ sort: 'newest' });
    const page = library.page({ sort: 'newest' }, 0, 50);
    samples.push(performance.now() - started);
    if (page.length === 0) throw new Error(`no articles in ${db}`);
    library.close();
  }
  // One sample is one first page: a latency, so no rate (the library size is a note).
  return { samples, n: 1, unit: 'first pages', notes: ['open + count + page of 50, newest first', `library of ${articles.toLocaleString('en-US')} articles`] };
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
      return coldIndex(bbc, bbcDb(context), 3);
    },
  },
  {
    name: 'store: cold index synthetic',
    aim: COLD_AIM,
    async run(context) {
      return coldIndex(syntheticCorpus(context), syntheticDb(context), 1);
    },
  },
  {
    name: 'store: first page BBC',
    aim: FIRST_PAGE_AIM,
    async run(context) {
      const bbc = indexedBbc(context);
      return bbc && firstPage(bbc, 30);
    },
  },
  {
    name: 'store: first page synthetic',
    aim: FIRST_PAGE_AIM,
    async run(context) {
      return firstPage(indexedSynthetic(context), 30);
    },
  },
  {
    name: 'store: warm refresh synthetic (no changes)',
    async run(context) {
      const { corpus, db } = indexedSynthetic(context);
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
      return { samples, n: 1, unit: 'refreshes', notes: [`default slices; whole refresh took ${(total / 1000).toFixed(2)} s`] };
    },
  },
];
