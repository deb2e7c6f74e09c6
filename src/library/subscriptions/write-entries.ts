/**
 * Store a fetched feed's entries for a subscription: new entries are added, changed ones
 * updated in place (their id, and so their read and starred state, stays). An entry that
 * has left the feed stays in the library: a feed shows only its latest entries, and what
 * was fetched once is kept.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../../article/types.js';
import { feedRows, type FeedRow, INSERT_ENTRY_SQL, UPDATE_ENTRY_SQL } from '../store/feed-rows.js';
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
  private readonly write: Database.Transaction<(url: string, articles: readonly Article[], hash: string, bytes: number) => StoredEntries>;

  constructor(db: Database.Database) {
    this.existing = db.prepare('SELECT headline, standfirst, body, blocks, published, url FROM articles WHERE path = ?');
    this.insert = db.prepare(INSERT_ENTRY_SQL);
    this.update = db.prepare(UPDATE_ENTRY_SQL);
    this.vocabulary = new VocabularyWriter(db);
    this.write = db.transaction((url: string, articles: readonly Article[], hash: string, bytes: number) => {
      const file = { path: url, root: url, section: null };
      const rows = feedRows(articles, file, { size: bytes, mtimeMs: Date.now(), ino: 0 }, hash);
      let added = 0;
      let updated = 0;
      for (const row of rows) {
        const known = this.existing.get(row.path) as Compared | undefined;
        if (known === undefined) {
          this.vocabulary.count(row);
          this.insert.run(row);
          added++;
        } else if (!sameEntry(known, row)) {
          // Only a changed entry is written again: each write re-indexes its text.
          this.update.run(row);
          updated++;
        }
      }
      this.vocabulary.flush();
      return { added, updated };
    });
  }

  /** Write the entries of the feed at `url` in one transaction. */
  store(url: string, articles: readonly Article[], hash: string, bytes: number): StoredEntries {
    return this.write.immediate(url, articles, hash, bytes);
  }
}
