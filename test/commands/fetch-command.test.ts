/**
 * `newsreader fetch` in process, with a stream that says it is a terminal: a progress bar
 * redrawn in place, then the summary line; without a terminal, only the summary line.
 */
import { Writable } from 'node:stream';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchCommand, fetchSummary } from '../../src/commands/fetch-command.js';
import { openStore } from '../../src/library/store/open.js';
import { Subscriptions } from '../../src/library/subscriptions/store.js';
import { rssFeed, startFeedServer, type FeedServer } from '../library/subscriptions/feed-server.js';
import { tempDir } from '../library/store/helpers.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(rssFeed(`Feed ${request.url}`, [[`${request.url}-a`, 'First'], [`${request.url}-b`, 'Second']]));
  });
});
afterAll(async () => {
  await server.close();
});

function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY });
  return { stream, text: () => written };
}

function libraryWith(feeds: number): string {
  const file = path.join(tempDir(), 'library.db');
  const { db } = openStore(file);
  const subscriptions = new Subscriptions(db);
  for (let i = 0; i < feeds; i++) subscriptions.add(server.url(`/feed-${i}.xml`));
  db.close();
  return file;
}

describe('newsreader fetch output', () => {
  it('draws a progress bar on a terminal and ends with the summary line', async () => {
    const db = libraryWith(3);
    const out = capture(true);
    expect(await fetchCommand([], { db }, out.stream)).toBe(0);
    expect(out.text()).toContain('\r\x1b[2Knewsreader: fetching [########################] 3/3  6 new');
    expect(out.text().endsWith('\r\x1b[2Knewsreader: fetched 3 feeds: 6 new, 0 failed\n')).toBe(true);
  });

  it('writes only the summary line when not on a terminal', async () => {
    const db = libraryWith(2);
    const out = capture(false);
    expect(await fetchCommand([], { db }, out.stream)).toBe(0);
    expect(out.text()).toBe('newsreader: fetched 2 feeds: 4 new, 0 failed\n');
  });

  it('counts gone and waiting feeds in the summary only when there are some', () => {
    const base = { url: 'u', title: 't', message: null, warnings: [] };
    expect(
      fetchSummary([
        { ...base, status: 'new', added: 3 },
        { ...base, status: 'gone', added: 0 },
        { ...base, status: 'waiting', added: 0 },
        { ...base, status: 'failed', added: 0 },
      ]),
    ).toBe('fetched 4 feeds: 3 new, 1 failed, 1 gone, 1 waiting');
    expect(fetchSummary([{ ...base, status: 'unchanged', added: 0 }])).toBe('fetched 1 feed: 0 new, 0 failed');
  });
});
