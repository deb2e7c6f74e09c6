/**
 * Store a fetched feed's entries for a subscription: new entries are added, changed ones
 * updated in place (their id, and so their read and starred state, stays). An entry that
 * has left the feed stays in the library: a feed shows only its latest entries, and what
 * was fetched once is kept.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../../article/types.js';
import { ADD_FTS_SQL, DEFER_FTS_SQL, UNDEFER_FTS_SQL } from '../store/deferred-fts.js';
import { feedRows, type FeedRow } from '../store/feed-rows.js';
import { INSERT_ENTRY_SQL, UPDATE_ENTRY_SQL } from '../store/entry-sql.js';
import { VocabularyWriter } from '../store/vocabulary.js';

export interface StoredEntries {
  added: number;
  updated: number;
}

type Compared = Pick<FeedRow, 'headline' | 'standfirst' | 'body' | 'blocks' | 'published' | 'url'>;

function sameEntry(a: Compared, b: Compared): boolean {
  return a.headline === b.headline && a.standfirst === b.standfirst && a.body === b.body && a.blocks === b.blocks && a.published === b.published && a.url === b.url;
}

export class EntryWriter {
  private readonly existing: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly vocabulary: VocabularyWriter;
  private readonly deferFts: Database.Statement;
  private readonly undeferFts: Database.Statement;
  private readonly addFts: Database.Statement;
  private readonly write: Database.Transaction<(url: string, articles: readonly Article[], hash: string, bytes: number) => StoredEntries>;

  /**
   * `countWords` false leaves the did-you-mean vocabulary to a rebuild at the end (see
   * fetchAll): counting each entry's words costs about a third of writing it.
   */
  constructor(
    db: Database.Database,
    private readonly countWords = true,
  ) {
    this.existing = db.prepare('SELECT headline, standfirst, body, blocks, published, url FROM articles WHERE path = ?');
    this.insert = db.prepare(INSERT_ENTRY_SQL);
    this.update = db.prepare(UPDATE_ENTRY_SQL);
    this.vocabulary = new VocabularyWriter(db);
    // New rows get their full-text entries in one statement, as a refresh adds them (migration 4).
    this.deferFts = db.prepare(DEFER_FTS_SQL);
    this.undeferFts = db.prepare(UNDEFER_FTS_SQL);
    this.addFts = db.prepare(ADD_FTS_SQL);
    this.write = db.transaction((url: string, articles: readonly Article[], hash: string, bytes: number) => {
      const file = { path: url, root: url, section: null };
      const rows = feedRows(articles, file, { size: bytes, mtimeMs: Date.now(), ino: 0 }, hash);
      let updated = 0;
      const inserted: number[] = [];
      this.deferFts.run();
      for (const row of rows) {
        const known = this.existing.get(row.path) as Compared | undefined;
        if (known === undefined) {
          if (this.countWords) this.vocabulary.count(row);
          inserted.push(Number(this.insert.run(row).lastInsertRowid));
        } else if (!sameEntry(known, row)) {
          // Only a changed entry is written again: each write re-indexes its text.
          this.update.run(row);
          updated++;
        }
      }
      if (inserted.length > 0) this.addFts.run(JSON.stringify(inserted));
      this.undeferFts.run();
      this.vocabulary.flush();
      return { added: inserted.length, updated };
    });
  }

  /** Write the entries of the feed at `url` in one transaction. */
  store(url: string, articles: readonly Article[], hash: string, bytes: number): StoredEntries {
    return this.write.immediate(url, articles, hash, bytes);
  }
}
