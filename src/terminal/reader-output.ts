/**
 * The stream the reader draws on: the terminal's stdout, seen through a filter that can
 * take the colours out (NO_COLOR, --no-color) and can hold every write while the reader is
 * suspended, so a frame already on its way (keys read together with Ctrl-Z) never lands on
 * the shell's screen.
 */
import { withoutColour } from './colour.js';
import { withWrite } from './frame-writer.js';

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

export class ReaderOutput {
  /** Hand this to Ink in place of the terminal's stream. */
  readonly stream: NodeJS.WriteStream;
  private held = false;

  constructor(
    private readonly terminal: NodeJS.WriteStream,
    options: { colour: boolean },
  ) {
    const write: Write = (chunk, ...rest) => {
      if (this.held) {
        // Dropped, not queued: the reader draws in full when it comes back. A caller
        // waiting for the write (Ink flushing on exit) still hears that it is done.
        const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        if (done !== undefined) process.nextTick(done);
        return true;
      }
      const text = !options.colour && typeof chunk === 'string' ? withoutColour(chunk) : chunk;
      return (terminal.write as Write)(text, ...rest);
    };
    this.stream = withWrite(terminal, write);
  }

  /** Drop every write until `release`. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
  }

  /**
   * Read the terminal's size again and have everyone listening draw in full. A resize
   * while the reader was stopped reached the shell, not the reader, so the size it knows
   * may be old; `getWindowSize()` only returns the size Node last heard of, so the size is
   * read afresh the way Node does on SIGWINCH. Ink writes the whole screen on a resize.
   */
  redraw(): void {
    const terminal = this.terminal as NodeJS.WriteStream & { _refreshSize?: () => void };
    const { columns, rows } = terminal;
    terminal._refreshSize?.(); // emits 'resize' itself when the size changed
    if (terminal.columns === columns && terminal.rows === rows) terminal.emit('resize');
  }
}
