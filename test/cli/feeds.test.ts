/**
 * Feeds through the built CLI: a feed file found by its content, a folder mixing feeds and
 * article files, `--json` with the feed fields, and a feed URL fetched once from a real
 * HTTP server on 127.0.0.1.
 */
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFile } from '../../kit/shared-dir.js';
import { runCli } from './run-cli.js';
import { startTunnelProxy } from '../library/subscriptions/feed-server.js';

type JsonArticle = Record<string, unknown> & { headline: string; path: string; date: string | null; source: string | null };

const parse = (stdout: string): JsonArticle[] => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as JsonArticle);

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Local News</title><link>https://news.example/</link>
<item><title>Older story</title><link>https://news.example/older</link><guid>older</guid>
  <pubDate>Mon, 05 Sep 2016 09:00:00 +0200</pubDate><description>Short older summary.</description></item>
<item><title>Newer story</title><link>/newer</link><guid>newer</guid><dc:creator>Ann Writer</dc:creator>
  <pubDate>Tue, 06 Sep 2016 14:05:00 GMT</pubDate><category>World</category><category>Politics</category>
  <description>The summary, not the start of the body.</description>
  <content:encoded><![CDATA[<p>First <a href="/more">paragraph</a>.</p><ul><li>one</li><li>two</li></ul>]]></content:encoded>
  <enclosure url="https://news.example/a.mp3" type="audio/mpeg" length="1234"/></item>
<item><title>Same day, earlier</title><guid>same-day</guid><pubDate>Tue, 06 Sep 2016 08:00:00 GMT</pubDate></item>
</channel></rss>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Side',
  items: [{ id: 'j1', title: 'From JSON', content_text: 'Plain body.', date_published: '2016-09-04T10:00:00Z' }],
});

function folderWithFeeds(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'newsreader-feeds-'));
  mkdirSync(path.join(root, 'world'));
  writeFileSync(path.join(root, 'world', 'local.rss'), RSS);
  writeFileSync(path.join(root, 'side.json'), JSON_FEED);
  writeFileSync(path.join(root, 'sitemap.xml'), '<?xml version="1.0"?><urlset><url><loc>https://x/</loc></url></urlset>');
  writeFileSync(path.join(root, 'package.json'), '{"name": "not-a-feed"}');
  copyFileSync(seedFile, path.join(root, 'seed.txt'));
  return root;
}

