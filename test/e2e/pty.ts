/**
 * Driving the built `newsreader` in a real pseudo-terminal (node-pty) and reading the
 * screen the way a terminal would (@xterm/headless). Every wait polls a condition on the
 * emulator; the deadline only turns a hang into a clear failure.
 */
import { readFileSync } from 'node:fs';
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import { keySequence } from '../key-sequences.js';
import { cliPath, emptyConfigHome, freshDatabase } from '../cli/run-cli.js';
import { repoRoot } from '../../kit/shared-dir.js';

const { Terminal } = xterm;
type XTerm = InstanceType<typeof Terminal>;

/** How long a wait may take before the test fails (slow CI machines included). */
const DEADLINE_MS = 15_000;
const POLL_MS = 10;

export interface SpawnOptions {
  cols: number;
  rows: number;
  args?: string[];
  env?: Record<string, string>;
  /** Run with standard input from /dev/null instead of the terminal. */
  stdinNotTerminal?: boolean;
  /** Run this TypeScript file with tsx instead of the built CLI (fixtures). */
  script?: string;
  /** Working folder (default: the repository). */
  cwd?: string;
  /**
   * Start an interactive bash instead (prompt `$ `, job control on), to type the reader's
   * command line into: Ctrl-Z, `fg` and resizes then go through a shell as they do for people.
   */
  shell?: boolean;
  /** Run as this user and group (only root may switch). */
  uid?: number;
  gid?: number;
}

/** OSC and DCS sequences that reached the emulator's parser, whatever their effect. */
export interface ReceivedSequences {
  /** Every window or icon title the program set (OSC 0, 1, 2). */
  titles: string[];
  /** OSC sequences by number with their payload (title, hyperlink, clipboard, colours, ...). */
  osc: { ident: number; data: string }[];
  /** DCS sequences (status requests, termcap queries, sixel) with their payload. */
  dcs: { id: string; data: string }[];
}

/** OSC numbers recorded: titles, colours, hyperlinks, clipboard, notifications, shell integration. */
const RECORDED_OSC = [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 19, 50, 52, 104, 110, 111, 112, 133, 633, 777, 1337];
/** DCS functions recorded: DECRQSS (`$q`), XTGETTCAP (`+q`), XTSETTCAP (`+p`), DECUDK (`|`), sixel (`q`). */
const RECORDED_DCS = [
  { intermediates: '$', final: 'q' },
  { intermediates: '+', final: 'q' },
  { intermediates: '+', final: 'p' },
  { final: '|' },
  { final: 'q' },
] as const;

/** How one cell is drawn: its character, attributes, and whether it has a colour of its own. */
export interface CellStyle {
  char: string;
  inverse: boolean;
  bold: boolean;
  underline: boolean;
  dim: boolean;
  /** A foreground colour other than the terminal's default. */
  fgColour: boolean;
  /** A background colour other than the terminal's default. */
  bgColour: boolean;
}

export interface Exit {
  exitCode: number;
  signal: number | undefined;
}

export class PtySession {
  readonly term: XTerm;
  /** Everything the program wrote, as received. */
  output = '';
  private readonly proc: pty.IPty;
  private exit: Exit | null = null;
  private readonly exited: Promise<Exit>;
  private pendingWrites = 0;
  /** What the program asked the emulator to do besides drawing; see ReceivedSequences. */
  readonly received: ReceivedSequences = { titles: [], osc: [], dcs: [] };

