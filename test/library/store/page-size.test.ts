import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/library/store/migrations.js';
import { openStore, PAGE_SIZE } from '../../../src/library/store/open.js';
import { tempDir } from './helpers.js';

describe('the page size of the library database', () => {
  it('is 16 KiB for a new database', () => {
    const { db } = openStore(path.join(tempDir(), 'library.db'));
    expect(PAGE_SIZE).toBe(16_384);
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    db.close();
  });

  it('stays what it was for a database made before, which opens as usual', () => {
    const file = path.join(tempDir(), 'library.db');
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.pragma('journal_mode = WAL');
    migrate(old, 4);
    old.close();
    const { db } = openStore(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.prepare('SELECT count(*) AS n FROM vocabulary').get()).toEqual({ n: 0 });
    db.close();
  });
});
