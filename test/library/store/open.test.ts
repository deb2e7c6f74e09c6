import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../../src/library/store/open.js';
import { resolveDbPath } from '../../../src/library/store/paths.js';
import { startRefresh } from '../../../src/library/store/refresh.js';
import { articleText, tempDir, writeArticle } from './helpers.js';

describe('where the database lives', () => {
  it('prefers --db, then NEWSREADER_DB, then the XDG data folder', () => {
    expect(resolveDbPath({ db: '/x/a.db', env: { NEWSREADER_DB: '/y/b.db' } })).toBe('/x/a.db');
    expect(resolveDbPath({ env: { NEWSREADER_DB: '/y/b.db' } })).toBe('/y/b.db');
    expect(resolveDbPath({ env: { XDG_DATA_HOME: '/data' } })).toMatch(/newsreader\/library\.db$/);
  });
});

describe('opening the store', () => {
  it('opens in WAL mode with a busy timeout', () => {
    const { db } = openStore(path.join(tempDir(), 'sub', 'library.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('moves a corrupt file aside to library.db.corrupt-<time> and starts afresh', () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const store = openStore(file);
    expect(store.movedAside).toMatch(/library\.db\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(readFileSync(store.movedAside as string)).toEqual(Buffer.alloc(8192, 0x5a));
    expect(store.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
    store.db.close();
    expect(openStore(file).movedAside).toBeNull();
  });

  it('moves aside a SQLite database that belongs to another program', () => {
    const file = path.join(tempDir(), 'library.db');
    const foreign = new Database(file);
    foreign.exec('CREATE TABLE bookmarks (url TEXT)');
    foreign.close();
    const store = openStore(file);
    expect(store.movedAside).not.toBeNull();
    expect(readdirSync(path.dirname(file)).some((name) => name.startsWith('library.db.corrupt-'))).toBe(true);
    store.db.close();
  });

  it('reports a full disk as one clear error, keeping what was committed', async () => {
    const dir = tempDir();
    for (let i = 0; i < 40; i++) writeArticle(dir, `news/${i}.txt`, articleText(`Story ${i}`, 'Sep 6, 2016', 'word '.repeat(2000)));
    const store = openStore(path.join(dir, 'library.db'));
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages + 20}`);
    const refresh = startRefresh(store.db, [path.join(dir, 'news')], { sliceMs: 1 });
    await expect(refresh.done).rejects.toThrow(StoreError);
    await expect(refresh.done).rejects.toThrow(/disk is full/);
    expect(store.db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    store.db.close();
  });

  it('reports a read-only database as one clear error', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    openStore(file).db.close();
    writeArticle(dir, 'news/a.txt', articleText('A', 'Sep 6, 2016'));
    const readOnly = new Database(file, { readonly: true });
    const refresh = startRefresh(readOnly, [path.join(dir, 'news')]);
    await expect(refresh.done).rejects.toThrow(/cannot write the library database \(read-only/);
    readOnly.close();
    expect(existsSync(file)).toBe(true);
  });
});
