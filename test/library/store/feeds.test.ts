/**
 * Feeds in the library store: a row per entry, the feed columns filled, unchanged feeds
 * skipped, and an entry's read and starred state kept when the feed changes its body.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { articleText, tempDir, writeArticle } from './helpers.js';

const NEWEST = { sort: 'newest' } as const;

interface Entry {
  guid: string;
  title: string;
  body: string;
  date: string;
}

function rss(entries: Entry[]): string {
  const items = entries.map(
    (e) => `<item><guid>${e.guid}</guid><title>${e.title}</title><link>https://news.example/${e.guid}</link>
      <pubDate>${e.date}</pubDate><category>World</category><description><![CDATA[<p>${e.body}</p>]]></description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>${items.join('')}</channel></rss>`;
}

const ALPHA: Entry = { guid: 'alpha', title: 'Alpha ceasefire holds', body: 'Guns fell silent overnight.', date: 'Tue, 06 Sep 2016 14:05:00 GMT' };
const BETA: Entry = { guid: 'beta', title: 'Beta markets rally', body: 'Shares rose sharply.', date: 'Mon, 05 Sep 2016 09:00:00 GMT' };
const GAMMA: Entry = { guid: 'gamma', title: 'Gamma storm nears', body: 'Residents were told to leave.', date: 'Wed, 07 Sep 2016 06:00:00 GMT' };

function setup(entries: Entry[]): { dir: string; news: string; feed: string; lib: SqliteLibrary } {
  const dir = tempDir();
  const news = path.join(dir, 'news');
  writeArticle(news, 'world/syria.txt', articleText('Syria talks end without deal', 'Sep 6, 2016'));
  const feed = writeArticle(news, 'feeds/wire.xml', rss(entries));
  const lib = openLibrary({ paths: [news], db: path.join(dir, 'library.db') });
  return { dir, news, feed, lib };
}

function headlines(lib: SqliteLibrary): string[] {
  return lib.page(NEWEST, 0, 100).map((s) => s.headline);
}

function keyOf(lib: SqliteLibrary, headline: string): string {
  const key = lib.page(NEWEST, 0, 100).find((s) => s.headline === headline)?.key;
  if (key === undefined) throw new Error(`no ${headline}`);
  return key;
}

describe('feeds in the store', () => {
  it('stores a row per entry beside the article files, with the feed columns', async () => {
    const { lib, feed } = setup([ALPHA, BETA]);
    const summary = await lib.refresh().done;
    expect(summary).toMatchObject({ added: 2, total: 2, warnings: [] });
    expect(headlines(lib)).toEqual(['Alpha ceasefire holds', 'Syria talks end without deal', 'Beta markets rally']);
    const row = lib.db.prepare('SELECT path, feed_file, url, feed, published, author, categories, enclosures, source, date FROM articles WHERE url = ?').get('https://news.example/alpha');
    expect(row).toEqual({
      path: expect.stringMatching(new RegExp(`^${feed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#[0-9a-f]{16}$`)),
      feed_file: feed,
      url: 'https://news.example/alpha',
      feed: 'Wire',
      published: '2016-09-06T14:05:00Z',
      author: null,
      categories: '["World"]',
      enclosures: '[]',
      source: feed,
      date: '2016-09-06',
    });
    const article = lib.article(keyOf(lib, 'Alpha ceasefire holds'));
    expect(article?.blocks.map((b) => b.text)).toContain('Guns fell silent overnight.');
    lib.close();
  });

  it('skips an unchanged feed, and finds its entries with full-text search', async () => {
    const { lib } = setup([ALPHA, BETA]);
    await lib.refresh().done;
    expect(await lib.refresh().done).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 2 });
    const hits = lib.db.prepare("SELECT a.headline FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH 'silent'").all();
    expect(hits).toEqual([{ headline: 'Alpha ceasefire holds' }]);
    lib.close();
  });

  it('keeps read and starred state when an entry comes back with a changed body; drops entries that left', async () => {
    const { lib, feed } = setup([ALPHA, BETA]);
    await lib.refresh().done;
    const alpha = lib.article(keyOf(lib, 'Alpha ceasefire holds'));
    if (!alpha) throw new Error('no alpha');
    lib.setState(alpha.id, { read: true, starred: true });

    writeFileSync(feed, rss([{ ...ALPHA, title: 'Alpha ceasefire holds, for now', body: 'Guns fell silent; sporadic fire later.' }, GAMMA]));
    const summary = await lib.refresh().done;
    expect(summary).toMatchObject({ updated: 1, added: 0 });
    expect(headlines(lib)).toEqual(['Gamma storm nears', 'Alpha ceasefire holds, for now', 'Syria talks end without deal']);
    const changed = lib.article(keyOf(lib, 'Alpha ceasefire holds, for now'));
    expect(changed?.id).toBe(alpha.id);
    expect(changed?.blocks.map((b) => b.text)).toContain('Guns fell silent; sporadic fire later.');
    expect(lib.state(alpha.id)).toMatchObject({ read: true, starred: true });
    lib.close();
  });

  it('removes the entries of a feed that was deleted or is no longer a feed', async () => {
    const { lib, feed, news } = setup([ALPHA, BETA]);
    await lib.refresh().done;
    // In a folder, a .xml file that is not a feed is passed over.
    writeFileSync(feed, articleText('Now a plain article', 'Sep 8, 2016'));
    expect(await lib.refresh().done).toMatchObject({ warnings: [] });
    expect(headlines(lib)).toEqual(['Syria talks end without deal']);
    writeFileSync(feed, rss([BETA]));
    await lib.refresh().done;
    expect(headlines(lib)).toEqual(['Syria talks end without deal', 'Beta markets rally']);
    rmSync(feed);
    expect(await lib.refresh().done).toMatchObject({ removed: 1 });
    expect(headlines(lib)).toEqual(['Syria talks end without deal']);
    expect(lib.db.prepare('SELECT count(*) AS n FROM articles WHERE feed_file IS NOT NULL').get()).toEqual({ n: 0 });
    writeArticle(news, 'feeds/sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>');
    expect(await lib.refresh().done).toMatchObject({ warnings: [] });
    lib.close();
  });

  it('parses feeds in the parse workers the same way', async () => {
    const { lib } = setup([ALPHA, BETA, GAMMA]);
    const summary = await lib.refresh({ workers: 1 }).done;
    expect(summary).toMatchObject({ added: 2, warnings: [] });
    expect(headlines(lib)).toEqual(['Gamma storm nears', 'Alpha ceasefire holds', 'Syria talks end without deal', 'Beta markets rally']);
    lib.close();
  });

  it('opens a feed named on its own as a library root, and searches it', async () => {
    const { dir, feed } = setup([ALPHA, BETA]);
    const lib = openLibrary({ paths: [feed], db: path.join(dir, 'named.db') });
    await lib.refresh().done;
    expect(headlines(lib)).toEqual(['Alpha ceasefire holds', 'Beta markets rally']);
    expect(lib.count(NEWEST)).toBe(2);
    lib.close();
  });

  it('fetches a feed URL once a refresh, and keeps its entries when a later fetch fails', async () => {
    let body: string | null = rss([ALPHA, BETA]);
    let fetches = 0;
    const server = createServer((_request, response) => {
      fetches++;
      if (body === null) {
        response.writeHead(503);
        response.end();
      } else {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end(body);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wire.xml`;
    try {
      const dir = tempDir();
      const lib = openLibrary({ paths: [url], db: path.join(dir, 'url.db') });
      expect(await lib.refresh().done).toMatchObject({ added: 1, warnings: [] });
      expect(fetches).toBe(1);
      expect(headlines(lib)).toEqual(['Alpha ceasefire holds', 'Beta markets rally']);
      const alpha = lib.article(keyOf(lib, 'Alpha ceasefire holds'));
      expect(alpha?.path).toMatch(new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#[0-9a-f]{16}$`));
      lib.setState(alpha?.id ?? '', { starred: true });

      body = null;
      expect(await lib.refresh().done).toMatchObject({ warnings: [{ path: url, message: 'HTTP 503 Service Unavailable' }], removed: 0 });
      expect(headlines(lib)).toEqual(['Alpha ceasefire holds', 'Beta markets rally']);

      body = rss([{ ...ALPHA, body: 'Changed body.' }, GAMMA]);
      expect(await lib.refresh().done).toMatchObject({ updated: 1, warnings: [] });
      expect(fetches).toBe(3);
      expect(headlines(lib)).toEqual(['Gamma storm nears', 'Alpha ceasefire holds']);
      expect(lib.state(alpha?.id ?? '')).toMatchObject({ starred: true });
      lib.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
