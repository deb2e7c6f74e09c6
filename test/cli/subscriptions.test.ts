/**
 * The subscription commands through the built CLI against real HTTP servers on
 * 127.0.0.1: add (a feed, a page naming one feed, a page naming several), feeds, fetch
 * with its summary line and exit status, remove, and the listing and search with no PATH
 * reading the subscribed feeds.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, sharedDir } from '../../kit/shared-dir.js';
import { rssFeed, startFeedServer, type FeedServer } from '../library/subscriptions/feed-server.js';
import { freshDatabase, runCli } from './run-cli.js';

const guardian = hasShared ? readFileSync(path.join(sharedDir, 'corpora', 'feeds', 'real-world', 'guardian.rss')) : Buffer.alloc(0);

let server: FeedServer;
let failing = false;

beforeAll(async () => {
  server = await startFeedServer((request, response) => {
    const page = (links: string[]): string =>
      `<!doctype html><html><head><title>Site</title>${links.map((href) => `<link rel="alternate" type="application/rss+xml" href="${href}">`).join('')}</head><body>hi</body></html>`;
    switch (request.url) {
      case '/guardian.rss':
        response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"g1"' });
        response.end(guardian);
        return;
      case '/small.rss':
        if (failing) {
          response.writeHead(500);
          response.end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end(rssFeed('Small Feed', [['s1', 'Ceasefire in Aleppo'], ['s2', 'Markets rally']]));
        return;
      case '/one-feed.html':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(page(['/small.rss']));
        return;
      case '/two-feeds.html':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(page(['/small.rss', '/guardian.rss']));
        return;
      default:
        response.writeHead(404);
        response.end('not here');
    }
  });
});

afterAll(async () => {
  await server.close();
});

describe.skipIf(!hasShared)('subscriptions through the CLI', () => {
  it('adds, lists, fetches and removes feeds, with their exit statuses', async () => {
    const db = freshDatabase();
    const run = (...args: string[]) => runCli(['--db', db, ...args]);

    const added = await run('add', server.url('/guardian.rss'), '--tag', 'news', '--tag', 'uk');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^subscribed to .+ \(http:\/\/127\.0\.0\.1:\d+\/guardian\.rss\): 55 entries\n$/);

    // A page naming one feed subscribes to that feed.
    const viaPage = await run('add', server.url('/one-feed.html'), '--title', 'Small');
    expect(viaPage.code).toBe(0);
    expect(viaPage.stdout).toBe(`subscribed to Small (${server.url('/small.rss')}): 2 entries\n`);

    // A page naming several lists them and adds nothing.
    const several = await run('add', server.url('/two-feeds.html'));
    expect(several.code).toBe(1);
    expect(several.stdout).toBe(`${server.url('/small.rss')}\n${server.url('/guardian.rss')}\n`);
    expect(several.stderr).toContain('naming 2 feeds');

    const missing = await run('add', server.url('/nothing.rss'));
    expect(missing).toMatchObject({ code: 1, stderr: `newsreader: add: ${server.url('/nothing.rss')}: HTTP 404 Not Found\n` });
    expect((await run('add', 'not-a-url')).code).toBe(2);
    expect((await run('add', server.url('/small.rss'))).stderr).toContain('already subscribed');

    const feeds = await run('feeds');
    expect(feeds.code).toBe(0);
    const lines = feeds.stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(lines).toHaveLength(2);
    const small = lines.find((fields) => fields[0] === 'Small');
    expect(small?.slice(1, 4)).toEqual([server.url('/small.rss'), '-', '2/2']);
    expect(small?.[4]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(small?.[5]).toBe('-');
    const json = (await run('feeds', '--json')).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(json.find((f) => f.title !== 'Small')).toMatchObject({ tags: ['news', 'uk'], unread: 55, total: 55, lastError: null });

    const fetched = await run('fetch');
    expect(fetched).toMatchObject({ code: 0, stdout: '', stderr: 'newsreader: fetched 2 feeds: 0 new, 0 failed\n' });
    expect(server.requests.filter((r) => r.path === '/guardian.rss').at(-1)?.headers['if-none-match']).toBe('"g1"');

    failing = true;
    try {
      const failed = await run('fetch');
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`newsreader: fetch: Small (${server.url('/small.rss')}): HTTP 500 Internal Server Error\n`);
      expect(failed.stderr).toContain('fetched 2 feeds: 0 new, 1 failed\n');
      const onlyOne = await run('fetch', 'small');
      expect(onlyOne.stderr).toContain('fetched 1 feed: 0 new, 1 failed');
    } finally {
      failing = false;
    }
    const afterFailure = (await run('feeds', '--json')).stdout;
    expect(afterFailure).toContain('"lastError":"HTTP 500 Internal Server Error"');
    expect(afterFailure).toContain('"unread":2,"total":2');
    expect((await run('fetch', 'no such feed')).code).toBe(2);

    // With no PATH, the listing and search read the subscribed feeds, without fetching.
    const requestsBefore = server.requests.length;
    const listing = await run();
    expect(listing.code).toBe(0);
    expect(listing.stdout.trim().split('\n')).toHaveLength(57);
    expect(listing.stdout).toContain('Ceasefire in Aleppo');
    const search = await run('search', 'aleppo');
    expect(search.code).toBe(0);
    expect(search.stdout).toContain('Ceasefire in Aleppo');
    expect(server.requests.length).toBe(requestsBefore);

    expect((await run('remove', 'nobody')).code).toBe(1);
    const removed = await run('remove', 'SMALL');
    expect(removed).toMatchObject({ code: 0, stdout: `removed Small (${server.url('/small.rss')}) and its 2 entries\n` });
    expect((await run()).stdout.trim().split('\n')).toHaveLength(55);
  });

  it('opens the bundled articles while there are no subscriptions', async () => {
    const listing = await runCli(['--db', freshDatabase()]);
    expect(listing.code).toBe(0);
    expect(listing.stdout).toMatch(/seeds\/000_f7bcbbc1a212b420\.txt/);
  });

  it('imports an OPML list, skips what is already subscribed, and exports what imports into an empty library as the same list', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-opml-'));
    const opml = path.join(dir, 'list.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="1.1"><head><title>x</title></head><body>
        <outline text="News"><outline text="World">
          <outline text="Guardian" type="rss" xmlUrl="${server.url('/guardian.rss')}"/></outline>
          <outline text="Small" type="rss" xmlUrl="${server.url('/small.rss')}"/></outline>
        <outline text="Small again" type="rss" xmlUrl="${server.url('/small.rss')}"/>
        <outline text="Elsewhere" type="rss" xmlUrl="https://elsewhere.example/feed" category="/misc"/>
      </body></opml>`,
    );
    const db = freshDatabase();
    const imported = await runCli(['--db', db, 'import', opml]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(
      `added Guardian (${server.url('/guardian.rss')}) [News, World]\n` +
        `added Small (${server.url('/small.rss')}) [News]\n` +
        'added Elsewhere (https://elsewhere.example/feed) [misc]\n',
    );
    expect(imported.stderr).toBe('newsreader: imported 3 feeds, skipped 1 already subscribed\n');
    const again = await runCli(['--db', db, 'import', opml]);
    expect(again).toMatchObject({ code: 0, stdout: '', stderr: 'newsreader: imported 0 feeds, skipped 4 already subscribed\n' });

    const exported = await runCli(['--db', db, 'export']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('<opml version="2.0">');
    const exportFile = path.join(dir, 'export.opml');
    writeFileSync(exportFile, exported.stdout);
    const other = freshDatabase();
    expect((await runCli(['--db', other, 'import', exportFile])).code).toBe(0);
    const listOf = async (file: string) =>
      (await runCli(['--db', file, 'feeds', '--json'])).stdout
        .trim()
        .split('\n')
        .map((line) => (({ title, url, tags }: { title: string; url: string; tags: string[] }) => ({ title, url, tags }))(JSON.parse(line)));
    const original = await listOf(db);
    expect(original).toHaveLength(3);
    expect(await listOf(other)).toEqual(original);

    expect((await runCli(['--db', db, 'import', path.join(dir, 'missing.opml')])).stderr).toContain('missing.opml: no such file');
    writeFileSync(path.join(dir, 'feed.opml'), '<rss version="2.0"><channel/></rss>');
    expect(await runCli(['--db', db, 'import', path.join(dir, 'feed.opml')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not an OPML document') });
  });
});
