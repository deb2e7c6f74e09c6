/**
 * Did-you-mean: the closest indexed spellings of the query's words that the index does not
 * know, by edit distance (a swap of two neighbouring letters counts as one edit), ties
 * going to the word found in more articles.
 */
import type Database from 'better-sqlite3';
import { tokenizeRaw } from './normalize.js';
import type { QueryAst } from './query.js';

/** The index's words with the number of articles each occurs in. */
export interface Vocabulary {
  terms: string[];
  docs: number[];
  /** Each term's characters as a set of bits (characterBits), to pass over most terms at once. */
  characters: Int32Array;
}

/**
 * The bit (0-31) of one UTF-16 unit: a-z a bit each, every other unit one of the remaining
 * six by its code. Units sharing a bit only make the bound below looser.
 */
function characterBit(unit: number): number {
  return unit >= 97 && unit <= 122 ? unit - 97 : 26 + (unit % 6);
}

/** The characters of `text` as a set of 32 bits (characterBit). */
export function characterBits(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= 1 << characterBit(text.charCodeAt(i));
  return bits;
}

/**
 * How many characters of a word (each counted where it occurs, `counts` by bit) have their
 * bit in `missing`: each of them takes an edit of its own to turn the word into a term
 * without it, in the whole term and in any start of it. `max` + 1 as soon as it passes `max`.
 */
function editsForMissing(missing: number, counts: Int32Array, max: number): number {
  let edits = 0;
  for (let bits = missing; bits !== 0 && edits <= max; bits &= bits - 1) edits += counts[31 - Math.clz32(bits & -bits)] ?? 0;
  return edits;
}

/** A vocabulary of these terms and article counts. */
export function vocabularyOf(terms: string[], docs: number[]): Vocabulary {
  const characters = new Int32Array(terms.length);
  for (let i = 0; i < terms.length; i++) characters[i] = characterBits(terms[i] ?? '');
  return { terms, docs, characters };
}

/**
 * Read the vocabulary the store keeps (src/library/store/vocabulary.ts): a plain table,
 * read in milliseconds where walking the full-text index took about a second at 100,000
 * articles.
 */
export function loadVocabulary(db: Database.Database): Vocabulary {
  const rows = db.prepare("SELECT term, docs FROM vocabulary WHERE term <> ''").raw().all() as [string, number][];
  const terms: string[] = new Array<string>(rows.length);
  const docs: number[] = new Array<number>(rows.length);
  rows.forEach(([term, count], i) => {
    terms[i] = term;
    docs[i] = count;
  });
  return vocabularyOf(terms, docs);
}

/** Rows reused between calls: the vocabulary scan computes tens of thousands of distances. */
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance between `a` and the first `bLength` units of `b`
 * (all of it by default: no substring is made), giving up (returning max + 1) beyond `max`.
 */
export function editDistance(a: string, b: string, max: number, bLength = b.length): number {
  if (Math.abs(a.length - bLength) > max) return max + 1;
  if (bLength + 1 > (rows[0]?.length ?? 0)) rows = rows.map(() => new Int32Array(bLength + 1));
  let [prevPrev, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= bLength; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= bLength; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, row] = [prev, row, prevPrev];
  }
  return prev[bLength]!;
}

/** How many edits a word of this length may be away: short words allow fewer. */
export function allowedEdits(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/** The known words closest to `word`, best first (fewest edits, then most articles). */
export function closestTerms(vocab: Vocabulary, word: string, limit = 3, prefix = false): string[] {
  const max = allowedEdits(word);
  const wordBits = characterBits(word);
  const counts = new Int32Array(32);
  for (let i = 0; i < word.length; i++) {
    const bit = characterBit(word.charCodeAt(i));
    counts[bit] = (counts[bit] ?? 0) + 1;
  }
  const found: { term: string; distance: number; docs: number }[] = [];
  for (let i = 0; i < vocab.terms.length; i++) {
    // The characters of the word that a term lacks bound its edits from below. The reader
    // runs without V8's optimising compiler (commands/reader-heap.ts), where counting the
    // edits to all 28,000 words of 100,000 articles took 50 ms a query; the bound passes
    // over most of them with a few operations.
    const missing = wordBits & ~(vocab.characters[i] ?? 0);
    if (missing !== 0 && editsForMissing(missing, counts, max) > max) continue;
    const term = vocab.terms[i] ?? '';
    if (term === word) continue;
    let distance = editDistance(word, term, max);
    // A word being typed may be the start of a longer word.
    // Half an edit more than a whole-word match, so a whole word of equal distance wins.
    if (prefix && term.length > word.length) distance = Math.min(distance, editDistance(word, term, max, word.length) + 0.5);
    if (distance <= max) found.push({ term, distance, docs: vocab.docs[i] ?? 0 });
  }
  found.sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1));
  return found.slice(0, limit).map((f) => f.term);
}

