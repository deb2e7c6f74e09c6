import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { ReaderOutput } from '../../src/terminal/reader-output.js';

/** A terminal stream that records what reaches it. */
function fakeTerminal(): NodeJS.WriteStream & { written: string[] } {
  const stream = Object.assign(new EventEmitter(), {
    written: [] as string[],
    columns: 120,
    rows: 40,
    isTTY: true,
    write(chunk: string, callback?: () => void): boolean {
      stream.written.push(chunk);
      callback?.();
      return true;
    },
  });
  return stream as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('ReaderOutput', () => {
  it('passes writes through, colours included, and shows the terminal as it is', () => {
    const terminal = fakeTerminal();
    const output = new ReaderOutput(terminal, { colour: true });
    output.stream.write('\u001b[33mstar\u001b[39m');
    expect(terminal.written).toEqual(['\u001b[33mstar\u001b[39m']);
    expect([output.stream.columns, output.stream.rows, output.stream.isTTY]).toEqual([120, 40, true]);
  });

  it('takes the colours out and keeps the attributes without colour', () => {
    const terminal = fakeTerminal();
    new ReaderOutput(terminal, { colour: false }).stream.write('\u001b[7m\u001b[33mstar\u001b[39m\u001b[27m');
    expect(terminal.written).toEqual(['\u001b[7mstar\u001b[27m']);
  });

  it('drops every write while held, still answering callbacks, and writes again once released', async () => {
    const terminal = fakeTerminal();
    const output = new ReaderOutput(terminal, { colour: true });
    output.hold();
    const flushed = new Promise<void>((resolve) => output.stream.write('frame', () => resolve()));
    await flushed;
    expect(terminal.written).toEqual([]);
    output.release();
    output.stream.write('next');
    expect(terminal.written).toEqual(['next']);
  });

  it('asks everyone listening for a full redraw', () => {
    const terminal = fakeTerminal();
    const output = new ReaderOutput(terminal, { colour: true });
    let resizes = 0;
    output.stream.on('resize', () => (resizes += 1));
    output.redraw();
    expect(resizes).toBe(1);
  });
});
