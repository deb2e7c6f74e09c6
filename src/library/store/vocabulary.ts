/**
 * The `vocabulary` table: every word of the full-text index with the number of articles it
 * is in, for the did-you-mean (src/search/suggest.ts). Reading
 * the words from the index itself (fts5vocab) walks the whole index, about a second at
 * 100,000 articles, so the refresh keeps this table instead:
 *
 * - a small refresh adds the words of the articles it writes, counted in JavaScript, in
 *   the same transaction as the articles;
 * - a bulk refresh (parse workers) marks the table incomplete when it starts and, once its
 *   articles are written, reads it again from the index a slice at a time.
 *
 * Counts only grow between rebuilds (removing or changing an article does not take its
 * words back out): they rank spellings, and a suggestion is checked against the index
 * before it is shown, so a word no longer there is never offered.
 */
import type Database from 'better-sqlite3';
import { indexTerms } from '../index-text.js';
import type { Row } from './parse-file.js';

/** The row that marks the vocabulary incomplete; no indexed word is empty. */
export const INCOMPLETE_MARK = '';

/** With slices this long, the vocabulary is read in one go. */
const WHOLE_REBUILD_MS = 1000;

const VOCAB_TABLE = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_vocab USING fts5vocab(main, articles_fts, 'row')";

/**
 * Slice boundaries for reading the index's words: the words between two of them are one
 * slice, so a reader's refresh gives the event loop a turn between slices.
 */
export const VOCABULARY_SLICES: readonly string[] = (() => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out = [''];
  for (const a of letters) for (const b of ['', ...letters]) out.push(a + b);
  out.push('{'); // after the ASCII letters: words beginning with other letters
  return out;
})();

/** True when no bulk refresh has left the vocabulary to be rebuilt. */
export function vocabularyComplete(db: Database.Database): boolean {
  return db.prepare('SELECT 1 FROM vocabulary WHERE term = ?').get(INCOMPLETE_MARK) === undefined;
}

export class VocabularyWriter {
  private readonly pending = new Map<string, number>();
  private readonly add: Database.Statement;
  private readonly mark: Database.Statement;
  private readonly unmark: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.add = db.prepare(`
      INSERT INTO vocabulary (term, docs) SELECT key, value FROM json_each(?) WHERE true
      ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs`);
    this.mark = db.prepare('INSERT OR IGNORE INTO vocabulary (term, docs) VALUES (?, 0)');
    this.unmark = db.prepare('DELETE FROM vocabulary WHERE term = ?');
  }

  /** Count the words of an article being written (small refreshes). */
  count(row: Row): void {
    for (const term of indexTerms([row.headline, row.standfirst, row.body, row.source, row.section])) {
      this.pending.set(term, (this.pending.get(term) ?? 0) + 1);
    }
  }

  /** Write the counted words; call inside the transaction that writes their articles. */
  flush(): void {
    if (this.pending.size === 0) return;
    this.add.run(JSON.stringify(Object.fromEntries(this.pending)));
    this.pending.clear();
  }

  /** A bulk write that added no words ends: the table is whole again without a rebuild. */
  markComplete(): void {
    this.unmark.run(INCOMPLETE_MARK);
  }

  /** A bulk refresh starts: until rebuild() ends, the table is incomplete. */
  markIncomplete(): void {
    this.mark.run(INCOMPLETE_MARK);
  }

  /**
   * Read the vocabulary again from the index, a slice of words at a time, as many slices
   * a transaction as fit in `sliceMs`; `between` runs between transactions (it may yield
   * to the event loop) and stops the rebuild by returning false. Clears the incomplete
   * mark once every slice is written.
   */
  async rebuild(between: () => Promise<boolean>, sliceMs: number): Promise<void> {
    this.db.exec(VOCAB_TABLE);
    const remove = this.db.prepare('DELETE FROM vocabulary WHERE term >= ? AND term < ? AND term <> ?');
    const removeRest = this.db.prepare('DELETE FROM vocabulary WHERE term >= ? AND term <> ?');
    const insert = this.db.prepare('INSERT INTO vocabulary (term, docs) SELECT term, doc FROM temp.index_vocab WHERE term >= ? AND term < ?');
    const insertRest = this.db.prepare('INSERT INTO vocabulary (term, docs) SELECT term, doc FROM temp.index_vocab WHERE term >= ?');
    /** Write slices from `first` until the time is up; returns the next slice to write. */
    const slices = this.db.transaction((first: number): number => {
      const deadline = performance.now() + sliceMs;
      let i = first;
      do {
        const from = VOCABULARY_SLICES[i] ?? '';
        const to = VOCABULARY_SLICES[i + 1];
        if (to === undefined) {
          removeRest.run(from, INCOMPLETE_MARK);
          insertRest.run(from);
        } else {
          remove.run(from, to, INCOMPLETE_MARK);
          insert.run(from, to);
        }
        i++;
      } while (i < VOCABULARY_SLICES.length && performance.now() < deadline);
      return i;
    });
    if (sliceMs >= WHOLE_REBUILD_MS) {
      // Nothing waits on this thread (the index command): one scan of the index is
      // quicker than hundreds of range scans (BBC: 21 ms against 35 ms of CPU).
      if (!(await between())) return;
      this.db.transaction(() => {
        this.db.prepare('DELETE FROM vocabulary WHERE term <> ?').run(INCOMPLETE_MARK);
        this.db.exec('INSERT INTO vocabulary (term, docs) SELECT term, doc FROM temp.index_vocab');
      }).immediate();
    } else {
      for (let next = 0; next < VOCABULARY_SLICES.length; ) {
        if (!(await between())) return;
        next = slices.immediate(next);
      }
    }
    this.unmark.run(INCOMPLETE_MARK);
  }
}
