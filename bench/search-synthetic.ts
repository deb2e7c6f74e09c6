/**
 * Synthetic articles for the search benchmark: words drawn with the word frequencies of
 * the BBC corpus (so frequent and rare words behave as in real news), with a seeded
 * generator so every run builds the same library. Rows go straight into the database.
 */
import Database from 'better-sqlite3';
import type { Article } from '../src/article/types.js';
import { createSchema, insertRows, type ArticleRow } from '../src/search/build-index.js';

/** mulberry32: small, fast and good enough for sampling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word frequencies of some articles' text, as sampling tables. */
function wordSampler(articles: Article[], random: () => number): () => string {
  const counts = new Map<string, number>();
  for (const a of articles) {
    for (const b of a.blocks) for (const w of b.text.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const vocab = [...counts.keys()];
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of vocab) cumulative.push((sum += counts.get(w) ?? 0));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo] ?? 'news';
  };
}

const SECTIONS = ['business', 'entertainment', 'politics', 'sport', 'tech', 'world', 'science'];

/** Write `count` synthetic articles of about 330 words into a new database at `dbPath`. */
export function writeSyntheticLibrary(dbPath: string, model: Article[], count: number, seed = 42): void {
  const random = seededRandom(seed);
  const word = wordSampler(model, random);
  const sentence = (n: number): string => Array.from({ length: n }, word).join(' ');
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  createSchema(db);
  const BATCH = 2000;
  for (let start = 0; start < count; start += BATCH) {
    const rows: ArticleRow[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const day = new Date(Date.UTC(2010, 0, 1) + Math.floor(random() * 3650) * 86_400_000);
      const paragraphs = Array.from({ length: 6 }, () => `${sentence(25)}. ${sentence(25)}.`);
      const headline = sentence(7);
      rows.push({
        id: `synthetic-${i}`,
        path: `synthetic/${i}.txt`,
        root: 'synthetic',
        section: SECTIONS[i % SECTIONS.length] ?? null,
        headline,
        standfirst: sentence(20),
        date: day.toISOString().slice(0, 10),
        source: random() < 0.5 ? 'Reuters' : 'AFP',
        words: 327,
        blocks: '[]',
        warnings: '[]',
        body: paragraphs.join('\n'),
      });
    }
    insertRows(db, rows);
  }
  db.close();
}
