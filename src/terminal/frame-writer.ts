/**
 * Putting full-screen frames on the terminal by rewriting only the rows that changed.
 *
 * Ink 6.8 clears the terminal and writes every row again for each frame of an app as tall
 * as the terminal, and spends a throttle interval (33 ms at its default 30 fps) before
 * drawing a key's effect. Run with `debug: true`, Ink instead hands each frame, whole and
 * unthrottled, to its stdout in one write; the FrameWriter sits there as that stdout and
 * turns the frame into cursor-addressed writes of the changed rows, inside one
 * synchronized update so a terminal never shows half a frame.
 */

/** Begin and end a synchronized update (DEC mode 2026): the terminal shows the result at once. */
export const BEGIN_SYNC = '\u001b[?2026h';
export const END_SYNC = '\u001b[?2026l';
const RESET_STYLE = '\u001b[0m';
const CLEAR_SCREEN = '\u001b[H\u001b[2J';
const CLEAR_ROW = '\u001b[2K';

/** Move the cursor to the start of a row (0-based). */
function rowStart(row: number): string {
  return `\u001b[${row + 1};1H`;
}

/**
 * The bytes that turn the screen from `previous` (rows as last written, or null when
 * unknown: a full repaint) into `next`, for a terminal `height` rows tall. Rows past the
 * height are never written, so the screen does not scroll. Empty when nothing changed.
 */
export function frameUpdate(previous: readonly string[] | null, next: readonly string[], height: number): string {
  const rows = Math.min(next.length, height);
  let out = previous === null ? RESET_STYLE + CLEAR_SCREEN : '';
  for (let row = 0; row < rows; row++) {
    const line = next[row] ?? '';
    if (previous === null ? line === '' : previous[row] === line) continue;
    // Erase first: the new row may be shorter, and erasing after a row that fills the
    // width would remove its last cell (the cursor waits there to wrap).
    out += `${rowStart(row)}${RESET_STYLE}${CLEAR_ROW}${line}`;
  }
  if (previous !== null) {
    const stale = Math.min(previous.length, height);
    for (let row = rows; row < stale; row++) if (previous[row] !== '') out += `${rowStart(row)}${RESET_STYLE}${CLEAR_ROW}`;
  }
  return out;
}

/** The part of a terminal stream the writer needs. */
export type TerminalStream = NodeJS.WriteStream;

type WriteCallback = (error?: Error | null) => void;

/**
 * `stream` with its `write` replaced and everything else (size, isTTY, events) its own:
 * what Ink is handed in place of the terminal.
 */
export function withWrite(stream: NodeJS.WriteStream, write: (chunk: unknown, ...rest: unknown[]) => boolean): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export class FrameWriter {
  /** The rows on screen as last written; null when unknown (start, reset, resize). */
  private shown: string[] | null = null;
  private shownSize = '';
  private frameComing = false;
  /** Give Ink this as `stdout` (with `debug: true` and `onRender`): every other write passes through. */
  readonly stream: TerminalStream;

  constructor(private readonly out: TerminalStream) {
    const write = (chunk: unknown, encodingOrCallback?: unknown, callback?: unknown): boolean => {
      const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as WriteCallback | undefined;
      if (this.frameComing && typeof chunk === 'string') {
        this.frameComing = false;
        return this.write(chunk, done);
      }
      return (out.write as (...args: unknown[]) => boolean)(chunk, encodingOrCallback, callback);
    };
    this.stream = withWrite(out, write);
  }

  /**
   * Ink's `onRender` option. Ink calls it just before it writes a frame, so the next write
   * is a whole frame rather than a cursor or protocol sequence.
   */
  readonly onRender = (): void => {
    this.frameComing = true;
  };

  /** Repaint the whole screen with the next frame (after the screen was cleared or disturbed: Ctrl-L, resume). */
  reset(): void {
    this.shown = null;
  }

  /** Take `rows` as what the screen shows now (drawn before Ink started), so the next frame changes only rows that differ. */
  assume(rows: readonly string[]): void {
    this.shown = [...rows];
    this.shownSize = `${this.out.columns}x${this.out.rows}`;
  }

  /** The rows of the last frame written, or null before the first. */
  get rows(): readonly string[] | null {
    return this.shown;
  }

  /** Put one frame (rows separated by newlines) on the terminal. */
  write(frame: string, done?: WriteCallback): boolean {
    const size = `${this.out.columns}x${this.out.rows}`;
    // After a resize the terminal may have moved or cut what it showed: repaint it all.
    if (size !== this.shownSize) this.shown = null;
    const next = frame.split('\n');
    const update = frameUpdate(this.shown, next, this.out.rows || next.length);
    this.shown = next;
    this.shownSize = size;
    if (update === '') {
      if (done !== undefined) process.nextTick(done);
      return true;
    }
    const bytes = this.out.isTTY ? BEGIN_SYNC + update + END_SYNC : update;
    return done === undefined ? this.out.write(bytes) : this.out.write(bytes, done);
  }
}
