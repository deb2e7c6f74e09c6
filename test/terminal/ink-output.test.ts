import xterm from '@xterm/headless';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import Output from '../../src/terminal/ink-output.js';
// Ink's own Output, which the build replaces: the reference for what a frame must look like.
import InkOutput from '../../node_modules/ink/build/output.js';
import { fuzzParameters } from '../fuzz-settings.js';

const WIDTH = 14;
const HEIGHT = 4;

type Operation =
  | { type: 'write'; x: number; y: number; text: string; bold: boolean }
  | { type: 'clip'; x1: number; x2: number; y1: number; y2: number; horizontal: boolean; vertical: boolean }
  | { type: 'unclip' };

interface Frame {
  write(x: number, y: number, text: string, options: { transformers: ((line: string, index: number) => string)[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}

const bold = (line: string): string => `\u001b[1m${line}\u001b[22m`;

function draw(frame: Frame, operations: readonly Operation[]): string {
  for (const operation of operations) {
    if (operation.type === 'write') frame.write(operation.x, operation.y, operation.text, { transformers: operation.bold ? [bold] : [] });
    else if (operation.type === 'clip') {
      frame.clip({
        ...(operation.horizontal ? { x1: operation.x1, x2: operation.x2 } : {}),
        ...(operation.vertical ? { y1: operation.y1, y2: operation.y2 } : {}),
      });
    } else frame.unclip();
  }
  return frame.get().output;
}

/** Every cell's character and style after a terminal draws `output` from the top left. */
async function cellsOf(output: string): Promise<string> {
  const term = new xterm.Terminal({ cols: WIDTH * 2, rows: HEIGHT + 1, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(output.replaceAll('\n', '\r\n'), resolve));
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const line = buffer.getLine(y);
    let row = '';
    for (let x = 0; x < WIDTH * 2; x++) {
      const cell = line?.getCell(x);
      row += `${cell?.getChars() || ' '}${cell?.getWidth()}${cell?.isBold() ? 'b' : ''}${cell?.isInverse() ? 'i' : ''}${cell?.isUnderline() ? 'u' : ''}${cell?.getFgColor()}|`;
    }
    rows.push(row);
  }
  term.dispose();
  return rows.join('\n');
}

const run = fc
  .record({
    text: fc.constantFrom('', 'a', 'ab c', 'wide 日本', 'é', '👍', 'xyz   '),
    // Not dim: it shares its end code with bold, and Ink's cell path then loses the bold
    // of the cell after a dim one (the diff ends both); the fast path draws that right.
    style: fc.constantFrom('', '\u001b[7m', '\u001b[31m', '\u001b[4m'),
  })
  .map(({ text, style }) => (style === '' ? text : `${style}${text}\u001b[0m`));
const text = fc.array(fc.array(run, { maxLength: 3 }).map((runs) => runs.join('')), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('write' as const), x: fc.nat(WIDTH), y: fc.nat(HEIGHT), text, bold: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('clip' as const),
      x1: fc.nat(WIDTH),
      x2: fc.nat(WIDTH),
      y1: fc.nat(HEIGHT),
      y2: fc.nat(HEIGHT),
      horizontal: fc.boolean(),
      vertical: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'unclip' as const }) },
);

describe('Output (the build replacement for Ink’s)', () => {
  it('draws the same screen as Ink’s own Output for any writes, overlaps and clips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 8 }), async (operations) => {
        const ours = draw(new Output({ width: WIDTH, height: HEIGHT }), operations);
        const inks = draw(new InkOutput({ width: WIDTH, height: HEIGHT }) as unknown as Frame, operations);
        expect(ours.split('\n')).toHaveLength(inks.split('\n').length);
        expect(await cellsOf(ours)).toBe(await cellsOf(inks));
      }),
      { ...fuzzParameters(), numRuns: Math.min(fuzzParameters().numRuns ?? 1000, 2000) },
    );
  });

  it('joins side-by-side panes without tokenising them and keeps each pane’s style to itself', () => {
    const frame = new Output({ width: 20, height: 2 });
    frame.write(0, 0, '\u001b[7mlist\u001b[27m', { transformers: [] });
    frame.write(6, 0, '│', { transformers: [] });
    frame.write(8, 0, 'article', { transformers: [] });
    const [first, second] = frame.get().output.split('\n');
    expect(first).toBe('\u001b[7mlist\u001b[27m\u001b[0m  │ article');
    expect(second).toBe('');
  });
});
