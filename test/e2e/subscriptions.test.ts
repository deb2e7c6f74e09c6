/**
 * The reader with no PATH and a library with subscriptions: it opens the subscribed feeds'
 * entries as `newsreader fetch` stored them, without fetching (the server is gone by then).
 */
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/library/store/open.js';
import { fetchAll } from '../../src/library/subscriptions/fetch-all.js';
import { Subscriptions } from '../../src/library/subscriptions/store.js';
import { rssFeed, startFeedServer } from '../library/subscriptions/feed-server.js';
import { type PtySession, spawnReader } from './pty.js';

let session: PtySession | null = null;
afterEach(() => {
  session?.dispose();
  session = null;
});

describe('the reader with subscriptions', () => {
  it('opens the subscribed feeds\' stored entries without fetching them', async () => {
    let requests = 0;
    const server = await startFeedServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(rssFeed('Wire', [['one', 'Ceasefire holds in the north'], ['two', 'Markets rally at the open'], ['three', 'Storm moves east']]));
    });
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-e2e-subs-')), 'library.db');
    const url = server.url('/wire.xml');
    {
      const { db: handle } = openStore(db);
      new Subscriptions(handle).add(url);
      await fetchAll(handle, new Subscriptions(handle).list());
      handle.close();
    }
    await server.close();
    expect(requests).toBe(1);

    session = spawnReader({ cols: 100, rows: 24, args: ['--db', db], env: { CI: 'true' } });
    const s = session;
    await s.waitForStatus(/1\/3/);
    await s.waitFor('Storm moves east');
    const screen = s.screen();
    expect(screen).toContain('Ceasefire holds in the north');
    expect(screen).not.toContain('seeds');
    // The selected headline is drawn in inverse, the others are not.
    const buffer = s.term.buffer.active;
    const rowOf = (text: string) => s.lines().findIndex((line) => line.includes(text));
    const first = rowOf('Storm moves east');
    const second = rowOf('Markets rally at the open');
    const cellAt = (row: number, text: string) => buffer.getLine(buffer.viewportY + row)?.getCell(s.lines()[row]?.indexOf(text) ?? 0);
    expect(cellAt(first, 'Storm')?.isInverse()).toBeTruthy();
    expect(cellAt(second, 'Markets')?.isInverse()).toBeFalsy();
    s.press('j');
    await s.waitForStatus(/2\/3/);
    s.press('q');
    await s.waitForExit();
  });
});
