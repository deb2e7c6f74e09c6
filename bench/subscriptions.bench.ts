/**
 * `newsreader fetch` over HTTP on 127.0.0.1: 100 subscribed feeds of 100 entries each
 * (generated RSS with HTML content, served with an ETag), fetched into an empty library,
 * then fetched again unchanged (every feed a 304). The feeds are spread over 10 servers,
 * as subscriptions are over hosts: one host gets at most 2 connections.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { openStore } from '../src/library/store/open.js';
import { fetchAll } from '../src/library/subscriptions/fetch-all.js';
import { Subscriptions } from '../src/library/subscriptions/store.js';
import { generateFeed } from './feeds.bench.js';
import { once, type BenchContext, type BenchResult, type Benchmark } from './harness.js';

const FEEDS = 100;
const ENTRIES = 100;
const SERVERS = 10;
const COLD_REPEATS = 3;
const WARM_REPEATS = 5;

/**
 * The servers run in a worker thread, as remote servers would be elsewhere: on the fetching
 * thread they would take turns with the parsing and writing being measured.
 */
const SERVERS_SOURCE = `
const { createServer } = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { template, servers, perServer } = workerData;
(async () => {
  const urls = [];
  for (let s = 0; s < servers; s++) {
    const server = createServer((request, response) => {
      const name = request.url || '/';
      const etag = '"' + name + '"';
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag });
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
      response.end(template.replace('<title>Generated</title><link>https://news.example/</link>', '<title>Feed ' + name + '</title><link>https://news.example' + name + '</link>'));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    for (let f = 0; f < perServer; f++) urls.push('http://127.0.0.1:' + server.address().port + '/feed-' + s + '-' + f + '.xml');
  }
  parentPort.postMessage(urls);
})();
`;

export async function startServers(): Promise<{ urls: string[]; close: () => Promise<void> }> {
  const worker = new Worker(SERVERS_SOURCE, { eval: true, workerData: { template: generateFeed(ENTRIES), servers: SERVERS, perServer: FEEDS / SERVERS } });
  const urls = await new Promise<string[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { urls, close: async () => void (await worker.terminate()) };
}

interface Measured {
  cold: number[];
  /** CPU time of this process per cold fetch: on a shared machine the wall time includes waiting for a core. */
  coldCpuMs: number[];
  warm: number[];
  entries: number;
}

const measure = once(async (context: BenchContext): Promise<Measured> => {
  const { urls, close } = await startServers();
  const cold: number[] = [];
  const coldCpuMs: number[] = [];
  const warm: number[] = [];
  let entries = 0;
  try {
    for (let r = 0; r < COLD_REPEATS; r++) {
      const dir = mkdtempSync(path.join(context.cacheDir, 'fetch-'));
      const { db } = openStore(path.join(dir, 'library.db'));
      const subscriptions = new Subscriptions(db);
      for (const url of urls) subscriptions.add(url);
      let start = performance.now();
      const cpu = process.cpuUsage();
      const outcomes = await fetchAll(db, subscriptions.list());
      cold.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      coldCpuMs.push((used.user + used.system) / 1000);
      entries = outcomes.reduce((sum, o) => sum + o.added, 0);
      if (outcomes.some((o) => o.status !== 'new')) throw new Error('a feed was not fetched');
      for (let w = 0; r === 0 && w < WARM_REPEATS; w++) {
        start = performance.now();
        const again = await fetchAll(db, subscriptions.list());
        warm.push(performance.now() - start);
        if (again.some((o) => o.status !== 'unchanged')) throw new Error('a feed changed');
      }
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await close();
  }
  context.log(`${entries} entries stored per cold fetch`);
  return { cold, coldCpuMs, warm, entries };
});

export const benchmarks: readonly Benchmark[] = [
  {
    name: 'fetch: 100 feeds × 100 entries into an empty library',
    aim: { metric: 'median', target: 5000, label: '≤ 5 s' },
    async run(context: BenchContext): Promise<BenchResult> {
      const { cold, coldCpuMs, entries } = await measure(context);
      const cpu = [...coldCpuMs].sort((a, b) => a - b)[Math.floor(coldCpuMs.length / 2)] ?? 0;
      // The process's CPU time includes the servers' worker thread.
      return { samples: cold, n: entries, unit: 'entries', notes: [`CPU ${(cpu / 1000).toFixed(2)} s incl. servers`] };
    },
  },
  {
    name: 'fetch: the same 100 feeds again, unchanged (304)',
    aim: { metric: 'median', target: 1000, label: '≤ 1 s' },
    async run(context: BenchContext): Promise<BenchResult> {
      const { warm } = await measure(context);
      return { samples: warm, n: FEEDS, unit: 'feeds' };
    },
  },
];
