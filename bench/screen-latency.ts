/**
 * What a person waits for, measured on the bytes the terminal receives: launch → the
 * headline position (`1/N`) on screen, and Down → the screen changes. The built CLI runs in
 * a pseudo-terminal (node-pty, 120x40); @xterm/headless parses its output, and each wait
 * ends at the arrival time of the chunk that made the screen right, not at a poll.
 *
 *   npx tsx bench/screen-latency.ts --db LIBRARY.db [--reps 5] [--presses 15] [--cli FILE] PATH
 *
 * Prints the median and range of each measure. Run `npm run build` first; `--cli` times
 * another build of the CLI (a copy of `dist/` kept inside the repository, for an A/B run).
 */
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const builtCli = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist', 'newsreader.js');
const COLS = 120;
const ROWS = 40;
const DOWN = '\u001b[B';

class Session {
  private readonly term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  private readonly proc: pty.IPty;
  private waiters: { check: () => boolean; resolve: (at: number) => void }[] = [];
  readonly started = performance.now();

  constructor(cli: string, args: string[]) {
    this.proc = pty.spawn(process.execPath, [cli, ...args], {
      name: 'xterm-256color',
      cols: COLS,
      rows: ROWS,
      env: { ...process.env, TERM: 'xterm-256color' } as Record<string, string>,
    });
    this.proc.onData((data) => {
      const at = performance.now();
      this.term.write(data, () => {
        this.waiters = this.waiters.filter((waiter) => {
          if (!waiter.check()) return true;
          waiter.resolve(at);
          return false;
        });
      });
    });
  }

  /** The visible text. */
  text(): string {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < ROWS; y++) rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return rows.join('\n');
  }

  /** Text and attributes of every cell. */
  screen(): string {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < ROWS; y++) {
      const line = buffer.getLine(y);
      if (line === undefined) continue;
      let row = '';
      for (let x = 0; x < COLS; x++) {
        const cell = line.getCell(x);
        // Attributes count as a change too: a moved selection may keep the same text.
        row += `${cell?.getChars() ?? ''}${cell?.isInverse() ? '\u0001' : ''}${cell?.getFgColor() ?? ''}`;
      }
      rows.push(row);
    }
    return rows.join('\n');
  }

  /** Resolves with the arrival time of the chunk after which `check` holds. */
  until(check: () => boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; screen:\n${this.text()}`)), 30_000);
      this.waiters.push({
        check,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      });
    });
  }

  write(data: string): void {
    this.proc.write(data);
  }

  async quit(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.proc.onExit(() => resolve()));
    this.proc.write('q');
    await exited;
    this.term.dispose();
  }
}

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
  const session = new Session(values.cli ?? builtCli, ['--db', values.db, ...positionals]);
  const shown = await session.until(() => /(^| )1\/\d+/m.test(session.text()));
  launches.push(shown - session.started);
  // Keys are timed once the start-up check of the files has ended (the status bar says no
  // more than the view), so they measure the drawing, not a busy refresh.
  await session.until(() => !/indexing|looking for/.test(session.text()));
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let press = 0; press < Number(values.presses); press++) {
    const before = session.screen();
    const sent = performance.now();
    session.write(DOWN);
    const changed = await session.until(() => session.screen() !== before);
    downs.push(changed - sent);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
  await session.quit();
}
process.stdout.write(`launch → 1/N on screen: ${summary(launches)}\nDown → screen change:   ${summary(downs)}\n`);
