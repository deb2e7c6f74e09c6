/**
 * Fetching subscriptions from real HTTP servers on 127.0.0.1: conditional GET, compressed
 * bodies, redirects, error statuses, servers that stall, oversized bodies, a feed whose
 * entries change, and how many connections one host sees. After each step, the library
 * must hold every entry once, with its read and starred state.
 */
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import path from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/library/store/open.js';
import { vocabularyComplete } from '../../../src/library/store/vocabulary.js';
import { fetchAll } from '../../../src/library/subscriptions/fetch-all.js';
import { Subscriptions } from '../../../src/library/subscriptions/store.js';
import { hasShared, sharedDir } from '../../../kit/shared-dir.js';
import { tempDir } from '../store/helpers.js';
import { rssFeed, startFeedServer, startTunnelProxy, type FeedServer } from './feed-server.js';

const realWorld = path.join(sharedDir, 'corpora', 'feeds', 'real-world');
const guardian = hasShared ? readFileSync(path.join(realWorld, 'guardian.rss')) : Buffer.alloc(0);
const GUARDIAN_ENTRIES = 55;

const servers: FeedServer[] = [];
const dbs: Database.Database[] = [];
afterEach(async () => {
  while (dbs.length > 0) dbs.pop()?.close();
  while (servers.length > 0) await servers.pop()?.close();
});

async function serve(handler: Parameters<typeof startFeedServer>[0]): Promise<FeedServer> {
  const server = await startFeedServer(handler);
  servers.push(server);
  return server;
}

function library(): { db: Database.Database; subscriptions: Subscriptions } {
  const { db } = openStore(path.join(tempDir(), 'library.db'));
  dbs.push(db);
  return { db, subscriptions: new Subscriptions(db) };
}

function entries(db: Database.Database, feedFile: string): { id: string; path: string; headline: string }[] {
  return db.prepare('SELECT id, path, headline FROM articles WHERE feed_file = ? ORDER BY path').all(feedFile) as {
    id: string;
    path: string;
    headline: string;
  }[];
}

async function fetchEvery(db: Database.Database, options: Parameters<typeof fetchAll>[2] = {}) {
  return fetchAll(db, new Subscriptions(db).list(), options);
}

