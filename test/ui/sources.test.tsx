/**
 * The sources pane and the source column on the real store: two subscribed feeds served
 * from 127.0.0.1 and a folder of text articles. Counts follow marks, choosing a source
 * filters the list as `source:` does, `R` stores new entries without moving the
 * selection, and a failed feed is marked with its error one key away.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/library/store/open.js';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import { fetchAll } from '../../src/library/subscriptions/fetch-all.js';
import { Subscriptions } from '../../src/library/subscriptions/store.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import { rssFeed, startFeedServer, type FeedServer } from '../library/subscriptions/feed-server.js';
import { type Reader, renderReader, statusLine, until } from './harness.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

interface Fixture {
  reader: Reader;
  library: SqliteLibrary;
  server: FeedServer;
  /** Wire's entries as the server sends them next. */
  wire: { items: [string, string][]; fail: boolean };
}

async function open(width = 140, height = 30, options: { search?: boolean } = {}): Promise<Fixture> {
  const wire = { items: [['w1', 'Ceasefire holds in the north'], ['w2', 'Markets rally at the open']] as [string, string][], fail: false };
  const server = await startFeedServer((request, response) => {
    if (request.url === '/wire.xml' && wire.fail) {
      response.writeHead(503);
      response.end();
      return;
    }
    const body = request.url === '/wire.xml' ? rssFeed('Wire Service', wire.items) : rssFeed('Tech Daily', [['t1', 'New chip doubles battery life']]);
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(body);
  });
  cleanups.push(() => server.close());
  const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-sources-ui-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const folder = path.join(dir, 'clippings');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'a.txt'), 'Harbour reopens after storm\n\nUpdated Sep 1, 2016\n\nBoats went out again.\n');
  const db = path.join(dir, 'library.db');
  const store = openStore(db);
  const subscriptions = new Subscriptions(store.db);
  subscriptions.add(server.url('/wire.xml'), { tags: ['news'] });
  subscriptions.add(server.url('/tech.xml'), { tags: ['tech'] });
  await fetchAll(store.db, subscriptions.list());
  store.db.close();
  const roots = [server.url('/wire.xml'), server.url('/tech.xml'), folder];
  const library = openLibrary({ db, paths: roots });
  await library.refresh().done;
  const searcher = options.search === true ? new SqliteSearcher(db, { roots }) : null;
  const reader = await renderReader({ library, searcher, width, height });
  cleanups.push(() => {
    reader.unmount();
    searcher?.close();
    library.close();
  });
  return { reader, library, server, wire };
}

/** The headline list's columns at 140 wide (the pane takes the first 28). */
const listColumn = (r: Reader): string => r.frame().split('\n').map((line) => line.slice(28, 72)).join('\n');

/** The frame's lines that hold `text`. */
const linesWith = (r: Reader, text: string): string[] => r.frame().split('\n').filter((line) => line.includes(text));

