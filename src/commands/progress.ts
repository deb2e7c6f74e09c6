/**
 * Progress on a terminal for the commands that take a while (index, fetch): a bar, and one
 * status line redrawn in place. On anything but a terminal nothing is drawn: scripts get
 * the summary line alone.
 */
import { PROGRAM } from './output.js';

const BAR_WIDTH = 24;

/** `[#####-------]` for the share done (0 to 1). */
export function bar(fraction: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
}

/** One line of status redrawn in place, at most ten times a second: the bar is for people, not a log. */
export class StatusLine {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.tty = stream.isTTY === true;
  }

  /** Draw `text` unless a line was drawn less than 100 ms ago; the `last` one is always drawn. */
  draw(text: () => string, last = false): void {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 100 && !last) return;
    this.lastDraw = now;
    this.stream.write(`\r\x1b[2K${PROGRAM}: ${text()}`);
  }

  /** Take the line away, before the summary or an error is written. */
  clear(): void {
    if (this.tty) this.stream.write('\r\x1b[2K');
  }
}