/** Words shorter than this are not offered as prefixes (`gre*` matches too much to help). */
const MIN_STEM_LENGTH = 4;

/** How many spellings to try for each word. */
const CANDIDATES = 3;
/** Past this many unknown words the query is not a typo away from anything: no suggestion. */
const MAX_UNKNOWN_WORDS = 4;

/** The input with some folded words replaced, keeping everything else as typed. */
function replaceWords(input: string, replacements: Map<string, string>): string {
  let out = '';
  let at = 0;
  for (const token of tokenizeRaw(input)) {
    const replacement = replacements.get(token.text);
    if (replacement === undefined) continue;
    out += input.slice(at, token.start) + replacement;
    at = token.end;
  }
  return out + input.slice(at);
}

/** Every way of picking one spelling for each word, best picks first. */
function* combinations(options: [string, string[]][]): Generator<Map<string, string>> {
  const total = options.reduce((n, [, spellings]) => n * spellings.length, 1);
  const picks: [number, number[]][] = [];
  for (let n = 0; n < total; n++) {
    const indices: number[] = [];
    let rest = n;
    for (const [, spellings] of options) {
      indices.push(rest % spellings.length);
      rest = Math.floor(rest / spellings.length);
    }
    picks.push([indices.reduce((a, b) => a + b, 0), indices]);
  }
  picks.sort((a, b) => a[0] - b[0]);
  for (const [, indices] of picks) {
    yield new Map(options.map(([word, spellings], i) => [word, spellings[indices[i] ?? 0] ?? word]));
  }
}

export interface SuggestContext {
  vocab: () => Vocabulary;
  /** Whether the index has the word (or, for a prefix, any word beginning with it). */
  known: (word: string, prefix: boolean) => boolean;
  /** Whether a query text finds anything. */
  finds: (query: string) => boolean;
}

/**
 * A corrected query that finds something, or null. Words the index lacks are replaced by
 * close known spellings; when every word is known but together they find nothing (a typo
 * that made another real word), one word at a time is replaced instead.
 */
export function suggestQuery(input: string, query: QueryAst, context: SuggestContext): string | null {
  const seen = new Set<string>();
  const wordsToCheck: [string, boolean][] = [];
  for (const term of query.all.flat()) {
    term.words.forEach((word, index) => {
      if (seen.has(word)) return;
      seen.add(word);
      wordsToCheck.push([word, term.prefix && index === term.words.length - 1]);
    });
  }
  const unknown = wordsToCheck.filter(([word, prefix]) => !context.known(word, prefix));
  if (unknown.length > MAX_UNKNOWN_WORDS) return null;
  // A word cut short (`greensp`) is most likely the start of a longer one: offer the
  // explicit prefix, which also shows how to ask for one.
  const starts = unknown.filter(([word, prefix]) => !prefix && word.length >= MIN_STEM_LENGTH && context.known(word, true));
  if (starts.length > 0) {
    const text = replaceWords(input, new Map(starts.map(([word]) => [word, `${word}*`])));
    if (context.finds(text)) return text;
  }
  if (unknown.length > 0) {
    // Three spellings each for one or two words; past that only the best, so the number
    // of combinations tried stays small.
    const perWord = unknown.length <= 2 ? CANDIDATES : 1;
    const options: [string, string[]][] = unknown.map(([word, prefix]) => [word, closestTerms(context.vocab(), word, perWord, prefix)]);
    if (options.some(([, spellings]) => spellings.length === 0)) return null;
    for (const replacements of combinations(options)) {
      const text = replaceWords(input, replacements);
      if (context.finds(text)) return text;
    }
    return null;
  }
  for (const [word, prefix] of wordsToCheck.slice(0, MAX_UNKNOWN_WORDS)) {
    for (const spelling of closestTerms(context.vocab(), word, CANDIDATES, prefix)) {
      const text = replaceWords(input, new Map([[word, spelling]]));
      if (context.finds(text)) return text;
    }
  }
  return null;
}
