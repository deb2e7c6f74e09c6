/**
 * What a person waits for, measured on the bytes the terminal receives: launch → the
 * headline position (`1/N`) on screen, and Down → the screen changes. The built CLI runs in
 * a pseudo-terminal (node-pty, 120x40; see pty-screen.ts); each wait ends at the arrival
 * time of the chunk that made the screen right, not at a poll.
 *
 *   npx tsx bench/screen-latency.ts --db LIBRARY.db [--reps 5] [--presses 15] [--cli FILE] PATH
 *
 * Prints the median and range of each measure. Run `npm run build` first; `--cli` times
 * another build of the CLI (a copy of `dist/` kept inside the repository, for an A/B run).
 */
import { parseArgs } from 'node:util';
import { builtCli } from './corpora.js';
import { headlinesShown, ScreenSession, settled } from './pty-screen.js';

const DOWN = '\u001b[B';

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  return `median ${median.toFixed(1)} ms (min ${sorted[0]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)}, n=${sorted.length})`;
}

const { values, positionals } = parseArgs({
  options: { cli: { type: 'string' }, db: { type: 'string' }, reps: { type: 'string', default: '5' }, presses: { type: 'string', default: '15' } },
  allowPositionals: true,
});
if (values.db === undefined || positionals.length === 0) {
  process.stderr.write('usage: npx tsx bench/screen-latency.ts --db LIBRARY.db [--reps N] [--presses N] [--cli FILE] PATH...\n');
  process.exit(2);
}

const launches: number[] = [];
const downs: number[] = [];
for (let rep = 0; rep < Number(values.reps); rep++) {
  const session = new ScreenSession(['--db', values.db, ...positionals], {}, values.cli ?? builtCli);
  launches.push((await session.when(headlinesShown, 'the headlines')) - session.launchedAt);
  // Keys are timed once the start-up check of the files has ended (the status bar says no
  // more than the view), so they measure the drawing, not a busy refresh.
  await session.when(settled, 'the start-up check to end');
  for (let press = 0; press < Number(values.presses); press++) downs.push(await session.timeToChange(DOWN));
  await session.quit();
}
process.stdout.write(`launch → 1/N on screen: ${summary(launches)}\nDown → screen change:   ${summary(downs)}\n`);
