/**
 * The known-item test: pick articles at random (seeded), make a query of three rarer words
 * from each one's body, and see where the article ranks; then again with one typo in one
 * word, taking the did-you-mean suggestion when the typed query finds nothing, as a reader
 * would.
 */
import Database from 'better-sqlite3';
import type { Article } from '../src/article/types.js';
import { foldText, words } from '../src/search/normalize.js';
import type { SearchEngine } from '../src/search/engine.js';
import { loadVocabulary } from '../src/search/suggest.js';
import { seededRandom } from './seeded-random.js';

/** "Rarer" words: in a few other articles too (so no word alone names the article), not in many. */
const RARE_DOCS = { min: 2, max: 50 };
const MIN_WORD_LENGTH = 4;

export interface KnownItemResult {
  sampled: number;
  top3: number;
  typoTop10: number;
  /** Queries that missed, for the failure message. */
  misses: string[];
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** One edit: delete, insert, substitute or swap neighbouring letters, never a no-op. */
export function typo(word: string, random: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (;;) {
    const at = 1 + Math.floor(random() * (word.length - 1));
    const letter = pick([...letters], random);
    const edits = [
      word.slice(0, at) + word.slice(at + 1),
      word.slice(0, at) + letter + word.slice(at),
      word.slice(0, at) + letter + word.slice(at + 1),
      word.slice(0, at - 1) + word.charAt(at) + word.charAt(at - 1) + word.slice(at + 1),
    ];
    const changed = pick(edits, random);
    if (changed !== word) return changed;
  }
}

function rank(engine: SearchEngine, query: string, path: string, depth: number): number {
  let outcome = engine.search(query, depth, { prefixLast: true });
  if (outcome.total === 0 && outcome.suggestion !== null) outcome = engine.search(outcome.suggestion, depth, { prefixLast: true });
  const index = outcome.hits.findIndex((h) => h.path === path);
  return index === -1 ? Infinity : index + 1;
}

export function runKnownItem(engine: SearchEngine, dbPath: string, articles: Article[], sampleSize = 200, seed = 6): KnownItemResult {
  const db = new Database(dbPath, { readonly: true });
  const vocab = loadVocabulary(db);
  db.close();
  const docs = new Map(vocab.terms.map((t, i) => [t, vocab.docs[i] ?? 0]));
  const random = seededRandom(seed);
  const pool = [...articles];
  const result: KnownItemResult = { sampled: 0, top3: 0, typoTop10: 0, misses: [] };
  while (result.sampled < sampleSize && pool.length > 0) {
    const article = pool.splice(Math.floor(random() * pool.length), 1)[0] as Article;
    const body = article.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text).join('\n');
    const candidates = [...new Set(words(foldText(body)))].filter((w) => {
      const n = docs.get(w) ?? 0;
      return w.length >= MIN_WORD_LENGTH && /^\p{L}+$/u.test(w) && n >= RARE_DOCS.min && n <= RARE_DOCS.max;
    });
    if (candidates.length < 3) continue;
    const chosen: string[] = [];
    while (chosen.length < 3) {
      const w = candidates.splice(Math.floor(random() * candidates.length), 1)[0] as string;
      chosen.push(w);
    }
    result.sampled++;
    const query = chosen.join(' ');
    if (rank(engine, query, article.path, 3) <= 3) result.top3++;
    else result.misses.push(`top 3: ${query} -> ${article.path}`);
    const which = Math.floor(random() * 3);
    const typed = chosen.map((w, i) => (i === which ? typo(w, random) : w)).join(' ');
    if (rank(engine, typed, article.path, 10) <= 10) result.typoTop10++;
    else result.misses.push(`top 10 with a typo: ${typed} -> ${article.path}`);
  }
  return result;
}
