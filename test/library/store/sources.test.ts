/**
 * The library's sources as the reader's pane shows them, on a real store with feeds
 * fetched from a real server on 127.0.0.1 and a folder of text articles: their names,
 * tags and counts, a view of one source, an article's place in a view, a fetch run in
 * a worker thread, and `source:` finding what the pane's filter shows.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FetchProgress } from '../../../src/library/library.js';
import { openStore } from '../../../src/library/store/open.js';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { fetchAll } from '../../../src/library/subscriptions/fetch-all.js';
import { Subscriptions } from '../../../src/library/subscriptions/store.js';
import { SearchEngine } from '../../../src/search/engine.js';
import { isFeedArticle } from '../../../src/feed/types.js';
import { rssFeed, startFeedServer, type FeedServer } from '../subscriptions/feed-server.js';
import { articleText, tempDir, waitFor, writeArticle } from './helpers.js';

const opened: { close: () => void }[] = [];
const servers: FeedServer[] = [];
afterEach(async () => {
  while (opened.length > 0) opened.pop()?.close();
  while (servers.length > 0) await servers.pop()?.close();
});

const WIRE = [['w1', 'Ceasefire holds in the north'], ['w2', 'Markets rally at the open']] as const;
const TECH = [['t1', 'New chip doubles battery life'], ['t2', 'Browser ships faster engine'], ['t3', 'Robots learn to fold laundry']] as const;

/** A server with two feeds (Wire's entries set per test) and one URL that always fails. */
async function feeds(wire: { items: (readonly [string, string])[] }): Promise<FeedServer> {
  const server = await startFeedServer((request, response) => {
    if (request.url === '/broken.xml') {
      response.writeHead(500);
      response.end('no');
      return;
    }
    const body = request.url === '/wire.xml' ? rssFeed('Wire Service', wire.items) : rssFeed('Tech Daily', TECH);
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(body);
  });
  servers.push(server);
  return server;
}

/** A library with Wire (tag news), Tech (tags news, tech) and a folder of two text articles. */
async function library(server: FeedServer): Promise<{ library: SqliteLibrary; db: string; folder: string; wire: string; tech: string }> {
  const dir = tempDir();
  const db = path.join(dir, 'library.db');
  const folder = path.join(dir, 'clippings');
  writeArticle(folder, 'a.txt', articleText('Harbour reopens after storm', 'Sep 1, 2016'));
  writeArticle(folder, 'b.txt', articleText('Council approves new bridge', 'Sep 2, 2016'));
  const wire = server.url('/wire.xml');
  const tech = server.url('/tech.xml');
  const store = openStore(db);
  const subscriptions = new Subscriptions(store.db);
  subscriptions.add(wire, { tags: ['news'] });
  subscriptions.add(tech, { tags: ['news', 'tech'] });
  await fetchAll(store.db, subscriptions.list());
  store.db.close();
  const lib = openLibrary({ db, paths: [wire, tech, folder] });
  opened.push(lib);
  await lib.refresh().done;
  return { library: lib, db, folder, wire, tech };
}

