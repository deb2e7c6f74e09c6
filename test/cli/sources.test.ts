/**
 * `source:` on the command line and the reader's fetch options, through the built CLI:
 * `newsreader search 'source:NAME'` with no PATH finds a subscribed feed's entries by the
 * name the sources pane gives it, and a bad `--fetch-every` is one line and status 2.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssFeed, startFeedServer, type FeedServer } from '../library/subscriptions/feed-server.js';
import { runCli } from './run-cli.js';

let server: FeedServer;
let db: string;

beforeAll(async () => {
  server = await startFeedServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(
      request.url === '/wire.xml'
        ? rssFeed('Wire Service', [['w1', 'Ceasefire holds in the north'], ['w2', 'Markets rally at the open']])
        : rssFeed('Tech Daily', [['t1', 'New chip doubles battery life']]),
    );
  });
  db = path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-cli-sources-')), 'library.db');
  for (const feed of ['/wire.xml', '/tech.xml']) {
    const added = await runCli(['add', server.url(feed), '--db', db]);
    expect(added.code).toBe(0);
  }
});

afterAll(() => server.close());

describe('source: on the command line', () => {
  it('finds a subscribed feed\'s entries by its title, alone or with words', async () => {
    const wire = await runCli(['--db', db, 'search', 'source:"wire service"']);
    expect(wire.code).toBe(0);
    expect(wire.stdout).toContain('Ceasefire holds in the north');
    expect(wire.stdout).toContain('Markets rally at the open');
    expect(wire.stdout).not.toContain('New chip');
    const tech = await runCli(['--db', db, 'search', 'source:tech chip']);
    expect(tech.stdout).toContain('New chip doubles battery life');
    expect(tech.stdout).not.toContain('Ceasefire');
    const none = await runCli(['--db', db, 'search', 'source:"Nowhere Times"']);
    expect(none.code).toBe(1);
  });
});

describe('--fetch-every', () => {
  it('takes a number of minutes, 1 or more: anything else is one line and status 2', async () => {
    for (const bad of ['0', 'soon', '-5', '']) {
      const result = await runCli(['--db', db, '--fetch-every', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      // `-5` reads as an option, and the argument parser says so in its own words.
      expect(result.stderr).toContain(bad.startsWith('-') ? "'--fetch-every'" : '--fetch-every takes a number of minutes');
    }
  });
});
