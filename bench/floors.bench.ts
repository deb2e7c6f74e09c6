/**
 * The floors under the terminal measures (terminal.bench.ts): the same launch, Down, query
 * and memory measures, in the same pseudo-terminal, on programs that do only what the
 * measure needs (bench/floors/):
 * - terminal-only: Node writing the screen itself, no library, no Ink;
 * - ink-sqlite: Ink and React, built with the reader's Ink replacements, showing 38
 *   headlines of the 2,000-article library read with better-sqlite3, with V8's flags as the
 *   reader sets them (commands/reader-heap.ts); typing into its field shows 38 other
 *   headlines and a count, with no search.
 * The gap between a floor and the reader's row is what the reader's own work costs; no
 * program on the stack goes below the ink-sqlite row.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../kit/shared-dir.js';
import { readerOptions, requireBanner } from '../scripts/bundle-options.mjs';
import { ensureBuilt, indexWithCli, syntheticCorpus, syntheticDb } from './corpora.js';
import type { BenchContext, BenchResult, Benchmark } from './harness.js';
import { headlinesShown, ScreenSession } from './pty-screen.js';

const LAUNCHES = 5;
const DOWN_PRESSES = 15;
const PRESS_GAP_MS = 60;
const QUERY = 'zebrafish';
const RSS_AFTER_MS = 300;
const SIZE = 2000;

const DOWN = '\u001b[B';

interface Floor {
  name: string;
  source: string;
  /** V8 flags the program runs with: the reader's, for the stack's floor. */
  node: string[];
}

const FLOORS: Floor[] = [
  { name: 'terminal-only', source: 'terminal-only.ts', node: [] },
  { name: 'ink-sqlite', source: 'ink-sqlite.tsx', node: ['--no-turbofan', '--semi-space-growth-factor=1'] },
];

interface Samples {
  launchMs: number[];
  downMs: number[];
  queryMs: number[];
  residentMiB: number[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Each floor bundled with the reader's options (scripts/bundle-options.mjs), as one ESM file. */
async function bundle(context: BenchContext, floor: Floor): Promise<string> {
  const outfile = path.join(context.cacheDir, 'floors', `${floor.name}.mjs`);
  await build({
    ...readerOptions(repoRoot),
    entryPoints: [path.join(repoRoot, 'bench', 'floors', floor.source)],
    outfile,
    banner: { js: requireBanner },
  });
  return outfile;
}

/** A wrapper that starts the bundle with the floor's V8 flags: ScreenSession runs `node FILE`. */
function withFlags(context: BenchContext, floor: Floor, bundled: string): string {
  if (floor.node.length === 0) return bundled;
  const wrapper = path.join(context.cacheDir, 'floors', `${floor.name}-flags.mjs`);
  const flags = floor.node.map((flag) => `setFlagsFromString(${JSON.stringify(flag)});`).join('\n');
  writeFileSync(wrapper, `import { setFlagsFromString } from 'node:v8';\n${flags}\nawait import(${JSON.stringify(`./${path.basename(bundled)}`)});\n`);
  return wrapper;
}

function answered(lines: string[]): boolean {
  return (lines.at(-2) ?? '').startsWith(`/${QUERY}`) && /\b\d+ match/.test(lines.at(-1) ?? '');
}

async function measure(program: string, db: string): Promise<Samples> {
  const samples: Samples = { launchMs: [], downMs: [], queryMs: [], residentMiB: [] };
  for (let i = 0; i < LAUNCHES; i++) {
    const session = new ScreenSession(['--db', db], {}, program);
    try {
      samples.launchMs.push((await session.when(headlinesShown, 'the first screen')) - session.launchedAt);
      await sleep(RSS_AFTER_MS);
      samples.residentMiB.push(session.residentMiB());
      for (let k = 0; k < DOWN_PRESSES; k++) {
        samples.downMs.push(await session.timeToChange(DOWN));
        await sleep(PRESS_GAP_MS);
      }
      await session.timeTo('/', (lines) => (lines.at(-2) ?? '').startsWith('/'), 'the field');
      samples.queryMs.push(await session.timeTo(QUERY, answered, 'the count'));
      await session.timeTo('\u001b', (lines) => !(lines.at(-2) ?? '').startsWith('/'), 'the field to close');
    } finally {
      await session.quit();
    }
  }
  return samples;
}

const measured = new Map<string, Promise<Samples>>();
function samplesOf(context: BenchContext, floor: Floor): Promise<Samples> {
  let samples = measured.get(floor.name);
  if (samples === undefined) {
    samples = (async () => {
      ensureBuilt();
      const sized = { ...context, count: SIZE };
      const db = syntheticDb(sized);
      indexWithCli(syntheticCorpus(sized), db);
      return measure(withFlags(context, floor, await bundle(context, floor)), db);
    })();
    measured.set(floor.name, samples);
  }
  return samples;
}

interface Measure {
  what: string;
  pick: (samples: Samples) => number[];
  unit: string;
  mib?: boolean;
}

const MEASURES: Measure[] = [
  { what: 'launch → first screen', pick: (s) => s.launchMs, unit: 'launches' },
  { what: 'Down → screen change', pick: (s) => s.downMs, unit: 'keys' },
  { what: `"${QUERY}" typed → 38 new rows and a count`, pick: (s) => s.queryMs, unit: 'queries' },
  { what: 'resident memory, first screen', pick: (s) => s.residentMiB, unit: 'launches', mib: true },
];

export const benchmarks: Benchmark[] = FLOORS.flatMap((floor) =>
  MEASURES.map(
    (m): Benchmark => ({
      name: `floor (${floor.name}): ${m.what}, 2k synthetic`,
      async run(context): Promise<BenchResult> {
        const samples = m.pick(await samplesOf(context, floor));
        return { samples, n: 1, unit: m.unit, notes: ['no aim: what the stack costs alone'], ...(m.mib === true ? { sampleUnit: 'MiB' as const } : {}) };
      },
    }),
  ),
);
