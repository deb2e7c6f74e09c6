/**
 * Writes the seeded synthetic corpus (kit/corpus-generator.ts) to a folder:
 *
 *   tsx bench/generate.ts --count 100000 --seed 1 --out .bench/corpus-100000
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../kit/corpus-generator.js';

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || values.out === undefined) {
    process.stderr.write('usage: tsx bench/generate.ts --count N --seed S --out DIR\n');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const result = generateCorpus({ count, seed, out: values.out });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `wrote ${result.files} articles (${(result.bytes / 1e6).toFixed(1)} MB) to ${values.out} in ${seconds.toFixed(1)} s, words from ${result.origin}\n`,
  );
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