describe('newsreader FILE where FILE is a feed', () => {
  it('reads a feed by its content whatever its name, newest first, with the feed fields in --json', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsreader-feed-'));
    const file = path.join(root, 'no-extension');
    writeFileSync(file, RSS);
    const { code, stdout, stderr } = await runCli(['--json', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const articles = parse(stdout);
    expect(articles.map((a) => a.headline)).toEqual(['Newer story', 'Same day, earlier', 'Older story']);
    const [newer] = articles;
    expect(Object.keys(newer ?? {})).toEqual([
      'id', 'path', 'section', 'headline', 'standfirst', 'date', 'source', 'credits', 'blocks', 'words', 'warnings',
      'url', 'feed', 'published', 'author', 'categories', 'enclosures', 'read', 'starred',
    ]);
    expect(newer).toMatchObject({
      date: '2016-09-06',
      published: '2016-09-06T14:05:00Z',
      url: 'https://news.example/newer',
      feed: 'Local News',
      source: file,
      author: 'Ann Writer',
      credits: ['Ann Writer'],
      standfirst: 'The summary, not the start of the body.',
      categories: ['World', 'Politics'],
      enclosures: [{ url: 'https://news.example/a.mp3', type: 'audio/mpeg', length: 1234 }],
    });
    const lines = (newer?.blocks as { kind: string; text: string; lines?: string[] }[]).map((b) => `${b.kind}: ${(b.lines ?? [b.text]).join(' / ')}`);
    expect(lines).toEqual([
      'headline: Newer story',
      'standfirst: The summary, not the start of the body.',
      'credit: By: Ann Writer',
      'dateline: Published Tue, 06 Sep 2016 14:05 UTC',
      'paragraph: First paragraph[1].',
      'paragraph: • one',
      'paragraph: • two',
      'paragraph: Link: https://news.example/newer / Enclosure: https://news.example/a.mp3 (audio/mpeg, 1 KB) / [1] https://news.example/more',
      'attribution: Local News',
    ]);
    expect(articles[2]?.published).toBe('2016-09-05T07:00:00Z');
  });

  it('reads a folder mixing feeds and article files, passing over XML and JSON that are not feeds', async () => {
    const root = folderWithFeeds();
    const { code, stdout, stderr } = await runCli([root]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(rows.map((r) => r[2])).toEqual(['Newer story', 'Same day, earlier', 'US-Russia talks on Syria end without deal', 'Older story', 'From JSON']);
    expect(rows[0]?.[1]).toBe('world');
    expect(rows[0]?.[3]).toMatch(/world[/\\]local\.rss#[0-9a-f]{16}$/);
  });

  it('says a named HTML page is not a feed, names its feeds, and goes on with the rest', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsreader-html-'));
    const page = path.join(root, 'index.html');
    writeFileSync(page, '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="https://site.example/feed.xml"></head><body>Hi</body></html>');
    const { code, stdout, stderr } = await runCli([page, seedFile]);
    expect(code).toBe(0);
    expect(stderr).toBe(`newsreader: warning: ${page}: an HTML page, not a feed; it names these feeds: https://site.example/feed.xml\n`);
    expect(stdout).toContain('US-Russia talks on Syria end without deal');
  });

  it('refuses a 100 MB feed in one line without reading it all', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsreader-big-'));
    const big = path.join(root, 'big.xml');
    const fd = openSync(big, 'w');
    writeSync(fd, '<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>');
    writeSync(fd, '</channel></rss>', 100 * 1024 * 1024); // sparse: the file is 100 MB
    closeSync(fd);
    const { code, stdout, stderr } = await runCli(['--json', big]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`newsreader: warning: ${big}: larger than 64 MiB, skipped\n`);
  });
});

describe('newsreader URL', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      switch (request.url) {
        case '/feed.xml':
          response.writeHead(200, { 'content-type': 'application/rss+xml' });
          response.end(RSS);
          return;
        case '/latin1.xml':
          // The HTTP charset wins over the declaration, which says UTF-8.
          response.writeHead(200, { 'content-type': 'text/xml; charset=iso-8859-1' });
          response.end(Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caf\u00e9</title><item><title>Cr\u00e8me</title></item></channel></rss>', 'latin1'));
          return;
        case '/moved':
          response.writeHead(301, { location: '/feed.xml' });
          response.end();
          return;
        case '/page':
          response.writeHead(200, { 'content-type': 'text/html' });
          response.end('<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>');
          return;
        case '/huge.xml':
          response.writeHead(200, { 'content-type': 'application/rss+xml' });
          response.write('<rss version="2.0"><channel><title>Huge</title>');
          for (let i = 0; i < 17; i++) response.write(' '.repeat(1024 * 1024));
          response.end('</channel></rss>');
          return;
        default:
          response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('no');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches a feed URL once and prints its entries, links resolved against the URL', async () => {
    requests.length = 0;
    const { code, stdout, stderr } = await runCli(['--json', `${base}/feed.xml`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(requests).toEqual(['/feed.xml']);
    const articles = parse(stdout);
    expect(articles).toHaveLength(3);
    // `<link>/newer</link>` resolves against the document's URL, as xml:base says it must.
    expect(articles[0]).toMatchObject({ source: `${base}/feed.xml`, url: `${base}/newer`, feed: 'Local News' });
  });

  it('goes through the proxy HTTP_PROXY names, as subscriptions do', async () => {
    // The proxy tunnels every CONNECT to the feed server: a host that does not resolve is
    // reached only through it.
    const proxy = await startTunnelProxy(Number(new URL(base).port));
    try {
      const env = { HTTP_PROXY: proxy.origin, NO_PROXY: '' };
      const { code, stdout, stderr } = await runCli(['--json', 'http://feeds.invalid/feed.xml'], { env });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(parse(stdout)).toHaveLength(3);
      expect(proxy.tunnels).toEqual(['feeds.invalid:80']);
    } finally {
      await proxy.close();
    }
  });

  it('follows a redirect, and relative links resolve against where it ended', async () => {
    const { code, stdout } = await runCli(['--json', `${base}/moved`]);
    expect(code).toBe(0);
    expect(parse(stdout)).toHaveLength(3);
  });

  it('decodes with the charset the server sends', async () => {
    const { code, stdout } = await runCli(['--json', `${base}/latin1.xml`]);
    expect(code).toBe(0);
    expect(parse(stdout)[0]).toMatchObject({ headline: 'Crème', feed: 'Café' });
  });

  it('fails in one line with exit 1 for a missing feed, an HTML page, an oversized body or a closed port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/feed.xml`;
    await new Promise((resolve) => closed.close(resolve));
    const cases: [string, string][] = [
      [`${base}/missing.xml`, 'HTTP 404 Not Found'],
      [`${base}/page`, `an HTML page, not a feed; it names these feeds: ${base}/atom.xml`],
      [`${base}/huge.xml`, 'larger than 16 MiB, not read'],
      [closedUrl, 'connection refused'],
    ];
    for (const [url, message] of cases) {
      const { code, stdout, stderr } = await runCli([url]);
      expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: `newsreader: warning: ${url}: ${message}\n` });
    }
  });

  it('searches a feed URL: newsreader search QUERY URL', async () => {
    const { code, stdout, stderr } = await runCli(['search', 'paragraph', `${base}/feed.xml`]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const hits = stdout.trim().split('\n').map((line) => line.split('\t'));
    expect(hits.map((h) => h[2])).toEqual(['Newer story']);
    expect(hits[0]?.[3]).toMatch(new RegExp(`^${base}/feed\\.xml#[0-9a-f]{16}$`));
  });

  it('reads a URL beside files, and a failing URL is then a warning', async () => {
    const { code, stdout, stderr } = await runCli([`${base}/missing.xml`, `${base}/feed.xml`, seedFile]);
    expect(code).toBe(0);
    expect(stderr).toBe(`newsreader: warning: ${base}/missing.xml: HTTP 404 Not Found\n`);
    expect(stdout.trim().split('\n')).toHaveLength(4);
  });
});
