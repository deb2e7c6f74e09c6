/**
 * How the reader keeps up with a held key, on the BBC corpus in a real pseudo-terminal with
 * the built CLI and an already indexed library: time from launch to the headlines on
 * screen; for each of 300 presses of `j` at 30/s (key repeat), the time from its write to
 * the first output bytes that show its effect (the position in the status bar reaching
 * it); and how long a burst of 1,000 presses written at once takes to show its last one.
 */
import { indexedBbc } from './corpora.js';
import { once, type BenchContext, type Benchmark, type BenchResult } from './harness.js';
import { headlinesShown, ScreenSession, settled } from './pty-screen.js';

const HELD_PRESSES = 300;
const REPEAT_MS = 33;
const BURST = 1000;

/** The selected row's number in the status bar (`12/2225` → 12), or 0. */
function position(lines: string[]): number {
  return Number(/^ (\d+)\//.exec(lines.at(-1) ?? '')?.[1] ?? 0);
}

async function launch(corpus: string, db: string): Promise<{ session: ScreenSession; headlinesMs: number }> {
  const session = new ScreenSession([corpus], { NEWSREADER_DB: db });
  const at = await session.when(headlinesShown, 'the headlines');
  await session.when(settled, 'the refresh to end');
  return { session, headlinesMs: at - session.launchedAt };
}

/** Each press's lag: from its write to the bytes after which the selection is at or past it. */
async function heldKey(corpus: string, db: string): Promise<{ headlinesMs: number; lagMs: number[] }> {
  const { session, headlinesMs } = await launch(corpus, db);
  await session.idle();
  const shown: Promise<number>[] = [];
  try {
    for (let press = 1; press <= HELD_PRESSES; press++) {
      const sent = performance.now();
      const target = press + 1;
      shown.push(session.when((lines) => position(lines) >= target, `position ${target}`).then((at) => at - sent));
      session.write('j');
      await new Promise((resolve) => setTimeout(resolve, REPEAT_MS));
    }
    return { headlinesMs, lagMs: await Promise.all(shown) };
  } finally {
    await session.quit();
  }
}

async function burst(corpus: string, db: string): Promise<{ headlinesMs: number; burstMs: number }> {
  const { session, headlinesMs } = await launch(corpus, db);
  try {
    const burstMs = await session.timeTo('j'.repeat(BURST), (lines) => position(lines) >= BURST + 1, `position ${BURST + 1}`);
    return { headlinesMs, burstMs };
  } finally {
    await session.quit();
  }
}

interface Measured {
  headlinesMs: number[];
  lagMs: number[];
  burstMs: number;
}

/** Both sessions, once per run, for the three rows; null without the BBC corpus. */
const measure = once(async (context: BenchContext): Promise<Measured | null> => {
  const bbc = indexedBbc(context);
  if (bbc === null) return null;
  const held = await heldKey(bbc.corpus, bbc.db);
  const burstRun = await burst(bbc.corpus, bbc.db);
  return { headlinesMs: [held.headlinesMs, burstRun.headlinesMs], lagMs: held.lagMs, burstMs: burstRun.burstMs };
});

function row(pick: (m: Measured) => BenchResult): Benchmark['run'] {
  return async (context) => {
    const m = await measure(context);
    return m === null ? null : pick(m);
  };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'reader: launch → headlines on screen, BBC',
    run: row((m) => ({ samples: m.headlinesMs, n: 1, unit: 'launches', notes: ['built CLI in a pseudo-terminal, library already indexed'] })),
  },
  {
    name: 'reader: held j at 30/s, press → its frame',
    run: row((m) => ({ samples: m.lagMs, n: 1, unit: 'presses', notes: [`${HELD_PRESSES} presses ${REPEAT_MS} ms apart; write → first bytes showing it`] })),
  },
  {
    name: `reader: ${BURST.toLocaleString('en-US')} presses at once, to last frame`,
    run: row((m) => ({ samples: [m.burstMs], n: BURST, unit: 'keys' })),
  },
];
