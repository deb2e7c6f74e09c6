import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../src/library/store/migrations.js';
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

  it('moves a damaged library of ours aside to library.db.corrupt-<time> and starts afresh', () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    openStore(file).db.close();
    // Keep the 100-byte header (with our application_id), wreck the schema page after it.
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(file, bytes);
    const store = openStore(file);
    expect(store.movedAside).toMatch(/library\.db\.corrupt-\d{4}-\d\d-\d\dT/);
    expect(readFileSync(store.movedAside as string)).toEqual(bytes);
    expect(store.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });
    store.db.close();
    expect(openStore(file).movedAside).toBeNull();
  });

  it('marks a new library with its application_id', () => {
    const file = path.join(tempDir(), 'library.db');
    openStore(file).db.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    expect(readFileSync(file).readInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('marks a library made before libraries were marked, keeping its articles', () => {
    const file = path.join(tempDir(), 'library.db');
    const store = openStore(file);
    store.db.prepare("INSERT INTO user_state (id, read, starred) VALUES ('abc', 1, 1)").run();
    store.db.pragma('application_id = 0');
    store.db.close();
    const again = openStore(file);
    expect(again.movedAside).toBeNull();
    expect(again.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(again.db.prepare('SELECT starred FROM user_state').get()).toEqual({ starred: 1 });
    again.db.close();
  });

  it.each([
    ['a text file', (file: string) => writeFileSync(file, 'my notes, not a database\n'), 'not a SQLite database'],
    ['random bytes', (file: string) => writeFileSync(file, Buffer.alloc(8192, 0x5a)), 'not a SQLite database'],
    [
      "another program's SQLite database",
      (file: string) => {
        const foreign = new Database(file);
        foreign.exec('CREATE TABLE bookmarks (url TEXT)');
        foreign.close();
      },
      "another program's SQLite database",
    ],
    [
      'a SQLite database marked by another program',
      (file: string) => {
        const foreign = new Database(file);
        foreign.pragma('application_id = 1234');
        foreign.exec('CREATE TABLE articles (x)');
        foreign.close();
      },
      "another program's SQLite database",
    ],
  ])('refuses %s with one line and leaves it untouched', (_name, make, what) => {
    const dir = tempDir();
    const file = path.join(dir, 'library.db');
    make(file);
    const before = readFileSync(file);
    const stamp = statSync(file).mtimeMs;
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(
      `${file}: not a newsreader library (${what}); left untouched; use --db FILE or NEWSREADER_DB to choose another path`,
    );
    expect(readFileSync(file)).toEqual(before);
    expect(statSync(file).mtimeMs).toBe(stamp);
    expect(readdirSync(dir)).toEqual(['library.db']);
  });

  it('refuses a directory, saying so', () => {
    const dir = tempDir();
    expect(() => openStore(dir)).toThrow(`${dir}: is a directory; use --db FILE or NEWSREADER_DB to choose another path`);
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
