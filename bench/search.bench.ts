/**
 * Search benchmarks: the worker round trip per keystroke, from `search()` to the resolved
 * outcome, typing queries one character at a time (median on the BBC corpus, 95th
 * percentile on the synthetic one) — the searcher alone, without the terminal; the
 * keystroke → count on screen time is in terminal.bench.ts. And the known-item quality
 * rates on BBC. The databases are the store's own, written by the built CLI
 * (bench/corpora.ts). The timed rows run with V8's flags as the reader sets them
 * (commands/reader-heap.ts): without its optimising compiler, a did-you-mean scan took
 * 50 ms in the reader where this bench, with it, said 3.
 */
import type { Article } from '../src/article/types.js';
import { loadArticles } from '../src/library/load-all.js';
import { SearchEngine } from '../src/search/engine.js';
import { SqliteSearcher } from '../src/search/sqlite-searcher.js';
import { fullHeapForIndexing, leanReaderHeap } from '../src/commands/reader-heap.js';
import { runKnownItem, type KnownItemResult } from '../kit/known-item.js';
import { seededRandom } from '../kit/seeded-random.js';
import { indexedBbc, indexedSynthetic } from './corpora.js';
import { formatMs, once, percentile, type BenchContext, type BenchResult, type Benchmark } from './harness.js';

const QUERIES = 40;
const LIMIT = 100;

/** Idle time before typing, as when a reader opens the library and then presses `/`. */
const IDLE_BEFORE_TYPING_MS = 3000;

/** Queries a reader might type: one to three headline words, a few with a field or phrase. */
function makeQueries(articles: Article[], count: number): string[] {
  const random = seededRandom(16);
  const queries: string[] = [];
  while (queries.length < count) {
    const article = articles[Math.floor(random() * articles.length)];
    const headlineWords = (article?.headline.match(/\p{L}{3,}/gu) ?? []).map((w) => w.toLowerCase());
    if (headlineWords.length === 0) continue;
    const n = 1 + Math.floor(random() * Math.min(3, headlineWords.length));
    const start = Math.floor(random() * (headlineWords.length - n + 1));
    const picked = headlineWords.slice(start, start + n);
    const kind = queries.length % 8;
    queries.push(kind === 6 ? `headline:${picked.join(' ')}` : kind === 7 && n > 1 ? `"${picked.join(' ')}"` : picked.join(' '));
  }
  return queries;
}

interface Bbc {
  db: string;
  articles: Article[];
  queries: string[];
}

/** The BBC database, articles and typed queries, once per run; null without the corpus. */
const loadBbc = once(async (context: BenchContext): Promise<Bbc | null> => {
  const bbc = indexedBbc(context);
  if (bbc === null) return null;
  const { articles } = await loadArticles([bbc.corpus]);
  return { db: bbc.db, articles, queries: makeQueries(articles, QUERIES) };
});

interface Keystroke {
  ms: number;
  typed: string;
}

async function keystrokeTimes(dbPath: string, queries: string[]): Promise<Keystroke[]> {
  const searcher = new SqliteSearcher(dbPath);
  const times: Keystroke[] = [];
  try {
    // The first query opens the database; the idle time lets the worker read the
    // did-you-mean vocabulary, as it does while a reader looks at the list.
    await searcher.search('warm up', LIMIT);
    await new Promise((resolve) => setTimeout(resolve, IDLE_BEFORE_TYPING_MS));
    for (const query of queries) {
      for (let end = 1; end <= query.length; end++) {
        const typed = query.slice(0, end);
        const start = performance.now();
        await searcher.search(typed, LIMIT);
        times.push({ ms: performance.now() - start, typed });
      }
    }
  } finally {
    searcher.close();
  }
  return times;
}

/**
 * Type the BBC queries into the database `pick` chooses. The synthetic corpus draws its
 * words from BBC's, so the same queries suit both.
 */
function typing(pick: (context: BenchContext, bbc: Bbc) => { db: string; articles: number }): Benchmark['run'] {
  return async (context) => {
    const bbc = await loadBbc(context);
    if (bbc === null) return null;
    const { db, articles } = pick(context, bbc);
    return typingResult(await keystrokeTimes(db, bbc.queries), bbc.queries.length, articles);
  };
}

function typingResult(keystrokes: Keystroke[], queries: number, articles: number): BenchResult {
  const slowest = [...keystrokes].sort((a, b) => b.ms - a.ms).slice(0, 3);
  return {
    samples: keystrokes.map((k) => k.ms),
    n: 1,
    unit: 'keystrokes',
    notes: [`search() → outcome, no screen; ${articles.toLocaleString('en-US')} articles, ${queries} queries`, `slowest ${slowest.map((k) => `${JSON.stringify(k.typed)} ${formatMs(k.ms)}`).join(', ')}`],
  };
}

