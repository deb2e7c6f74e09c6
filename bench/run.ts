/**
 * `npm run bench [-- --count N --filter TEXT]`: run every registered benchmark module and
 * print a table. To add benchmarks, export a `benchmarks` array from a `*.bench.ts` module
 * and add it to MODULES below.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hasShared, repoRoot, sharedDir } from '../kit/shared-dir.js';
import { defaultCacheDir, summarise, table, type Benchmark } from './harness.js';
import { benchmarks as feedBenchmarks } from './feeds.bench.js';
import { benchmarks as floorBenchmarks } from './floors.bench.js';
import { benchmarks as fetchKeyBenchmarks } from './fetch-keys.bench.js';
import { benchmarks as readerBenchmarks } from './reader.bench.js';
import { benchmarks as searchBenchmarks } from './search.bench.js';
import { benchmarks as storeBenchmarks } from './store.bench.js';
import { benchmarks as subscriptionBenchmarks } from './subscriptions.bench.js';
import { benchmarks as terminalBenchmarks } from './terminal.bench.js';

// The store first: its cold runs leave the databases the search benchmarks query.
const MODULES: readonly (readonly Benchmark[])[] = [storeBenchmarks, searchBenchmarks, readerBenchmarks, feedBenchmarks, subscriptionBenchmarks, fetchKeyBenchmarks, terminalBenchmarks, floorBenchmarks];

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    filter: { type: 'string' },
  },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count <= 0) {
  process.stderr.write('usage: npm run bench -- [--count N] [--filter TEXT]\n');
  process.exit(2);
}
const cacheDir = defaultCacheDir(repoRoot);
mkdirSync(cacheDir, { recursive: true });
const context = { count, cacheDir, sharedDir: hasShared ? sharedDir : null, log: (message: string) => process.stderr.write(`bench: ${message}\n`) };

const rows = [];
for (const benchmark of MODULES.flat()) {
  if (values.filter !== undefined && !benchmark.name.includes(values.filter)) continue;
  context.log(`running ${benchmark.name}`);
  const result = await benchmark.run(context);
  if (result === null) continue;
  const row = summarise(benchmark, result);
  context.log(`${row.name}: ${[`median ${row.median}`, row.throughput, row.notes].filter((part) => part !== '').join('; ')}`);
  rows.push(row);
}
console.log(table(rows));
