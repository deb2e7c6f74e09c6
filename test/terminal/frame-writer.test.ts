import xterm from '@xterm/headless';
import fc from 'fast-check';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BEGIN_SYNC, END_SYNC, FrameWriter, frameUpdate } from '../../src/terminal/frame-writer.js';
import { fuzzParameters } from '../fuzz-settings.js';

const COLS = 12;
const ROWS = 6;

/** A terminal emulator fed `data`; resolves with every cell's text and attributes. */
async function screenAfter(...writes: string[]): Promise<string> {
  const term = new xterm.Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true });
  for (const data of writes) await new Promise<void>((resolve) => term.write(data, resolve));
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < ROWS; y++) {
    const line = buffer.getLine(y);
    let row = '';
    for (let x = 0; x < COLS; x++) {
      const cell = line?.getCell(x);
      row += `${cell?.getChars() || ' '}${cell?.isBold() ? 'b' : ''}${cell?.isInverse() ? 'i' : ''}${cell?.getFgColor() ?? ''}|`;
    }
    rows.push(row);
  }
  term.dispose();
  return rows.join('\n');
}

/** A row as Ink writes one: plain or styled runs, never wider than the terminal. */
const row = fc
  .array(
    fc.record({
      text: fc.stringMatching(/^[a-z ]{0,4}$/),
      style: fc.constantFrom('', '\u001b[1m', '\u001b[7m', '\u001b[31m'),
    }),
    { maxLength: 3 },
  )
  .map((runs) => runs.map(({ text, style }) => (style === '' ? text : `${style}${text}\u001b[0m`)).join(''));
const frame = fc.array(row, { minLength: 0, maxLength: ROWS + 2 });

describe('frameUpdate', () => {
  it('leaves the screen as a full repaint of the new frame would, whatever was shown before', async () => {
    await fc.assert(
      fc.asyncProperty(frame, frame, async (before, after) => {
        const incremental = await screenAfter(frameUpdate(null, before, ROWS), frameUpdate(before, after, ROWS));
        const fresh = await screenAfter(frameUpdate(null, after, ROWS));
        expect(incremental).toBe(fresh);
      }),
      { ...fuzzParameters(), numRuns: Math.min(fuzzParameters().numRuns ?? 1000, 1000) },
    );
  });

  it('writes only the rows that changed', () => {
    const update = frameUpdate(['one', 'two', 'three'], ['one', 'TWO', 'three'], 3);
    expect(update).toContain('\u001b[2;1H');
    expect(update).toContain('TWO');
    expect(update).not.toContain('one');
    expect(update).not.toContain('three');
    expect(frameUpdate(['same'], ['same'], 1)).toBe('');
  });

  it('keeps a full-width last row without scrolling and never writes past the height', async () => {
    const full = ['x'.repeat(COLS), ...Array.from({ length: ROWS - 2 }, () => ''), 'y'.repeat(COLS), 'beyond'];
    const shown = await screenAfter(frameUpdate(null, full, ROWS));
    const texts = shown.split('\n').map((cells) => cells.split('|').map((cell) => cell.charAt(0)).join(''));
    expect(texts[0]).toBe('x'.repeat(COLS));
    expect(texts[ROWS - 1]).toBe('y'.repeat(COLS));
  });
});

/** A terminal stream stand-in that records what reaches it. */
class FakeTerminal extends EventEmitter {
  written: string[] = [];
  isTTY = true;
  columns = COLS;
  rows = ROWS;
  write(data: string, callback?: () => void): boolean {
    this.written.push(data);
    callback?.();
    return true;
  }
}

function writerOn(terminal: FakeTerminal): FrameWriter {
  return new FrameWriter(terminal as unknown as NodeJS.WriteStream);
}

describe('FrameWriter', () => {
  it('treats the write after onRender as a frame, inside one synchronized update, and passes other writes through', () => {
    const terminal = new FakeTerminal();
    const writer = writerOn(terminal);
    writer.stream.write('\u001b[?25h');
    writer.onRender();
    writer.stream.write('a\nb');
    writer.stream.write('\u001b[?25l');
    expect(terminal.written[0]).toBe('\u001b[?25h');
    expect(terminal.written[1]?.startsWith(BEGIN_SYNC)).toBe(true);
    expect(terminal.written[1]?.endsWith(END_SYNC)).toBe(true);
    expect(terminal.written[2]).toBe('\u001b[?25l');
  });

  it('writes nothing for an unchanged frame, only changed rows otherwise, and everything after reset or resize', () => {
    const terminal = new FakeTerminal();
    const writer = writerOn(terminal);
    const frames = (text: string): string => {
      terminal.written = [];
      writer.onRender();
      writer.stream.write(text);
      return terminal.written.join('');
    };
    expect(frames('top\nmiddle\nstatus 1')).toContain('\u001b[2J');
    expect(frames('top\nmiddle\nstatus 1')).toBe('');
    const changed = frames('top\nmiddle\nstatus 2');
    expect(changed).toContain('status 2');
    expect(changed).not.toContain('middle');
    writer.reset();
    expect(frames('top\nmiddle\nstatus 2')).toContain('\u001b[2J');
    terminal.columns = COLS + 1;
    expect(frames('top\nmiddle\nstatus 2')).toContain('\u001b[2J');
  });

  it('answers a write callback even when the frame needs no bytes', async () => {
    const terminal = new FakeTerminal();
    const writer = writerOn(terminal);
    writer.onRender();
    writer.stream.write('x');
    writer.onRender();
    await new Promise<void>((resolve) => writer.stream.write('x', () => resolve()));
    expect(terminal.written).toHaveLength(1);
  });

  it('reads size and events from the real terminal', () => {
    const terminal = new FakeTerminal();
    const writer = writerOn(terminal);
    let resized = 0;
    writer.stream.on('resize', () => {
      resized += 1;
    });
    terminal.emit('resize');
    expect(resized).toBe(1);
    expect(writer.stream.columns).toBe(COLS);
  });
});