/** The known-item test on BBC, run once for both of its rates. */
const knownItemOnBbc = once(async (bbc: Bbc): Promise<{ result: KnownItemResult; ms: number }> => {
  const engine = new SearchEngine(bbc.db);
  try {
    const started = performance.now();
    const result = runKnownItem(engine, bbc.db, bbc.articles);
    return { result, ms: performance.now() - started };
  } finally {
    engine.close();
  }
});

function knownItemRow(rate: (result: KnownItemResult) => number, what: string): Benchmark['run'] {
  return async (context) => {
    const bbc = await loadBbc(context);
    if (bbc === null) return null;
    const { result, ms } = await knownItemOnBbc(bbc);
    return {
      samples: [ms],
      n: result.sampled,
      unit: 'queries',
      rate: rate(result) / result.sampled,
      notes: [`${rate(result)} of ${result.sampled} sampled articles ${what}`],
    };
  };
}

/** Words absent from every corpus here: the query finds nothing and asks for a did-you-mean. */
const ABSENT = ['zebrafish', 'quantumly', 'zymurgist', 'xylophonist', 'grzmblt', 'aleppoo', 'parliamnet', 'ceasfire'];

/**
 * A query that finds nothing, answered with its did-you-mean by a search engine opened
 * just before, as right after the reader starts: its worker reads the vocabulary as soon
 * as it starts (timed apart, in the notes), then the query comes.
 */
async function noMatch(context: BenchContext): Promise<BenchResult> {
  const { db } = indexedSynthetic(context);
  const samples: number[] = [];
  const loads: number[] = [];
  const suggestions: string[] = [];
  for (const word of ABSENT) {
    const engine = new SearchEngine(db);
    try {
      const loading = performance.now();
      engine.warmVocabulary();
      loads.push(performance.now() - loading);
      const started = performance.now();
      const outcome = engine.search(word, LIMIT, { prefixLast: true });
      samples.push(performance.now() - started);
      if (outcome.total !== 0) throw new Error(`${word} is not absent from ${db}`);
      suggestions.push(`${word}→${outcome.suggestion ?? '-'}`);
    } finally {
      engine.close();
    }
  }
  return {
    samples,
    n: 1,
    unit: 'queries',
    notes: [`${context.count.toLocaleString('en-US')} articles, a new engine each`, `vocabulary read ${formatMs(percentile(loads, 50))}`, suggestions.join(' ')],
  };
}

/** Words in many articles: how soon the reader can show their count (and first page). */
const COMMON = ['the', 'said', 'government', 'people', 'minister', 'market', 'th', 'go', 'pr', 'gov'];

async function commonWords(context: BenchContext): Promise<BenchResult> {
  const { db } = indexedSynthetic(context);
  const engine = new SearchEngine(db);
  const samples: number[] = [];
  const notes: string[] = [];
  try {
    engine.search('warm up', LIMIT, { prefixLast: true });
    for (const word of COMMON) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        total = engine.search(word, LIMIT, { prefixLast: true }).total;
        times.push(performance.now() - started);
      }
      samples.push(...times);
      notes.push(`${word} ${total} in ${formatMs(Math.min(...times))}`);
    }
  } finally {
    engine.close();
  }
  return { samples, n: 1, unit: 'queries', notes };
}

/** `run` with V8's flags as in the reader, and V8's defaults again after it. */
function asInTheReader(run: Benchmark['run']): Benchmark['run'] {
  return async (context) => {
    leanReaderHeap();
    try {
      return await run(context);
    } finally {
      fullHeapForIndexing();
    }
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'search: no-match query with did-you-mean, synthetic',
    aim: { metric: 'median', target: 100, label: 'median ≤ 100 ms' },
    run: asInTheReader(noMatch),
  },
  {
    name: 'search: common word or short prefix, count and first page, synthetic',
    aim: { metric: 'p95', target: 100, label: 'p95 ≤ 100 ms' },
    run: asInTheReader(commonWords),
  },
  {
    name: 'search: worker round trip per keystroke, BBC',
    aim: { metric: 'median', target: 16, label: 'median ≤ 16 ms' },
    run: asInTheReader(typing((_context, bbc) => ({ db: bbc.db, articles: bbc.articles.length }))),
  },
  {
    name: 'search: worker round trip per keystroke, synthetic',
    aim: { metric: 'p95', target: 50, label: 'p95 ≤ 50 ms' },
    run: asInTheReader(typing((context) => ({ db: indexedSynthetic(context).db, articles: context.count }))),
  },
  {
    name: 'search: known-item, 3 words, top 3, BBC',
    aim: { metric: 'rate', target: 0.95, label: '≥ 95% found' },
    run: knownItemRow((r) => r.top3, 'in the top 3'),
  },
  {
    name: 'search: known-item, a typo, top 10, BBC',
    aim: { metric: 'rate', target: 0.8, label: '≥ 80% found' },
    run: knownItemRow((r) => r.typoTop10, 'in the top 10 with one typo'),
  },
];
