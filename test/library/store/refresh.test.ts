import { renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadablePathsError } from '../../../src/library/find.js';
import { checkInWorker } from '../../../src/library/store/check-thread.js';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { articleText, tempDir, writeArticle } from './helpers.js';

const NEWEST = { sort: 'newest' } as const;

function setup(): { dir: string; lib: SqliteLibrary; news: string } {
  const dir = tempDir();
  const news = path.join(dir, 'news');
  writeArticle(news, 'world/syria.txt', articleText('Syria talks end without deal', 'Sep 6, 2016'));
  writeArticle(news, 'world/summit.txt', articleText('Leaders meet at summit', 'Sep 5, 2016'));
  writeArticle(news, 'business/oil.txt', articleText('Oil prices rise', 'Sep 4, 2016'));
  const lib = openLibrary({ paths: [news], db: path.join(dir, 'library.db') });
  return { dir, lib, news };
}

function headlines(lib: SqliteLibrary): string[] {
  return lib.page(NEWEST, 0, 100).map((s) => s.headline);
}

describe('refresh', () => {
  it('indexes every file, then finds nothing to do on a second run', async () => {
    const { lib } = setup();
    const first = await lib.refresh().done;
    expect(first).toMatchObject({ added: 3, updated: 0, removed: 0, unchanged: 0, total: 3, done: 3 });
    expect(headlines(lib)).toEqual(['Syria talks end without deal', 'Leaders meet at summit', 'Oil prices rise']);
    const second = await lib.refresh().done;
    expect(second).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 3 });
    lib.close();
  });

  it('picks up added and changed files, keeping the key of a changed one', async () => {
    const { lib, news } = setup();
    await lib.refresh().done;
    const oilKey = lib.page(NEWEST, 2, 1)[0]?.key;
    writeArticle(news, 'tech/chips.txt', articleText('Chip makers merge', 'Sep 7, 2016'));
    writeFileSync(path.join(news, 'business/oil.txt'), articleText('Oil prices fall sharply', 'Sep 4, 2016'));
    const summary = await lib.refresh().done;
    expect(summary).toMatchObject({ added: 1, updated: 1, unchanged: 2 });
    expect(headlines(lib)).toEqual(['Chip makers merge', 'Syria talks end without deal', 'Leaders meet at summit', 'Oil prices fall sharply']);
    expect(lib.page(NEWEST, 3, 1)[0]?.key).toBe(oilKey);
    const hits = lib.db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'sharply'").all();
    expect(hits).toEqual([{ rowid: Number(oilKey) }]);
    expect(lib.db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'rise'").all()).toEqual([]);
    expect(lib.db.prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'chip'").all()).toHaveLength(1);
    // The full-text index matches the articles exactly, and no bulk-insert marker is left.
    expect(() => lib.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(lib.db.prepare('SELECT count(*) AS n FROM articles_fts_deferred').get()).toEqual({ n: 0 });
    lib.close();
  });

  it('re-reads a touched file but keeps the row when its content is the same', async () => {
    const { lib, news } = setup();
    await lib.refresh().done;
    const file = path.join(news, 'world/syria.txt');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const summary = await lib.refresh().done;
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect((await lib.refresh().done).unchanged).toBe(3);
    lib.close();
  });

  it('follows a rename: the old path goes, the new one comes, read state stays', async () => {
    const { lib, news } = setup();
    await lib.refresh().done;
    const syria = lib.page(NEWEST, 0, 1)[0];
    expect(syria?.read).toBe(false);
    lib.setState(syria?.id ?? '', { read: true, starred: true });
    renameSync(path.join(news, 'world/syria.txt'), path.join(news, 'world/syria-talks.txt'));
    const summary = await lib.refresh().done;
    expect(summary).toMatchObject({ added: 1, removed: 1, unchanged: 2 });
    const moved = lib.page(NEWEST, 0, 1)[0];
    expect(moved?.path).toBe(path.join(news, 'world/syria-talks.txt'));
    expect(moved).toMatchObject({ id: syria?.id, read: true, starred: true });
    expect(lib.count(NEWEST)).toBe(3);
    lib.close();
  });

  it('removes the article of a deleted file, and a restored file is still read', async () => {
    const { lib, news } = setup();
    await lib.refresh().done;
    const oil = lib.page(NEWEST, 2, 1)[0];
    lib.setState(oil?.id ?? '', { read: true });
    const text = articleText('Oil prices rise', 'Sep 4, 2016');
    rmSync(path.join(news, 'business/oil.txt'));
    expect((await lib.refresh().done).removed).toBe(1);
    expect(headlines(lib)).not.toContain('Oil prices rise');
    expect(lib.article(oil?.key ?? '')).toBeNull();
    expect(lib.state(oil?.id ?? '').read).toBe(true);
    writeArticle(news, 'business/oil.txt', text);
    await lib.refresh().done;
    expect(lib.page(NEWEST, 2, 1)[0]).toMatchObject({ headline: 'Oil prices rise', read: true });
    lib.close();
  });

  it('drops an article whose file became unreadable as an article, with a warning', async () => {
    const { lib, news } = setup();
    await lib.refresh().done;
    writeFileSync(path.join(news, 'business/oil.txt'), Buffer.from([0x00, 0x01, 0x02, 0x00]));
    const summary = await lib.refresh().done;
    expect(summary.warnings.map((w) => w.path)).toEqual([path.join(news, 'business/oil.txt')]);
    expect(lib.count(NEWEST)).toBe(2);
    lib.close();
  });

  it('notifies subscribers as batches land and reports progress to the end', async () => {
    const { lib, news } = setup();
    for (let i = 0; i < 30; i++) writeArticle(news, `bulk/${i}.txt`, articleText(`Bulk story ${i}`, 'Jan 1, 2015'));
    let notified = 0;
    const counts: number[] = [];
    lib.subscribe(() => {
      notified++;
      counts.push(lib.count(NEWEST));
    });
    const refresh = lib.refresh({ sliceMs: 0.01 });
    const seen: number[] = [];
    refresh.onProgress((p) => seen.push(p.done));
    expect(refresh.progress().phase).toBe('walking');
    const summary = await refresh.done;
    expect(summary.phase).toBe('done');
    expect(notified).toBeGreaterThan(1);
    expect(counts.at(-1)).toBe(33);
    expect(seen.at(-1)).toBe(33);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    lib.close();
  });

  it('keeps the articles of a PATH it cannot read this time, with a warning, and reads the others', async () => {
    const dir = tempDir();
    const disk = path.join(dir, 'disk');
    const home = path.join(dir, 'home');
    writeArticle(disk, 'a.txt', articleText('On the disk', 'Sep 6, 2016'));
    writeArticle(home, 'b.txt', articleText('At home', 'Sep 5, 2016'));
    const lib = openLibrary({ paths: [disk, home], db: path.join(dir, 'library.db') });
    await lib.refresh().done;
    renameSync(disk, `${disk}-unmounted`);
    writeArticle(home, 'c.txt', articleText('Later at home', 'Sep 7, 2016'));
    const summary = await lib.refresh().done;
    expect(summary.warnings).toEqual([{ path: disk, message: 'no such file or directory' }]);
    expect(summary).toMatchObject({ added: 1, removed: 0 });
    expect(headlines(lib)).toEqual(['Later at home', 'On the disk', 'At home']);
    lib.close();
  });

  it('keeps libraries of different roots apart in one database', async () => {
    const { dir, lib } = setup();
    const other = path.join(dir, 'other');
    writeArticle(other, 'x.txt', articleText('Elsewhere entirely', 'Sep 9, 2016'));
    await lib.refresh().done;
    const otherLib = openLibrary({ paths: [other], db: lib.file });
    await otherLib.refresh().done;
    expect(headlines(otherLib)).toEqual(['Elsewhere entirely']);
    expect(lib.count(NEWEST)).toBe(3);
    // Refreshing one root never removes another root's articles.
    expect((await lib.refresh().done).removed).toBe(0);
    expect(otherLib.count(NEWEST)).toBe(1);
    const both = openLibrary({ paths: [other, path.join(dir, 'news')], db: lib.file });
    expect(both.count(NEWEST)).toBe(4);
    for (const l of [lib, otherLib, both]) l.close();
  });
});

describe('refresh of feed URLs alone', () => {
  it("leaves the articles of the library's other folders in place", async () => {
    const { lib, dir } = setup();
    const db = path.join(dir, 'library.db');
    await lib.refresh().done;
    lib.close();
    // Nothing listens on port 9 of the loopback: the fetch fails at once, with a warning.
    const onlyUrl = openLibrary({ paths: ['http://127.0.0.1:9/feed.xml'], db });
    const summary = await onlyUrl.refresh().done;
    expect(summary.removed).toBe(0);
    expect(summary.warnings.map((w) => w.path)).toEqual(['http://127.0.0.1:9/feed.xml']);
    expect(onlyUrl.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 3 });
    onlyUrl.close();
  });
});