describe('the library\'s sources', () => {
  it('names each root, with its tags and its unread and total counts, kept current as marks change', async () => {
    const server = await feeds({ items: [...WIRE] });
    const { library: lib, folder, wire, tech } = await library(server);
    expect(lib.sources()).toEqual([
      { root: wire, name: 'Wire Service', kind: 'feed', tags: ['news'], unread: 2, total: 2, error: null, subscribed: true },
      { root: tech, name: 'Tech Daily', kind: 'feed', tags: ['news', 'tech'], unread: 3, total: 3, error: null, subscribed: true },
      { root: folder, name: 'clippings', kind: 'folder', tags: [], unread: 2, total: 2, error: null, subscribed: false },
    ]);
    const first = lib.page({ sort: 'newest', source: tech }, 0, 1)[0]!;
    lib.setState(first.id, { read: true });
    expect(lib.sources()[1]).toMatchObject({ unread: 2, total: 3 });
  });

  it('shows one source\'s articles in a view of it, in the view\'s order', async () => {
    const server = await feeds({ items: [...WIRE] });
    const { library: lib, folder, tech } = await library(server);
    expect(lib.count({ sort: 'newest' })).toBe(7);
    expect(lib.count({ sort: 'newest', source: tech })).toBe(3);
    expect(lib.page({ sort: 'headline', source: tech }, 0, 10).map((r) => r.headline)).toEqual([
      'Browser ships faster engine',
      'New chip doubles battery life',
      'Robots learn to fold laundry',
    ]);
    expect(lib.page({ sort: 'newest', source: folder }, 0, 10).map((r) => r.headline).sort()).toEqual([
      'Council approves new bridge',
      'Harbour reopens after storm',
    ]);
  });

  it('finds an article\'s place in a view, and -1 outside it', async () => {
    const server = await feeds({ items: [...WIRE] });
    const { library: lib, wire } = await library(server);
    for (const sort of ['newest', 'oldest', 'headline'] as const) {
      const rows = lib.page({ sort }, 0, 100);
      rows.forEach((row, i) => expect(lib.position({ sort }, row.key)).toBe(i));
    }
    const outside = lib.page({ sort: 'newest', source: server.url('/tech.xml') }, 0, 1)[0]!;
    expect(lib.position({ sort: 'newest', source: wire }, outside.key)).toBe(-1);
  });

  it('gives a stored feed entry its link and feed title back', async () => {
    const server = await feeds({ items: [...WIRE] });
    const { library: lib, wire } = await library(server);
    const row = lib.page({ sort: 'newest', source: wire }, 0, 1)[0]!;
    const article = lib.article(row.key);
    expect(article !== null && isFeedArticle(article)).toBe(true);
    if (article === null || !isFeedArticle(article)) return;
    expect(article.feedFields.url).toMatch(/^https:\/\/example\.org\/w[12]$/);
    expect(article.feedFields.feed).toBe('Wire Service');
  });

  it('fetches in a worker thread: progress feed by feed, new entries heard as they land, a failure kept on its source', async () => {
    const wireItems = { items: [...WIRE] as (readonly [string, string])[] };
    const server = await feeds(wireItems);
    const { library: lib, wire } = await library(server);
    new Subscriptions(lib.db).add(server.url('/broken.xml'));
    // The library opened before the subscription: a new library sees it as a root.
    lib.close();
    const again = openLibrary({ db: lib.file, paths: [wire, server.url('/tech.xml'), server.url('/broken.xml')] });
    opened.push(again);
    wireItems.items = [['w0', 'Breaking: talks resume'], ...WIRE];
    const heard: string[] = [];
    again.subscribe((change) => heard.push(change));
    const progress: FetchProgress[] = [];
    again.fetchFeeds(null, (p) => progress.push(p));
    await waitFor(() => progress.some((p) => p.finished));
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ done: 3, total: 3, finished: true, error: null });
    const feedsDone = progress.flatMap((p) => (p.feed === null ? [] : [p.feed]));
    expect(feedsDone.map((f) => f.url).sort()).toEqual([server.url('/broken.xml'), server.url('/tech.xml'), wire].sort());
    expect(feedsDone.find((f) => f.url === wire)).toMatchObject({ failed: false, added: 1 });
    expect(feedsDone.find((f) => f.url.endsWith('/broken.xml'))).toMatchObject({ failed: true });
    expect(heard).toContain('articles');
    expect(again.count({ sort: 'newest', source: wire })).toBe(3);
    const broken = again.sources().find((s) => s.root.endsWith('/broken.xml'));
    expect(broken?.error).toMatch(/500/);
  });

  it('source: finds what a view of the source shows, by the name the pane gives it', async () => {
    const server = await feeds({ items: [...WIRE] });
    const { library: lib, db, folder, wire, tech } = await library(server);
    const engine = new SearchEngine(db, undefined, [wire, tech, folder]);
    opened.push(engine);
    const keys = (query: string): string[] => engine.search(query, 100).hits.map((h) => h.key).sort();
    const shown = (source: string): string[] => lib.page({ sort: 'newest', source }, 0, 100).map((r) => r.key).sort();
    expect(keys('source:"Tech Daily"')).toEqual(shown(tech));
    expect(keys('source:"wire service"')).toEqual(shown(wire));
    expect(keys('source:clippings')).toEqual(shown(folder));
    // With other words, and excluded.
    expect(engine.search('source:tech chip', 100).hits.map((h) => h.headline)).toEqual(['New chip doubles battery life']);
    expect(engine.search('is:unread -source:"Tech Daily"', 100).total).toBe(4);
    // The article's own source line still counts: the folder's articles are from Reuters.
    expect(keys('source:reuters')).toEqual(shown(folder));
  });
});
