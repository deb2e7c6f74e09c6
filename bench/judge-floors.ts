/**
 * `npm run bench:judge-floors [-- REPS]`: the side-by-side judge against newsboat
 * (../shared/bench/vs-newsboat/side_by_side.py), run at 2,000 articles on each floor program
 * of floors.bench.ts and then on the reader, one judge run each. The judge times what its
 * own polling of tmux sees (every 10 ms), so a frame lands on its first or its second look;
 * run on programs that do nothing but draw, it tells which of its ratios any program on
 * this stack can reach. Each program's ratios come from its own run against newsboat.
 * Needs python3, tmux, newsboat and the shared folder; the reader is built first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { hasShared, repoRoot, sharedDir } from '../kit/shared-dir.js';
import { builtCli, ensureBuilt } from './corpora.js';
import { FLOORS, floorProgram } from './floors.bench.js';
import { defaultCacheDir } from './harness.js';

const SIZE = 2000;
const MEASURES = ['headlines', 'key', 'search', 'rss'] as const;
type MeasureName = (typeof MEASURES)[number];
const TITLES: Record<MeasureName, string> = { headlines: 'launch', key: 'Down', search: 'query', rss: 'memory' };

const reps = process.argv[2] ?? '3';
const judge = path.join(sharedDir, 'bench', 'vs-newsboat', 'side_by_side.py');
const missing = [
  hasShared && existsSync(judge) ? null : `the judge (${judge})`,
  ...['python3', 'tmux', 'newsboat'].map((tool) => (spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0 ? null : tool)),
].filter((what) => what !== null);
if (!/^[1-9]\d*$/.test(reps) || missing.length > 0) {
  process.stderr.write(missing.length > 0 ? `bench:judge-floors needs ${missing.join(', ')}\n` : 'usage: npm run bench:judge-floors [-- REPS]\n');
  process.exit(2);
}

ensureBuilt();
const cacheDir = defaultCacheDir(repoRoot);
mkdirSync(cacheDir, { recursive: true });
const context = { count: SIZE, cacheDir, sharedDir, log: (message: string) => process.stderr.write(`bench: ${message}\n`) };
const programs: { name: string; file: string }[] = [];
for (const floor of FLOORS) programs.push({ name: `floor (${floor.name})`, file: await floorProgram(context, floor, { indexWith: builtCli }) });
programs.push({ name: 'newsreader', file: builtCli });

/** One judge run: each measure's line, `2000 key newsboat 7 ms newsreader 8 ms ratio 1.15`. */
function judged(file: string): Map<MeasureName, { newsboat: string; program: string; ratio: string }> {
  const run = spawnSync('python3', [judge, file, reps, String(SIZE)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the judge failed on ${file}:\n${run.stderr}`);
  const found = new Map<MeasureName, { newsboat: string; program: string; ratio: string }>();
  for (const line of run.stdout.split('\n')) {
    const match = /^\s*\d+ (\w+)\s+newsboat\s+(\d+ \w+)\s+newsreader\s+(\d+ \w+)\s+ratio ([\d.]+)/.exec(line);
    if (match !== null && (MEASURES as readonly string[]).includes(match[1] ?? '')) {
      found.set(match[1] as MeasureName, { newsboat: match[2] ?? '', program: match[3] ?? '', ratio: match[4] ?? '' });
    }
  }
  return found;
}

const rows = programs.map((program) => {
  context.log(`judging ${program.name}`);
  const results = judged(program.file);
  return [program.name, ...MEASURES.map((m) => {
    const result = results.get(m);
    return result === undefined ? '?' : `${result.program} / ${result.newsboat} = ${result.ratio}`;
  })];
});
const header = ['program (2k, program / newsboat = ratio)', ...MEASURES.map((m) => TITLES[m])];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
const format = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
console.log([format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)].join('\n'));
