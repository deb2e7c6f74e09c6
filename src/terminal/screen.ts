/**
 * Taking over the terminal and giving it back exactly: the alternate screen (so the
 * shell's screen reappears untouched on exit, as with less) and the cursor. Writes are
 * synchronous so they land even on the way out of a dying process.
 */
import { writeSync } from 'node:fs';

const CLEAR = '\u001b[H\u001b[2J';
/** Alternate screen, cursor hidden, bracketed paste on (a paste arrives marked, not as keys). */
const ENTER = `\u001b[?1049h\u001b[?25l\u001b[?2004h${CLEAR}`;
const LEAVE = '\u001b[?2004l\u001b[?25h\u001b[?1049l';
/** Mouse reporting on (buttons and wheel, SGR coordinates), and off again. */
export const MOUSE_ON = '\u001b[?1000h\u001b[?1006h';
export const MOUSE_OFF = '\u001b[?1006l\u001b[?1000l';

/**
 * The terminal's size as a stream reports it, with the classic 80x24 when it reports none
 * (a pseudo-terminal without a size): the reader's frames and the remembered first frame
 * must agree on it.
 */
export function terminalSize(stream: { columns?: number; rows?: number }): { columns: number; rows: number } {
  return { columns: stream.columns || 80, rows: stream.rows || 24 };
}

export class Screen {
  private active = false;

  /** `mouse`: report the mouse while the reader has the screen (the terminal's own selection then needs Shift). */
  constructor(
    private readonly fd = 1,
    private readonly options: { mouse?: boolean } = {},
  ) {}

  /** Switch to the alternate screen and hide the cursor. */
  enter(): void {
    if (this.active) return;
    this.active = true;
    this.write(this.options.mouse === true ? ENTER + MOUSE_ON : ENTER);
  }

  /** Clear the alternate screen (before drawing it all again). */
  clear(): void {
    if (this.active) this.write(CLEAR);
  }

  /** Show the cursor and return to the normal screen; safe to call more than once. */
  leave(): void {
    if (!this.active) return;
    this.active = false;
    this.write(this.options.mouse === true ? MOUSE_OFF + LEAVE : LEAVE);
  }

  private write(text: string): void {
    try {
      writeSync(this.fd, text);
    } catch {
      // The terminal has gone (SIGHUP): there is nothing left to restore.
    }
  }
}
