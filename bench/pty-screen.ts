/**
 * The built reader in a pseudo-terminal (node-pty) with its screen kept by a terminal
 * emulator (@xterm/headless), for timings the way a user sees them: from a write (or the
 * launch) to the output bytes that first change the screen (its text or its cells'
 * attributes: a moved selection may keep the same text), or that first make it show
 * something. A time is taken when node-pty hands the bytes over, not when the emulator
 * has parsed them, so the emulator's own speed does not count.
 */
import xterm from '@xterm/headless';
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import * as pty from 'node-pty';
import { builtCli } from './corpora.js';

const { Terminal } = xterm;

/** A wait longer than this is a hang, not a measurement. */
const DEADLINE_MS = 60_000;

export const COLS = 120;
export const ROWS = 40;

interface Waiter {
  check: (lines: string[]) => boolean;
  resolve: (at: number) => void;
}

/**
 * Forget the view the last run left in the library `db`: the reader reopens where it was
 * quit, and a session must start at the first headline (`1/N`) to be timed like the others.
 */
function forgetLastView(db: string): void {
  if (!existsSync(db)) return;
  const handle = new Database(db);
  try {
    const table = handle.prepare("SELECT 1 FROM sqlite_master WHERE name = 'reader_views'").get();
    if (table !== undefined) handle.prepare('DELETE FROM reader_views').run();
  } finally {
    handle.close();
  }
}

export class ScreenSession {
  /** When the session was started (performance.now()). */
  readonly launchedAt: number;
  private readonly term = new Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  private readonly proc: pty.IPty;
  /** Every cell's text and attributes, to tell a change. */
  private screen = '';
  private current: string[] = [];
  /** Bytes handed over but not yet parsed by the emulator. */
  private parsing = 0;
  private waiters: Waiter[] = [];
  private readonly exited: Promise<void>;

  /**
   * `cli`: the built CLI to run, by default this checkout's `dist/`. `keepView`: leave the
   * library as the last session left it, as a user's next launch finds it (the caller quits
   * at the first headline); otherwise the view it was quit on is forgotten, which writes to
   * the library, so the launch cannot draw its first frame early.
   */
  constructor(args: string[], env: Record<string, string> = {}, cli = builtCli, options: { keepView?: boolean } = {}) {
    const dbAt = args.indexOf('--db');
    const db = env.NEWSREADER_DB ?? (dbAt < 0 ? undefined : args[dbAt + 1]);
    if (db !== undefined && options.keepView !== true) forgetLastView(db);
    this.launchedAt = performance.now();
    this.proc = pty.spawn(process.execPath, [cli, ...args], {
      name: 'xterm-256color',
      cols: COLS,
      rows: ROWS,
      env: { ...process.env, TERM: 'xterm-256color', ...env } as Record<string, string>,
    });
    this.proc.onData((data) => {
      const at = performance.now();
      this.parsing++;
      this.term.write(data, () => {
        this.parsing--;
        this.settle(at);
      });
    });
    this.exited = new Promise((resolve) => this.proc.onExit(() => resolve()));
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** The screen as text, one string a row. */
  lines(): string[] {
    return this.current;
  }

  status(): string {
    return this.current.at(-1) ?? '';
  }

  /** After the bytes that arrived at `at` are parsed: note a change, wake the waits it satisfies. */
  private settle(at: number): void {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    let screen = '';
    const cell = buffer.getNullCell();
    for (let y = 0; y < ROWS; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      rows.push(line?.translateToString(true) ?? '');
      for (let x = 0; x < COLS; x++) {
        line?.getCell(x, cell);
        screen += `${cell.getChars()}\u0000${cell.isInverse()}${cell.isBold()}${cell.getFgColor()}${cell.getBgColor()}`;
      }
      screen += '\n';
    }
    if (screen !== this.screen) {
      this.screen = screen;
      this.current = rows;
    }
    // A wait asked for while these bytes were parsed has not seen the screen yet, even
    // when these bytes left it as it was.
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (waiter.check(rows)) waiter.resolve(at);
      else this.waiters.push(waiter);
    }
  }

  /**
   * Resolves with the arrival time of the bytes after which the screen first satisfies
   * `check` (checked on each change from now on, and on the screen as it is).
   */
  async when(check: (lines: string[]) => boolean, what: string): Promise<number> {
    if (this.parsing === 0 && check(this.current)) return performance.now();
    let timer: NodeJS.Timeout | undefined;
    const reached = new Promise<number>((resolve) => this.waiters.push({ check, resolve }));
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; screen was:\n${this.current.join('\n')}`)), DEADLINE_MS);
    });
    try {
      return await Promise.race([reached, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Write `data` and time it to the first bytes that change the screen, in ms. */
  async timeToChange(data: string): Promise<number> {
    await this.idle();
    const before = this.screen;
    const sent = performance.now();
    this.proc.write(data);
    const at = await this.when(() => this.screen !== before, `a change after ${JSON.stringify(data)}`);
    return at - sent;
  }

  /** Write `data` and time it to the first bytes after which the screen satisfies `check`, in ms. */
  async timeTo(data: string, check: (lines: string[]) => boolean, what: string): Promise<number> {
    await this.idle();
    const sent = performance.now();
    this.proc.write(data);
    const at = await this.when(check, what);
    return at - sent;
  }

  write(data: string): void {
    this.proc.write(data);
  }

  /** Wait until no bytes wait to be parsed and the screen kept still for `quietMs` (2 s at most). */
  async idle(quietMs = 50): Promise<void> {
    const giveUp = performance.now() + 2000;
    let last = this.screen;
    while (performance.now() < giveUp) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.parsing === 0 && this.screen === last) return;
      last = this.screen;
    }
  }

  /** Resident memory of the process (its worker threads included), in MiB. */
  residentMiB(): number {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kib = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return kib / 1024;
  }

  /** Quit as a person does: a search field left open is closed first (Escape; q would be typed into it). */
  async quit(): Promise<void> {
    if (searchFieldOpen(this.current)) await this.timeTo('\u001b', (lines) => !searchFieldOpen(lines), 'the search field to close');
    this.proc.write('q');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
    this.term.dispose();
  }
}

/** The search field (the line above the status bar) is open. */
export function searchFieldOpen(lines: string[]): boolean {
  return (lines.at(-2) ?? '').startsWith('/');
}

/** The status bar shows the first headline selected: `1/N` with N > 0. */
export function headlinesShown(lines: string[]): boolean {
  return /^ 1\/[1-9]\d* /.test(lines.at(-1) ?? '') && (lines[0] ?? '').trim() !== '';
}

/** Nothing runs in the background any more (no `indexing`, no `looking for articles…`). */
export function settled(lines: string[]): boolean {
  return headlinesShown(lines) && !/indexing|looking for/.test(lines.at(-1) ?? '');
}
