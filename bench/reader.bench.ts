/**
 * How the reader keeps up with a held key, on the BBC corpus in a real pseudo-terminal with
 * the built CLI and an already indexed library: time from launch to the first frame, the
 * lag after 300 presses at 30/s (key repeat), and how long a burst of 1,000 presses written
 * at once takes to show its last frame.
 */
import * as pty from 'node-pty';
import { builtCli, indexedBbc } from './corpora.js';
import { once, type BenchContext, type Benchmark, type BenchResult } from './harness.js';

interface Run {
  output: () => string;
  write: (data: string) => void;
  done: Promise<void>;
}

function launch(corpus: string, db: string): Run {
  const proc = pty.spawn(process.execPath, [builtCli, corpus], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    env: { ...process.env, NEWSREADER_DB: db },
  });
  let output = '';
  proc.onData((data) => {
    output += data;
  });
  const done = new Promise<void>((resolve) => proc.onExit(() => resolve()));
  return { output: () => output, write: (data) => proc.write(data), done };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** Launch the reader and wait for its first frame (the status bar's `1/N`). */
async function launchToFirstFrame(corpus: string, db: string): Promise<{ run: Run; firstFrameMs: number }> {
  const run = launch(corpus, db);
  const start = performance.now();
  await until(() => / 1\/\d+ /.test(run.output()));
  return { run, firstFrameMs: performance.now() - start };
}

async function quit(run: Run): Promise<void> {
  run.write('q');
  await run.done;
}

async function heldKey(corpus: string, db: string): Promise<{ firstFrameMs: number; lagMs: number }> {
  const { run, firstFrameMs } = await launchToFirstFrame(corpus, db);
  for (let i = 0; i < 300; i++) {
    run.write('j');
    await new Promise((resolve) => setTimeout(resolve, 33));
  }
  const sent = performance.now();
  await until(() => run.output().includes(' 301/'));
  const lagMs = performance.now() - sent;
  await quit(run);
  return { firstFrameMs, lagMs };
}

async function burst(corpus: string, db: string): Promise<{ firstFrameMs: number; burstMs: number }> {
  const { run, firstFrameMs } = await launchToFirstFrame(corpus, db);
  const sent = performance.now();
  for (let i = 0; i < 1000; i++) run.write('j');
  await until(() => run.output().includes(' 1001/'));
  const burstMs = performance.now() - sent;
  await quit(run);
  return { firstFrameMs, burstMs };
}

interface Measured {
  firstFrameMs: number[];
  lagMs: number;
  burstMs: number;
}

/** Both sessions, once per run, for the three rows; null without the BBC corpus. */
const measure = once(async (context: BenchContext): Promise<Measured | null> => {
  const bbc = indexedBbc(context);
  if (bbc === null) return null;
  const held = await heldKey(bbc.corpus, bbc.db);
  const burstRun = await burst(bbc.corpus, bbc.db);
  return { firstFrameMs: [held.firstFrameMs, burstRun.firstFrameMs], lagMs: held.lagMs, burstMs: burstRun.burstMs };
});

function row(pick: (m: Measured) => BenchResult): Benchmark['run'] {
  return async (context) => {
    const m = await measure(context);
    return m === null ? null : pick(m);
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'reader: launch to first frame, BBC',
    run: row((m) => ({ samples: m.firstFrameMs, n: 1, unit: 'launches', notes: ['built CLI in a pseudo-terminal, library already indexed'] })),
  },
  {
    name: 'reader: key lag after 300 presses at 30/s',
    run: row((m) => ({ samples: [m.lagMs], n: 1, unit: 'sessions', notes: ['last press to its frame'] })),
  },
  {
    name: 'reader: 1,000 presses at once, to last frame',
    run: row((m) => ({ samples: [m.burstMs], n: 1000, unit: 'keys' })),
  },
];
