/**
 * The floors under the terminal measures (terminal.bench.ts): the same launch, Down, query
 * and memory measures, in the same pseudo-terminal, on programs that do only what the
 * measure needs (bench/floors/):
 * - terminal-only: Node writing the screen itself, no library, no Ink;
 * - ink-sqlite: Ink and React, built with the reader's Ink replacements, showing 38
 *   headlines of the 2,000-article library read with better-sqlite3, with V8's flags as the
 *   reader sets them (commands/reader-heap.ts); typing into its field shows 38 other
 *   headlines and a count, with no search.
 * - ink-two-pane: ink-sqlite with an article pane beside the list, laid out as the reader
 *   lays it out at 120 columns; Down also fills the pane with the next article's body.
 *   newsboat's list has no pane to redraw; a reader whose pane follows the selection has.
 * The gap between a floor and the reader's row is what the reader's own work costs; no
 * program on the stack goes below the ink-sqlite row.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../kit/shared-dir.js';
import { readerOptions, requireBanner } from '../scripts/bundle-options.mjs';
import { READER_HEAP_FLAGS } from '../src/commands/reader-heap.js';
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

export interface Floor {
  name: string;
  source: string;
  /** V8 flags the program runs with: the reader's, for the stack's floor. */
  node: string[];
}

export const FLOORS: Floor[] = [
  { name: 'terminal-only', source: 'terminal-only.ts', node: [] },
  { name: 'ink-sqlite', source: 'ink-sqlite.tsx', node: [...READER_HEAP_FLAGS] },
  { name: 'ink-two-pane', source: 'ink-two-pane.tsx', node: [...READER_HEAP_FLAGS] },
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

/**
 * The floor ready to run as `node FILE`: its bundle, behind a wrapper that sets the floor's
 * V8 flags. `indexWith`: a built CLI that `index …` arguments are handed to, for a harness
 * that prepares its library with the program it measures (the side-by-side judge).
 */
export async function floorProgram(context: BenchContext, floor: Floor, options: { indexWith?: string } = {}): Promise<string> {
  const bundled = await bundle(context, floor);
  if (floor.node.length === 0 && options.indexWith === undefined) return bundled;
  const suffix = options.indexWith === undefined ? 'flags' : 'judged';
  const wrapper = path.join(context.cacheDir, 'floors', `${floor.name}-${suffix}.mjs`);
  const lines = ["import { setFlagsFromString } from 'node:v8';"];
  if (options.indexWith !== undefined) {
    lines.push(
      "import { execFileSync } from 'node:child_process';",
      "if (process.argv[2] === 'index') {",
      `  execFileSync(process.execPath, [${JSON.stringify(options.indexWith)}, ...process.argv.slice(2)], { stdio: 'inherit' });`,
      '  process.exit(0);',
      '}',
    );
  }
  lines.push(...floor.node.map((flag) => `setFlagsFromString(${JSON.stringify(flag)});`));
  lines.push(`await import(${JSON.stringify(`./${path.basename(bundled)}`)});`);
  writeFileSync(wrapper, `${lines.join('\n')}\n`);
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
      return measure(await floorProgram(context, floor), db);
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
