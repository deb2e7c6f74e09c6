/**
 * Keys while the reader fetches: the built reader in a pseudo-terminal on a library of
 * 100 subscribed feeds (one of them already stored), `R` fetching the other 99 of 100
 * entries each from 127.0.0.1 in the background, and Down pressed all the while. Each
 * sample is Down → the next article in the article pane, beside the same on an idle reader.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../src/library/store/open.js';
import { fetchAll } from '../src/library/subscriptions/fetch-all.js';
import { Subscriptions } from '../src/library/subscriptions/store.js';
import { once, type BenchContext, type BenchResult, type Benchmark } from './harness.js';
import { headlinesShown, ScreenSession } from './pty-screen.js';
import { startServers } from './subscriptions.bench.js';

const DOWN = '\u001b[B';
const IDLE_PRESSES = 15;
const GAP_MS = 40;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The selected article: its header (feed and date) and link in the article pane, which
 * starts right of column 60 at 120 columns with the sources pane on. Entries stored
 * meanwhile move the position in the status bar but keep the article; Down changes it.
 */
function selectedLink(lines: string[]): string {
  return `${lines[0]?.slice(60) ?? ''}\n${lines[1]?.slice(60) ?? ''}`;
}

async function down(session: ScreenSession): Promise<number> {
  const from = selectedLink(session.lines());
  const sent = performance.now();
  session.write(DOWN);
  const at = await session.when((lines) => selectedLink(lines) !== from, 'the next article');
  return at - sent;
}

interface Measured {
  idle: number[];
  fetching: number[];
}

const measure = once(async (context: BenchContext): Promise<Measured> => {
  const { urls, close } = await startServers();
  const dir = mkdtempSync(path.join(context.cacheDir, 'fetch-keys-'));
  const db = path.join(dir, 'library.db');
  const result: Measured = { idle: [], fetching: [] };
  try {
    const store = openStore(db);
    const subscriptions = new Subscriptions(store.db);
    for (const url of urls) subscriptions.add(url);
    await fetchAll(store.db, subscriptions.list().slice(0, 1));
    store.db.close();
    const session = new ScreenSession(['--db', db]);
    try {
      await session.when(headlinesShown, 'the first headlines');
      for (let i = 0; i < IDLE_PRESSES; i++) {
        result.idle.push(await down(session));
        await sleep(GAP_MS);
      }
      session.write('R');
      await session.when((lines) => /fetching/.test(lines.at(-1) ?? ''), 'the fetch to start');
      while (/fetching/.test(session.status())) {
        result.fetching.push(await down(session));
        await sleep(GAP_MS);
      }
    } finally {
      await session.quit();
    }
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
});

export const benchmarks: readonly Benchmark[] = [
  {
    name: 'terminal: Down → next article, idle, 100 subscribed feeds',
    async run(context): Promise<BenchResult> {
      const { idle } = await measure(context);
      return { samples: idle, n: 1, unit: 'keys', notes: ['one feed of 100 entries stored'] };
    },
  },
  {
    name: 'terminal: Down → next article while R fetches 99 feeds × 100 entries',
    aim: { metric: 'p95', target: 100, label: 'p95 ≤ 100 ms' },
    async run(context): Promise<BenchResult> {
      const { fetching } = await measure(context);
      return { samples: fetching, n: 1, unit: 'keys', notes: [`${fetching.length} keys during the fetch, ${GAP_MS} ms apart`] };
    },
  },
];
