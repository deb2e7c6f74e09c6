/**
 * Search benchmark: time per keystroke, from `search()` to the resolved outcome, through
 * the worker, typing queries one character at a time. Median on the BBC corpus, p95 on
 * 100,000 synthetic articles; also the known-item quality rates on BBC.
 *
 *   npx tsx bench/search.bench.ts            (the 100,000-article library is built once,
 *                                             about a minute, and kept in the temp folder)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/article/types.js';
import { loadArticles } from '../src/library/load-all.js';
import { buildIndex } from '../src/search/build-index.js';
import { SearchEngine } from '../src/search/engine.js';
import { SqliteSearcher } from '../src/search/sqlite-searcher.js';
import { runKnownItem, seededRandom } from '../test/search/known-item.js';
import { writeSyntheticLibrary } from './search-synthetic.js';

const SYNTHETIC_ARTICLES = 100_000;
const QUERIES = 40;
const LIMIT = 100;

function sharedDir(): string {
  const beside = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
  return existsSync(path.join(beside, 'corpora')) ? beside : '/work/shared';
}

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Idle time before typing, as when a reader opens the library and then presses `/`. */
const IDLE_BEFORE_TYPING_MS = 3000;

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
  return times.sort((a, b) => a.ms - b.ms);
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](i === 0 ? 26 : 11)).join(' ');
}

const bbc = path.join(sharedDir(), 'corpora', 'bbc');
const { articles } = await loadArticles([bbc]);
const queries = makeQueries(articles, QUERIES);
const work = mkdtempSync(path.join(tmpdir(), 'newsreader-search-bench-'));
const bbcDb = path.join(work, 'bbc.sqlite');
await buildIndex(bbcDb, [bbc]);

const syntheticDb = path.join(tmpdir(), `newsreader-search-bench-${SYNTHETIC_ARTICLES}-v2.sqlite`);
if (!existsSync(syntheticDb)) {
  console.log(`building ${SYNTHETIC_ARTICLES} synthetic articles into ${syntheticDb} (once)...`);
  writeSyntheticLibrary(`${syntheticDb}.partial`, articles, SYNTHETIC_ARTICLES);
  const { renameSync } = await import('node:fs');
  renameSync(`${syntheticDb}.partial`, syntheticDb);
}

const slowest: string[] = [];
console.log(row(['search: ms per keystroke', 'articles', 'keystrokes', 'median', 'p95', 'max']));
for (const [name, dbPath, count] of [
  ['BBC corpus', bbcDb, articles.length],
  ['synthetic', syntheticDb, SYNTHETIC_ARTICLES],
] as const) {
  const keystrokes = await keystrokeTimes(dbPath, queries);
  const times = keystrokes.map((k) => k.ms);
  const ms = (x: number): string => x.toFixed(2);
  console.log(row([name, count, times.length, ms(percentile(times, 50)), ms(percentile(times, 95)), ms(times[times.length - 1] ?? NaN)]));
  slowest.push(`${name}: ${keystrokes.slice(-3).reverse().map((k) => `${JSON.stringify(k.typed)} ${ms(k.ms)}`).join(', ')}`);
}
console.log(`slowest keystrokes (ms):\n  ${slowest.join('\n  ')}`);

const engine = new SearchEngine(bbcDb);
const loaded = await loadArticles([bbc]);
const quality = runKnownItem(engine, bbcDb, loaded.articles);
engine.close();
console.log('');
console.log(row(['known-item (BBC, 200)', 'sampled', 'found', 'rate']));
console.log(row(['three words, top 3', quality.sampled, quality.top3, `${((100 * quality.top3) / quality.sampled).toFixed(1)}%`]));
console.log(row(['one typo, top 10', quality.sampled, quality.typoTop10, `${((100 * quality.typoTop10) / quality.sampled).toFixed(1)}%`]));
rmSync(work, { recursive: true, force: true });