describe('the sources pane in the reader', () => {
  it('is on with subscriptions: sources by tag with unread/total counts, and each headline\'s source', async () => {
    const { reader: r } = await open();
    const frame = r.frame();
    expect(frame).toMatch(/▸ All\s+4\/4/);
    expect(frame).toMatch(/news[^\n]*\n[^\n]*Wire Service\s+2\/2/);
    expect(frame).toMatch(/tech[^\n]*\n[^\n]*Tech Daily\s+1\/1/);
    expect(frame).toMatch(/Local[^\n]*\n[^\n]*clippings\s+1\/1/);
    // Several sources in view: each headline says where it is from.
    expect(linesWith(r, 'Markets rally')[0]).toContain('Wire Service');
    expect(linesWith(r, 'New chip')[0]).toContain('Tech Daily');
    expect(linesWith(r, 'Harbour reopens')[0]).toContain('clippings');
  });

  it('Enter on a source shows only its articles, without the source column; counts follow marks', async () => {
    const { reader: r } = await open();
    await r.press('h', 'j', 'return');
    await r.waitFor('1/2');
    expect(statusLine(r)).toContain('Wire Service');
    expect(r.frame()).not.toContain('New chip');
    expect(listColumn(r)).not.toContain('Wire Service');
    expect(r.frame()).toMatch(/▸ Wire Service\s+2\/2/);
    // Reading an article: one fewer unread, in the source and in All.
    await r.press('m');
    await r.waitFor(/Wire Service\s+1\/2/);
    expect(r.frame()).toMatch(/All\s+3\/4/);
    await r.press('h', 'g', 'return');
    await r.waitFor('1/4');
  });

  it('at 90 columns the pane is hidden until Left, then has the screen alone', async () => {
    const { reader: r } = await open(90, 20);
    expect(r.frame()).not.toContain('Wire Service   2/2');
    await r.press('left');
    expect(r.frame()).toMatch(/Wire Service\s+2\/2/);
    expect(r.frame()).not.toContain('Ceasefire');
    await r.press('j', 'j', 'return');
    await r.waitFor('1/1');
    expect(r.frame()).toContain('New chip doubles battery life');
  });

  it('a search while a source is chosen finds only that source\'s articles', async () => {
    const { reader: r } = await open(140, 30, { search: true });
    await r.type('/about\r');
    await r.waitFor('3 matches');
    await r.press('escape', 'h', 'j', 'return');
    await r.waitFor('1/2');
    await r.type('/about\r');
    await r.waitFor('2 matches');
    expect(r.frame()).not.toContain('New chip');
  });

  it('the pane\'s choice and a source: search show the same articles', async () => {
    const { reader: r } = await open(140, 30, { search: true });
    await r.press('h', 'j', 'return');
    await r.waitFor('1/2');
    const headlines = (text: string): string[] => ['Ceasefire', 'Markets rally', 'New chip', 'Harbour'].filter((h) => text.includes(h));
    const fromPane = headlines(r.frame().split('\n').map((line) => line.slice(24, 80)).join('\n'));
    await r.press('h', 'g', 'return');
    await r.waitFor('1/4');
    await r.type('/source:"wire service"');
    await r.press('return');
    await r.waitFor('2 matches');
    const fromSearch = headlines(r.frame().split('\n').map((line) => line.slice(24, 80)).join('\n'));
    expect(fromSearch).toEqual(fromPane);
    expect(fromPane).toEqual(['Ceasefire', 'Markets rally']);
  });

  it('R stores new entries without moving the selection, and marks a failed feed with its error', async () => {
    const { reader: r, wire } = await open();
    // Newest first: Markets rally, then New chip and Ceasefire (same hour, by path).
    await r.press('j', 'j');
    await r.waitFor('https://example.org/w1');
    expect(statusLine(r)).toMatch(/^ 3\/4/);
    // Two new entries, dated before the two there (the feed's dates move with its order).
    wire.items = [...wire.items, ['w3', 'Talks resume in Geneva'], ['w4', 'Rain expected at the weekend']];
    await r.press('R');
    await r.waitFor('fetched 2 feeds: 2 new');
    await r.waitFor('Talks resume in');
    await r.waitFor('Wire Service         4/4');
    // The same article is still selected, where it now is in the list.
    await until(() => /^ 5\/6/.test(statusLine(r)), () => statusLine(r));
    expect(r.frame()).toContain('https://example.org/w1');
    await r.press('return');
    expect(r.frame()).toContain('Ceasefire holds in the north');
    await r.press('escape');

    wire.fail = true;
    await r.press('R');
    await r.waitFor('1 failed');
    await r.press('h', 'j');
    // The pane's counts and marks follow within SOURCES_EVERY_MS.
    await r.waitFor(/ !Wire Service/);
    expect(statusLine(r)).toMatch(/Wire Service: .*503/);
  });

  it('r fetches only the selected article\'s feed', async () => {
    const { reader: r, server } = await open();
    const before = server.requests.length;
    // The newest article is Tech Daily's? Choose it through the pane to be sure.
    await r.press('h', 'j', 'j', 'return');
    await r.waitFor('1/1');
    await r.press('r');
    await until(() => r.frame().includes('fetched 1 feed'), 'the fetch of one feed');
    const asked = server.requests.slice(before).map((request) => request.path);
    expect(asked).toEqual(['/tech.xml']);
  });
});