describe.skipIf(!hasShared)('fetching subscriptions', () => {
  it('sends the stored ETag and Last-Modified on the next fetch and takes a 304 as unchanged', async () => {
    const etag = '"guardian-1"';
    const lastModified = 'Tue, 06 Sep 2016 14:00:00 GMT';
    const server = await serve((request, response) => {
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified });
      response.end(guardian);
    });
    const { db, subscriptions } = library();
    subscriptions.add(server.url('/guardian.rss'));

    const [first] = await fetchEvery(db);
    expect(first).toMatchObject({ status: 'new', added: GUARDIAN_ENTRIES });
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^newsreader\/\d+\.\d+\.\d+/);
    expect(server.requests[0]?.headers['accept-encoding']).toContain('br');

    const [second] = await fetchEvery(db);
    expect(second).toMatchObject({ status: 'unchanged', added: 0 });
    expect(server.requests[1]?.headers['if-none-match']).toBe(etag);
    expect(server.requests[1]?.headers['if-modified-since']).toBe(lastModified);
    expect(entries(db, server.url('/guardian.rss'))).toHaveLength(GUARDIAN_ENTRIES);
    expect(subscriptions.get(server.url('/guardian.rss'))?.lastFetch).not.toBeNull();
  });

  it('reads gzip- and brotli-compressed bodies', async () => {
    const server = await serve((request, response) => {
      const gzip = request.url === '/gzip';
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': gzip ? 'gzip' : 'br' });
      response.end(gzip ? gzipSync(guardian) : brotliCompressSync(guardian));
    });
    const { db, subscriptions } = library();
    subscriptions.add(server.url('/gzip'));
    subscriptions.add(server.url('/br'));
    const outcomes = await fetchEvery(db);
    expect(outcomes.map((o) => [o.status, o.added])).toEqual([
      ['new', GUARDIAN_ENTRIES],
      ['new', GUARDIAN_ENTRIES],
    ]);
  });

  it('follows redirects: a 301 moves the subscription and its entries, a 302 does not', async () => {
    const server = await serve((request, response) => {
      const hops: Record<string, [number, string]> = {
        '/old': [301, '/newer'],
        '/newer': [302, '/today'],
        '/permanent': [308, '/final'],
      };
      const hop = hops[request.url ?? ''];
      if (hop) {
        response.writeHead(hop[0], { location: hop[1] });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(request.url === '/today' ? rssFeed('Today', [['a', 'Alpha']]) : rssFeed('Final', [['f', 'Foxtrot']]));
    });
    const { db, subscriptions } = library();
    subscriptions.add(server.url('/old'));
    subscriptions.add(server.url('/permanent'));
    const outcomes = await fetchEvery(db);
    expect(outcomes.map((o) => [o.status, o.url])).toEqual([
      ['new', server.url('/newer')],
      ['new', server.url('/final')],
    ]);
    expect(subscriptions.list().map((s) => s.url).sort()).toEqual([server.url('/final'), server.url('/newer')]);
    expect(entries(db, server.url('/newer')).map((e) => e.headline)).toEqual(['Alpha']);
    expect(entries(db, server.url('/newer'))[0]?.path.startsWith(`${server.url('/newer')}#`)).toBe(true);
    expect(entries(db, server.url('/old'))).toEqual([]);
  });

  it('stops at a redirect loop and after five redirects, keeping what was stored', async () => {
    const server = await serve((request, response) => {
      const url = request.url ?? '';
      if (url === '/loop-a') response.writeHead(302, { location: '/loop-b' });
      else if (url === '/loop-b') response.writeHead(302, { location: '/loop-a' });
      else if (url.startsWith('/chain/')) response.writeHead(302, { location: `/chain/${Number(url.slice(7)) + 1}` });
      response.end();
    });
    const { db, subscriptions } = library();
    subscriptions.add(server.url('/loop-a'));
    subscriptions.add(server.url('/chain/0'));
    const outcomes = await fetchEvery(db);
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(outcomes.find((o) => o.url.endsWith('/chain/0'))?.message).toBe('more than 5 redirects');
    expect(outcomes.find((o) => o.url.endsWith('/loop-a'))?.message).toMatch(/^redirect loop/);
    expect(server.requests.filter((r) => r.path.startsWith('/chain/'))).toHaveLength(6);
  });

  it('keeps stored entries through 404 and 500, stops fetching a feed that is gone, and waits as Retry-After asks', async () => {
    let status = 200;
    const server = await serve((request, response) => {
      if (status === 200) {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end(rssFeed(`Feed ${request.url}`, [['one', 'One'], ['two', 'Two']]));
        return;
      }
      response.writeHead(status, status === 429 || status === 503 ? { 'retry-after': '3600' } : {});
      response.end('no');
    });
    const { db, subscriptions } = library();
    const url = server.url('/feed');
    subscriptions.add(url);
    await fetchEvery(db);
    expect(entries(db, url)).toHaveLength(2);

    for (const failing of [404, 500]) {
      status = failing;
      const [outcome] = await fetchEvery(db);
      expect(outcome).toMatchObject({ status: 'failed', message: expect.stringContaining(`HTTP ${failing}`) });
      expect(subscriptions.get(url)?.lastError).toContain(String(failing));
      expect(entries(db, url)).toHaveLength(2);
    }

    status = 429;
    const [limited] = await fetchEvery(db);
    expect(limited?.status).toBe('failed');
    expect(subscriptions.get(url)?.retryAfter).toBeGreaterThan(Date.now() + 3500_000);
    const asked = server.requests.length;
    const [waiting] = await fetchEvery(db);
    expect(waiting?.status).toBe('waiting');
    expect(server.requests).toHaveLength(asked);
    // An hour later the server is asked again.
    status = 410;
    const later = () => Date.now() + 3601_000;
    const [gone] = await fetchEvery(db, { now: later });
    expect(gone?.status).toBe('gone');
    expect(subscriptions.get(url)?.gone).toBe(true);
    const [skipped] = await fetchEvery(db, { now: later });
    expect(skipped?.status).toBe('gone');
    expect(server.requests).toHaveLength(asked + 1);
    expect(entries(db, url)).toHaveLength(2);
  });

  it('gives up on a body that never ends and on a server that never answers, and the other feeds are fetched', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/endless') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>');
        return; // never ends
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(rssFeed('Fine', [['ok', 'Fine entry']]));
    });
    const silentSockets: Socket[] = [];
    const silent: TcpServer = createTcpServer((socket) => silentSockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as { port: number }).port;
    try {
      const { db, subscriptions } = library();
      subscriptions.add(server.url('/endless'));
      subscriptions.add(`http://127.0.0.1:${silentPort}/feed`);
      subscriptions.add(server.url('/fine'));
      const outcomes = await fetchEvery(db, { totalTimeoutMs: 500 });
      const byUrl = new Map(outcomes.map((o) => [o.url, o]));
      expect(byUrl.get(server.url('/endless'))).toMatchObject({ status: 'failed', message: 'no complete response within 0.5 s' });
      expect(byUrl.get(`http://127.0.0.1:${silentPort}/feed`)).toMatchObject({ status: 'failed', message: 'no complete response within 0.5 s' });
      expect(byUrl.get(server.url('/fine'))).toMatchObject({ status: 'new', added: 1 });
    } finally {
      for (const socket of silentSockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('stops reading a 50 MB body at the size cap', async () => {
    let sent = 0;
    const FIFTY_MB = 50 * 1024 * 1024;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (sent < FIFTY_MB) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      response.on('close', () => response.removeAllListeners('drain'));
      pump();
    });
    const { db, subscriptions } = library();
    subscriptions.add(server.url('/huge'));
    const [outcome] = await fetchEvery(db);
    expect(outcome).toMatchObject({ status: 'failed', message: 'larger than 16 MiB, not read' });
    expect(sent).toBeLessThan(FIFTY_MB);
  });

  it('takes the HTTP charset over the XML declaration', async () => {
    const body = Buffer.from(rssFeed('Notícias', [['n', 'Últimas notícias']]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'));
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      response.end(body);
    });
    const { db, subscriptions } = library();
    subscriptions.add(server.url('/pt'));
    await fetchEvery(db);
    expect(entries(db, server.url('/pt')).map((e) => e.headline)).toEqual(['Últimas notícias']);
  });

  it('keeps every entry once, with its state, as a feed changes between fetches', async () => {
    let version = 1;
    const server = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const items: [string, string][] =
        version === 1 ? [['a', 'Alpha'], ['b', 'Bravo']] : [['b', 'Bravo, corrected'], ['c', 'Charlie']];
      response.end(rssFeed('Changing', items));
    });
    const { db, subscriptions } = library();
    const url = server.url('/changing');
    subscriptions.add(url);
    const [first] = await fetchEvery(db);
    expect(first?.added).toBe(2);
    const alpha = entries(db, url).find((e) => e.headline === 'Alpha');
    db.prepare('INSERT INTO user_state (id, read, starred) VALUES (?, 1, 1)').run(alpha?.id);

    version = 2;
    const [second] = await fetchEvery(db);
    expect(second).toMatchObject({ status: 'new', added: 1 });
    expect(entries(db, url).map((e) => e.headline).sort()).toEqual(['Alpha', 'Bravo, corrected', 'Charlie']);
    expect(db.prepare('SELECT read, starred FROM user_state WHERE id = ?').get(alpha?.id)).toEqual({ read: 1, starred: 1 });
    expect(subscriptions.counts(url)).toEqual({ unread: 2, total: 3 });
    // The full-text index follows the corrected headline.
    const hits = db.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'corrected'").get() as { n: number };
    expect(hits.n).toBe(1);

    const [third] = await fetchEvery(db);
    expect(third).toMatchObject({ status: 'unchanged', added: 0 });
    expect(entries(db, url)).toHaveLength(3);
  });

  it('opens no more than two connections to one host, whatever the number of its feeds', async () => {
    const server = await serve((request, response) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end(rssFeed(`Feed ${request.url}`, [[`${request.url}-1`, `Entry of ${request.url}`]]));
      }, 50);
    });
    const { db, subscriptions } = library();
    for (let i = 0; i < 10; i++) subscriptions.add(server.url(`/feed-${i}`));
    const outcomes = await fetchEvery(db);
    expect(outcomes.every((o) => o.status === 'new' && o.added === 1)).toBe(true);
    expect(server.requests).toHaveLength(10);
    expect(server.maxOpenConnections()).toBeLessThanOrEqual(2);
    expect(server.maxOpenConnections()).toBeGreaterThan(0);
  });

  it('leaves the did-you-mean vocabulary complete and counting the new words after fetching many feeds at once', async () => {
    const server = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(rssFeed(`Feed ${request.url}`, [[`${request.url}-1`, 'Zanzibar referendum']]));
    });
    const { db, subscriptions } = library();
    for (let i = 0; i < 25; i++) subscriptions.add(server.url(`/many-${i}`));
    const outcomes = await fetchEvery(db);
    expect(outcomes.filter((o) => o.status === 'new')).toHaveLength(25);
    expect(vocabularyComplete(db)).toBe(true);
    expect(db.prepare('SELECT docs FROM vocabulary WHERE term = ?').pluck().get('zanzibar')).toBe(25);
    // Fetched again, nothing is new: the vocabulary stays whole without a rebuild.
    await fetchEvery(db);
    expect(vocabularyComplete(db)).toBe(true);
  });

  it('goes through the proxy HTTP_PROXY names, except for the hosts NO_PROXY names', async () => {
    const origin = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(rssFeed('Proxied', [['p', `Through the proxy to ${request.headers.host}`]]));
    });
    const proxy = await startTunnelProxy(Number(new URL(origin.origin).port));
    servers.push(proxy);
    const { tunnels } = proxy;
    const direct = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(rssFeed('Direct', [['d', 'Straight to the server']]));
    });
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy };
    process.env.HTTP_PROXY = proxy.origin;
    process.env.NO_PROXY = '127.0.0.1';
    delete process.env.http_proxy;
    delete process.env.no_proxy;
    try {
      const { db, subscriptions } = library();
      subscriptions.add('http://feeds.invalid/news.xml');
      subscriptions.add(direct.url('/direct.xml'));
      const outcomes = await fetchEvery(db, { totalTimeoutMs: 5000 });
      expect(outcomes.map((o) => [o.status, o.added, o.message])).toEqual([
        ['new', 1, null],
        ['new', 1, null],
      ]);
      expect(tunnels).toEqual(['feeds.invalid:80']);
      expect(origin.requests.map((r) => [r.path, r.headers.host])).toEqual([['/news.xml', 'feeds.invalid']]);
      expect(direct.requests.map((r) => r.path)).toEqual(['/direct.xml']);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