  constructor(options: SpawnOptions) {
    this.term = new Terminal({ cols: options.cols, rows: options.rows, allowProposedApi: true, scrollback: 1000 });
    const entry = options.script === undefined ? [cliPath] : ['--import', 'tsx', options.script];
    const argv = [process.execPath, ...entry, ...(options.args ?? [])];
    const [file, args] = options.shell
      ? ['/bin/bash', ['--norc', '--noprofile', '-i']]
      : options.stdinNotTerminal
        ? ['/bin/sh', ['-c', 'exec "$@" < /dev/null', 'sh', ...argv]]
        : [process.execPath, argv.slice(1)];
    this.proc = pty.spawn(file, args, {
      // node-pty sets TERM from the name.
      name: options.env?.TERM ?? 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd: options.cwd ?? repoRoot,
      // A library database of its own, never the user's.
      env: {
        ...process.env,
        TERM: 'xterm-256color',
        NEWSREADER_DB: freshDatabase(),
        XDG_CONFIG_HOME: emptyConfigHome(),
        ...(options.shell ? { PS1: '$ ', HISTFILE: '/dev/null' } : {}),
        ...options.env,
      } as Record<string, string>,
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    this.record();
    this.proc.onData((data) => {
      this.output += data;
      this.pendingWrites += 1;
      this.term.write(data, () => {
        this.pendingWrites -= 1;
      });
    });
    this.exited = new Promise((resolve) => {
      this.proc.onExit(({ exitCode, signal }) => {
        this.exit = { exitCode, signal };
        resolve(this.exit);
      });
    });
  }

  /** Record titles, OSC and DCS as they arrive; the handlers return false so the emulator still acts on them. */
  private record(): void {
    this.term.onTitleChange((title) => this.received.titles.push(title));
    for (const ident of RECORDED_OSC) {
      this.term.parser.registerOscHandler(ident, (data) => {
        this.received.osc.push({ ident, data });
        return false;
      });
    }
    for (const id of RECORDED_DCS) {
      this.term.parser.registerDcsHandler(id, (data) => {
        this.received.dcs.push({ id: `${'intermediates' in id ? id.intermediates : ''}${id.final}`, data });
        return false;
      });
    }
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** Whether process `pid` (default: the one started) is stopped (Ctrl-Z, SIGSTOP), from /proc. */
  isStopped(pid = this.proc.pid): boolean {
    try {
      // The state follows the command name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).startsWith('T');
    } catch {
      return false;
    }
  }

  /** The visible screen, one string per row, trailing spaces trimmed. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.term.rows; y++) rows.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return rows;
  }

  /** How the cell at column `x` of screen row `y` is drawn. */
  cell(x: number, y: number): CellStyle {
    const buffer = this.term.buffer.active;
    const cell = buffer.getLine(buffer.viewportY + y)?.getCell(x);
    if (cell === undefined) throw new Error(`no cell at ${x},${y}`);
    return {
      char: cell.getChars(),
      inverse: cell.isInverse() !== 0,
      bold: cell.isBold() !== 0,
      underline: cell.isUnderline() !== 0,
      dim: cell.isDim() !== 0,
      fgColour: !cell.isFgDefault(),
      bgColour: !cell.isBgDefault(),
    };
  }

  /** The cells of screen row `y` from column `from` up to (not including) `to`. */
  cells(y: number, from = 0, to = this.term.cols): CellStyle[] {
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => this.cell(from + i, y));
  }

  /** Whether any cell on the screen has a colour of its own. */
  anyColour(): boolean {
    for (let y = 0; y < this.term.rows; y++) if (this.cells(y).some((c) => c.fgColour || c.bgColour)) return true;
    return false;
  }

  screen(): string {
    return this.lines().join('\n');
  }

  /** The status bar: the last row. */
  status(): string {
    return this.lines().at(-1) ?? '';
  }

  get alternateScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  /** Whether the emulator shows the cursor (DECTCEM), read from its core state. */
  get cursorVisible(): boolean {
    const core = (this.term as unknown as { _core?: { coreService?: { isCursorHidden?: boolean } } })._core;
    const hidden = core?.coreService?.isCursorHidden;
    if (typeof hidden === 'boolean') return !hidden;
    return this.output.lastIndexOf('\u001b[?25h') >= this.output.lastIndexOf('\u001b[?25l');
  }

  /** Wait until the program has written nothing for `quietMs`: every frame of the last key is in. */
  async waitForQuiet(quietMs = 250): Promise<void> {
    let length = -1;
    let since = Date.now();
    await this.waitFor(() => {
      if (this.output.length !== length) {
        length = this.output.length;
        since = Date.now();
        return false;
      }
      return Date.now() - since >= quietMs;
    }, 'the output to settle');
  }

  /**
   * Wait until `check` holds on the emulated screen (text, pattern or predicate). `deadlineMs`
   * is for waits on long work (indexing a large library), not for speed.
   */
  async waitFor(check: string | RegExp | (() => boolean), what?: string, deadlineMs = DEADLINE_MS): Promise<void> {
    const test =
      typeof check === 'function' ? check : typeof check === 'string' ? () => this.screen().includes(check) : () => check.test(this.screen());
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      if (this.pendingWrites === 0 && test()) return;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what ?? String(check)}; screen was:\n${this.screen()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Wait for the status bar to match. */
  async waitForStatus(pattern: RegExp, deadlineMs = DEADLINE_MS): Promise<void> {
    await this.waitFor(() => pattern.test(this.status()), `status ${pattern}`, deadlineMs);
  }

  /** Type keys by name (`j`, `down`, `return`, `ctrl+c`), as a terminal sends them. */
  press(...keys: string[]): void {
    for (const key of keys) this.proc.write(keySequence(key));
  }

  write(data: string): void {
    this.proc.write(data);
  }

  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    this.proc.resize(cols, rows);
  }

  signal(name: NodeJS.Signals): void {
    process.kill(this.proc.pid, name);
  }

  /** Wait for the program to end, and for the emulator to have taken in its last bytes. */
  async waitForExit(): Promise<Exit> {
    const deadline = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`program did not exit; screen was:\n${this.screen()}`)), DEADLINE_MS).unref(),
    );
    const exit = await Promise.race([this.exited, deadline]);
    await this.waitFor(() => true, 'output to settle');
    return exit;
  }

  /** End the program if it is still running, and free the emulator. */
  dispose(): void {
    if (this.exit === null) {
      try {
        this.proc.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }
    this.term.dispose();
  }
}

/** The command line that starts the built `newsreader`, for typing into a shell session. */
export function readerCommand(args: string[]): string {
  return [process.execPath, cliPath, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
}

/** Start `newsreader` in a pseudo-terminal of the given size. */
export function spawnReader(options: SpawnOptions): PtySession {
  return new PtySession(options);
}