describe('refresh and close', () => {
  it('stops quietly when the library is closed mid-refresh, keeping what was written', async () => {
    const { lib, news, dir } = setup();
    for (let i = 0; i < 200; i++) writeArticle(news, `bulk/${i}.txt`, articleText(`Bulk story ${i}`, 'Jan 1, 2015'));
    const refresh = lib.refresh({ sliceMs: 0.01 });
    refresh.onProgress((p) => {
      if (p.done >= 20) lib.close();
    });
    const summary = await refresh.done;
    expect(summary.cancelled).toBe(true);
    expect(summary.done).toBeLessThan(203);
    const reopened = openLibrary({ paths: [news], db: path.join(dir, 'library.db') });
    expect(reopened.count(NEWEST)).toBeGreaterThan(0);
    expect((await reopened.refresh().done).total).toBe(203);
    expect(reopened.count(NEWEST)).toBe(203);
    reopened.close();
  });
});

describe('refresh with parse workers', () => {
  it('gives the same articles, warnings and counts as parsing on the main thread', async () => {
    const { dir, news } = setup();
    for (let i = 0; i < 250; i++) writeArticle(news, `bulk/${i}.txt`, articleText(`Bulk story ${i}`, `Jan ${(i % 28) + 1}, 2015`));
    writeFileSync(path.join(news, 'bulk/binary.txt'), Buffer.from([0x00, 0x01, 0x00]));
    const inThread = openLibrary({ paths: [news], db: path.join(dir, 'a.db') });
    const pooled = openLibrary({ paths: [news], db: path.join(dir, 'b.db') });
    const a = await inThread.refresh({ workers: 0 }).done;
    const b = await pooled.refresh({ workers: 2 }).done;
    expect(b).toMatchObject({ added: 253, total: 254, done: 254 });
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
    const strip = (lib: SqliteLibrary) => lib.page(NEWEST, 0, 300).map(({ key: _key, ...rest }) => rest);
    expect(strip(pooled)).toEqual(strip(inThread));
    expect(() => pooled.db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    writeFileSync(path.join(news, 'bulk/3.txt'), articleText('Bulk story three, rewritten', 'Jan 4, 2015'));
    rmSync(path.join(news, 'bulk/4.txt'));
    expect(await pooled.refresh({ workers: 1 }).done).toMatchObject({ updated: 1, removed: 1, unchanged: 251 });
    inThread.close();
    pooled.close();
  });
});

describe('refresh checking files in a worker thread', () => {
  it('finds the same added, changed, removed and unchanged files as checking on the main thread', async () => {
    const { dir, news } = setup();
    const inThread = openLibrary({ paths: [news], db: path.join(dir, 'a.db') });
    const inWorker = openLibrary({ paths: [news], db: path.join(dir, 'b.db') });
    await inThread.refresh({ checkInWorker: false }).done;
    expect(await inWorker.refresh({ checkInWorker: true }).done).toMatchObject({ added: 3, total: 3, done: 3 });
    writeArticle(news, 'tech/chips.txt', articleText('Chip makers merge', 'Sep 7, 2016'));
    writeFileSync(path.join(news, 'business/oil.txt'), articleText('Oil prices fall sharply', 'Sep 4, 2016'));
    rmSync(path.join(news, 'world/summit.txt'));
    const a = await inThread.refresh({ checkInWorker: false }).done;
    const b = await inWorker.refresh({ checkInWorker: true }).done;
    expect(b).toMatchObject({ added: 1, updated: 1, removed: 1, unchanged: 1, total: 3, done: 3 });
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
    expect(headlines(inWorker)).toEqual(['Chip makers merge', 'Syria talks end without deal', 'Oil prices fall sharply']);
    inThread.close();
    inWorker.close();
  });

  it('answers from the worker itself: a result, an unreadable-paths error, or a stop', async () => {
    const { dir, lib, news } = setup();
    await lib.refresh().done;
    writeArticle(news, 'tech/chips.txt', articleText('Chip makers merge', 'Sep 7, 2016'));
    const dbPath = path.join(dir, 'library.db');
    const result = await checkInWorker(dbPath, { roots: [news], urls: [] }, { stopped: () => false });
    expect(result).toMatchObject({ total: 4, unchanged: 3, gone: [], toParse: [{ path: path.join(news, 'tech/chips.txt'), section: 'tech' }] });
    await expect(checkInWorker(dbPath, { roots: [path.join(dir, 'missing')], urls: [] }, { stopped: () => false })).rejects.toThrow(
      UnreadablePathsError,
    );
    expect(await checkInWorker(dbPath, { roots: [news], urls: [] }, { stopped: () => true })).toBe('stopped');
    lib.close();
  });

  it('says why when the worker cannot open the database, so the refresh checks on its own thread', async () => {
    const { dir, news } = setup();
    const failed = await checkInWorker(path.join(dir, 'no-such.db'), { roots: [news], urls: [] }, { stopped: () => false });
    expect(failed).toBeInstanceOf(Error);
    expect(String(failed)).toMatch(/SQLITE_CANTOPEN|unable to open/);
  });
});
