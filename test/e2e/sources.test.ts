/**
 * The sources pane and background fetching in the built reader, in a real pseudo-terminal,
 * against a real HTTP server on 127.0.0.1 whose answers are held back while keys are
 * pressed: the keys are answered during `R`, the new entries arrive without moving the
 * selection, a failed feed is marked, and the pane's choice agrees with `source:`.
 */
import type { ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/library/store/open.js';
import { fetchAll } from '../../src/library/subscriptions/fetch-all.js';
import { Subscriptions } from '../../src/library/subscriptions/store.js';
import { rssFeed, startFeedServer, type FeedServer } from '../library/subscriptions/feed-server.js';
import { type PtySession, spawnReader } from './pty.js';

const COLS = 130;
const ROWS = 30;
/** At 130 columns the pane takes 26 (its rule included) and the list the next 41. */
const LIST_FROM = 26;
const LIST_TO = 67;

let session: PtySession | null = null;
let server: FeedServer | null = null;
afterEach(async () => {
  session?.dispose();
  session = null;
  await server?.close();
  server = null;
});

interface Feeds {
  server: FeedServer;
  db: string;
  wire: [string, string][];
  /** While true, the feeds' answers wait in `held` until `release`. */
  hold: boolean;
  held: (() => void)[];
  release: () => void;
}

async function library(): Promise<Feeds> {
  // One object: the server's handler reads `hold` and `wire` from it as the test changes them.
  const feeds: Omit<Feeds, 'server'> & { server?: FeedServer } = {
    db: path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-e2e-sources-')), 'library.db'),
    wire: [['w1', 'Ceasefire holds in the north'], ['w2', 'Markets rally at the open']],
    hold: false,
    held: [],
    release() {
      while (this.held.length > 0) this.held.shift()?.();
    },
  };
  const answer = (url: string, response: ServerResponse): void => {
    if (url === '/broken.xml') {
      response.writeHead(500);
      response.end('server error');
      return;
    }
    const body = url === '/wire.xml' ? rssFeed('Wire Service', feeds.wire) : rssFeed('Tech Daily', [['t1', 'New chip doubles battery life']]);
    response.writeHead(200, { 'content-type': 'application/rss+xml' });
    response.end(body);
  };
  server = await startFeedServer((request, response) => {
    const url = request.url ?? '';
    if (feeds.hold && url !== '/broken.xml') feeds.held.push(() => answer(url, response));
    else answer(url, response);
  });
  const { db: handle } = openStore(feeds.db);
  const subscriptions = new Subscriptions(handle);
  subscriptions.add(server.url('/wire.xml'), { tags: ['news'] });
  subscriptions.add(server.url('/tech.xml'), { tags: ['tech'] });
  subscriptions.add(server.url('/broken.xml'), { title: 'Broken Feed', tags: ['tech'] });
  await fetchAll(handle, subscriptions.list());
  handle.close();
  feeds.server = server;
  return feeds as Feeds;
}

/** The screen row whose headline-list cells are drawn inverse: the selected headline. */
function selectedRow(s: PtySession): number {
  return s.lines().findIndex((_, y) => s.cell(LIST_FROM + 3, y).inverse);
}

/** The headlines of the list, top to bottom. */
function listText(s: PtySession): string[] {
  return s
    .lines()
    .slice(0, ROWS - 1)
    .map((line) => line.slice(LIST_FROM, LIST_TO).replace(/^[ ●★]+/, '').trim())
    .filter((line) => line !== '');
}

describe('the sources pane and fetching in the reader', () => {
  it('R fetches in the background: keys are answered while the server holds its answers, new entries keep the selection, a failed feed is marked', async () => {
    const feeds = await library();
    session = spawnReader({ cols: COLS, rows: ROWS, args: ['--db', feeds.db], env: { CI: 'true' } });
    const s = session;
    await s.waitForStatus(/ 1\/3 /);
    await s.waitFor('Wire Service');
    // Keys typed before the reader has the terminal in raw mode would be echoed by it.
    await s.waitForQuiet();
    // The pane is on: All chosen, the broken feed marked in bold red.
    expect(s.screen()).toMatch(/▸ All\s+3\/3/);
    const brokenRow = s.lines().findIndex((line) => line.includes('Broken Feed'));
    const mark = s.cell(1, brokenRow);
    expect(mark).toMatchObject({ char: '!', bold: true, fgColour: true });

    // Select Ceasefire holds in the north (the last of the three, same hour as New chip).
    s.press('G');
    await s.waitForStatus(/ 3\/3 /);
    expect(s.lines()[selectedRow(s)]).toContain('Ceasefire holds');

    feeds.hold = true;
    feeds.wire = [...feeds.wire, ['w3', 'Talks resume in Geneva'], ['w4', 'Rain expected at the weekend']];
    s.press('R');
    await s.waitForStatus(/fetching [0-3]\/3/);
    await s.waitFor(() => feeds.held.length === 2, 'both feeds asked and held');
    // Keys while the answers are held: one by one, then several in one write.
    s.press('k');
    await s.waitForStatus(/ 2\/3 .*fetching/);
    expect(s.lines()[selectedRow(s)]).toContain('New chip');
    s.write('kjj');
    await s.waitForStatus(/ 3\/3 .*fetching/);
    s.press('k');
    await s.waitForStatus(/ 2\/3 /);
    s.press('j');
    await s.waitForStatus(/ 3\/3 /);
    expect(feeds.held.length).toBe(2);
    expect(s.status()).toMatch(/fetching [0-2]\/3/);

    feeds.release();
    await s.waitForStatus(/fetched 3 feeds: 2 new, 1 failed/);
    await s.waitFor('Talks resume in');
    // Two newer entries above: the same article is selected, two rows further down.
    await s.waitForStatus(/ 5\/5 /);
    expect(s.lines()[selectedRow(s)]).toContain('Ceasefire holds');
    await s.waitFor(/Wire Service\s+4\/4/);

    // The failed feed's error is one key away: select it in the pane.
    s.press('h');
    await s.waitFor(() => s.cell(LIST_FROM - 1, 0).bold, 'the pane to have the keys');
    s.write('jj');
    await s.waitForStatus(/Broken Feed: .*500/);
    const selected = s.lines().findIndex((_, y) => s.cell(3, y).inverse);
    expect(s.lines()[selected]).toContain('Broken Feed');
    s.press('Q');
    await s.waitForExit();
  });

  it('choosing a source in the pane shows what source: finds', async () => {
    const feeds = await library();
    session = spawnReader({ cols: COLS, rows: ROWS, args: ['--db', feeds.db], env: { CI: 'true' } });
    const s = session;
    await s.waitForStatus(/ 1\/3 /);
    // Keys typed before the reader has the terminal in raw mode would be echoed by it.
    await s.waitForQuiet();
    // Several sources in view: each headline names its source.
    expect(s.lines().find((line) => line.includes('New chip'))).toContain('Tech Daily');
    s.press('left', 'down', 'return');
    await s.waitForStatus(/ 1\/2 · \d+ unread · Wire Service/);
    await s.waitFor(() => listText(s).length === 2, 'the list to hold only Wire Service\'s two entries');
    const fromPane = listText(s);
    expect(fromPane.join('\n')).not.toContain('New chip');
    // Back to All, then the same filter as a query, typed in one write.
    s.write('hg\r');
    await s.waitForStatus(/ 1\/3 /);
    s.write('/source:"Wire Service"\r');
    await s.waitForStatus(/2 matches/);
    // The same headlines in the same order (cut shorter here, beside the source column).
    const start = (line: string): string => line.slice(0, 12);
    expect(listText(s).map(start)).toEqual(fromPane.map(start));
    s.press('Q');
    await s.waitForExit();
  });

  it('--fetch fetches every feed in the background as the reader opens', async () => {
    const feeds = await library();
    feeds.wire = [...feeds.wire, ['w3', 'Talks resume in Geneva']];
    session = spawnReader({ cols: COLS, rows: ROWS, args: ['--db', feeds.db, '--fetch'], env: { CI: 'true' } });
    const s = session;
    await s.waitForStatus(/fetched 3 feeds: 1 new, 1 failed/);
    await s.waitFor('Talks resume in');
    // The article selected at start stays selected, the new one above it.
    await s.waitForStatus(/ 2\/4 /);
    expect(s.lines()[selectedRow(s)]).toContain('Markets rally');
    const row = s.lines().findIndex((line) => line.includes('Talks resume in'));
    // New and unread: the bullet and the headline in bold.
    expect(s.cell(LIST_FROM, row)).toMatchObject({ char: '●', bold: true });
    s.press('Q');
    await s.waitForExit();
  });

  it('fetch_on_start in the config file fetches as --fetch does', async () => {
    const feeds = await library();
    feeds.wire = [...feeds.wire, ['w3', 'Talks resume in Geneva']];
    const config = path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-e2e-fetch-config-')), 'config.toml');
    writeFileSync(config, 'fetch_on_start = true\nfetch_every = "30m"\n');
    session = spawnReader({ cols: COLS, rows: ROWS, args: ['--db', feeds.db, '--config', config], env: { CI: 'true' } });
    const s = session;
    await s.waitForStatus(/fetched 3 feeds: 1 new, 1 failed/);
    await s.waitFor('Talks resume in');
    s.press('Q');
    await s.waitForExit();
  });
});
