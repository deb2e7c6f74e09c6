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

export class Screen {
  private active = false;

  constructor(private readonly fd = 1) {}

  /** Switch to the alternate screen and hide the cursor. */
  enter(): void {
    if (this.active) return;
    this.active = true;
    this.write(ENTER);
  }

  /** Clear the alternate screen (before drawing it all again). */
  clear(): void {
    if (this.active) this.write(CLEAR);
  }

  /** Show the cursor and return to the normal screen; safe to call more than once. */
  leave(): void {
    if (!this.active) return;
    this.active = false;
    this.write(LEAVE);
  }

  private write(text: string): void {
    try {
      writeSync(this.fd, text);
    } catch {
      // The terminal has gone (SIGHUP): there is nothing left to restore.
    }
  }
}
