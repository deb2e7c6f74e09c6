/**
 * A faster stand-in for Ink 6.8's `build/output.js`, which the build puts in its place
 * (scripts/build.mjs). Ink's Output turns every frame into a grid of cell objects: it
 * tokenises each written line into styled characters, measures each character, cuts lines
 * at clip edges with slice-ansi, and joins each row back into a string, all again for every
 * frame. A full-screen frame of the reader costs most of a key's time that way.
 *
 * Here a row is kept as the list of lines written on it. When they do not overlap and fit
 * inside the clip (what a layout of panes side by side gives), the row is those lines
 * joined by spaces, with nothing tokenised. A row where writes overlap, or a line that must
 * be cut at a clip edge, goes through Ink's own cell-by-cell path, so the screen is the same
 * either way. Widths and tokenised lines are cached across frames, since most lines of a
 * frame were in the frame before.
 */
import { styledCharsFromTokens, styledCharsToString, tokenize, type StyledChar } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import { simpleWidth } from './simple-width.js';

type Transformer = (line: string, index: number) => string;

interface Clip {
  x1?: number | undefined;
  x2?: number | undefined;
  y1?: number | undefined;
  y2?: number | undefined;
}

/** One line placed on a row: from column `x`, `width` columns wide. */
interface Placed {
  x: number;
  width: number;
  line: string;
}

/** Entries kept across frames before a cache starts over: a few screens' worth of lines. */
export const CACHE_LIMIT = 20_000;

export class BoundedCache<V> {
  private readonly map = new Map<string, V>();

  get size(): number {
    return this.map.size;
  }

  get(key: string, compute: (key: string) => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= CACHE_LIMIT) this.map.clear();
      value = compute(key);
      this.map.set(key, value);
    }
    return value;
  }
}

const widths = new BoundedCache<number>();
const styledLines = new BoundedCache<StyledChar[]>();
const placeable = new BoundedCache<boolean>();
const RESET = '\u001b[0m';

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- SGR (colour and style) escapes
const SGR = /\u001b\[[0-9;]*m/g;

/** Columns `text` takes on screen; simple text is counted (see simple-width.ts), the rest measured once. */
export function widthOf(text: string): number {
  const simple = simpleWidth(text.includes('\u001b') ? text.replace(SGR, '') : text);
  return simple ?? widths.get(text, stringWidth);
}

/** The widest line of `text`, in columns (what the widest-line package answers, cached). */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, widthOf(line));
  return widest;
}

/**
 * Whether a line may go on screen as it is: no control character but SGR escapes.
 * Anything else (a cursor move, a hyperlink) takes the cell path, which knows what each
 * escape does.
 */
function selfContained(line: string): boolean {
  if (!CONTROL.test(line)) return true;
  return placeable.get(line, (text) => !CONTROL.test(text.replace(SGR, '')));
}

function blank(): StyledChar {
  return { type: 'char', value: ' ', fullWidth: false, styles: [] };
}

export default class Output {
  readonly width: number;
  readonly height: number;
  private readonly rows: Placed[][];
  private readonly clips: Clip[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
    this.rows = Array.from({ length: Math.max(0, options.height) }, () => []);
  }

  clip(clip: Clip): void {
    this.clips.push(clip);
  }

  unclip(): void {
    this.clips.pop();
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    const { transformers } = options;
    let lines = text.split('\n');
    const clip = this.clips.at(-1);
    const clipX = clip !== undefined && typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
    const clipY = clip !== undefined && typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
    if (clipX) {
      const x1 = clip.x1 as number;
      const x2 = clip.x2 as number;
      const widest = lines.reduce((most, line) => Math.max(most, widthOf(line)), 0);
      if (x + widest < x1 || x > x2) return;
      if (x < x1 || x + widest > x2) {
        lines = lines.map((line) => {
          const from = x < x1 ? x1 - x : 0;
          const width = widthOf(line);
          return sliceAnsi(line, from, x + width > x2 ? x2 - x : width);
        });
        if (x < x1) x = x1;
      }
    }
    if (clipY) {
      const y1 = clip.y1 as number;
      const y2 = clip.y2 as number;
      if (y + lines.length < y1 || y > y2) return;
      const from = y < y1 ? y1 - y : 0;
      const to = y + lines.length > y2 ? y2 - y : lines.length;
      lines = lines.slice(from, to);
      if (y < y1) y = y1;
    }
    for (const [index, original] of lines.entries()) {
      const row = this.rows[y + index];
      if (row === undefined) continue;
      let line = original;
      for (const transformer of transformers) line = transformer(line, index);
      row.push({ x, width: widthOf(line), line });
    }
  }

  get(): { output: string; height: number } {
    return { output: this.rows.map((row) => this.rowText(row)).join('\n'), height: this.rows.length };
  }

  private rowText(row: Placed[]): string {
    if (row.length === 0) return '';
    if (row.length === 1 && row[0] !== undefined && row[0].x === 0) return this.fitted(row[0]) ?? this.cells(row);
    const sorted = [...row].sort((a, b) => a.x - b.x);
    let text = '';
    let column = 0;
    for (const placed of sorted) {
      // Overlapping writes: the later one wins cell by cell, as in Ink.
      if (placed.x < column) return this.cells(row);
      const line = this.fitted(placed);
      if (line === null) return this.cells(row);
      text += ' '.repeat(placed.x - column) + line;
      column = placed.x + placed.width;
    }
    return text.trimEnd();
  }

  /** The line as it goes on screen when it fits the row, else null (the cell path cuts it). */
  private fitted(placed: Placed): string | null {
    if (placed.x + placed.width > this.width || !selfContained(placed.line)) return null;
    // Cells after a line carry no style of it, as in Ink's grid: end any style it left open.
    return placed.line.includes('\u001b') ? placed.line + RESET : placed.line;
  }

  /** Ink's own way: a row of styled cells, later writes over earlier ones. */
  private cells(row: Placed[]): string {
    const cells: (StyledChar | undefined)[] = Array.from({ length: this.width }, blank);
    for (const placed of row) {
      let column = placed.x;
      for (const character of styledLines.get(placed.line, (line) => styledCharsFromTokens(tokenize(line)))) {
        cells[column] = character;
        const width = Math.max(1, widthOf(character.value));
        for (let extra = 1; extra < width; extra++) {
          cells[column + extra] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
        }
        column += width;
      }
    }
    return styledCharsToString(cells.filter((cell): cell is StyledChar => cell !== undefined)).trimEnd();
  }
}
