/**
 * Width-aware text helpers: what a string occupies in terminal columns (string-width, so
 * CJK, emoji and combining marks count right), truncating with `…`, and word wrapping
 * that reports line positions so highlights can be laid over the wrapped lines.
 */
import stringWidth from 'string-width';
import { isSimpleText } from './simple-width.js';

// Made on first use: building one loads ICU break data, which a first screen of ordinary
// text never needs.
let segmenter: Intl.Segmenter | null = null;

/** Runs of three or more printable ASCII characters. */
const ASCII_RUN = /[\x20-\x7e]{3,}/g;

/** Columns `text` takes on a terminal. */
export function widthOf(text: string): number {
  if (isSimpleText(text)) return text.length;
  // Grapheme segmentation slows down more than linearly on long strings (200,000 spaces
  // and one U+2028 took over a minute), so only the non-ASCII stretches go through
  // string-width. Inside a run of printable ASCII every character but the first (it may
  // follow a prepended mark) and the last (a mark or keycap may follow it) is a grapheme
  // of its own, one column wide: those are counted, the rest measured with their neighbours.
  let width = 0;
  let from = 0;
  for (const run of text.matchAll(ASCII_RUN)) {
    const start = run.index + 1;
    const end = run.index + run[0].length - 1;
    width += stringWidth(text.slice(from, start)) + (end - start);
    from = end;
  }
  return width + stringWidth(text.slice(from));
}

/** Split into user-perceived characters, so a cut never lands inside one. */
export function graphemes(text: string): string[] {
  if (isSimpleText(text)) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The longest start of `text` that fits in `width` columns, and the columns it takes. */
export function fitStart(text: string, width: number): { text: string; width: number } {
  if (isSimpleText(text)) {
    const cut = text.slice(0, Math.max(0, width));
    return { text: cut, width: cut.length };
  }
  let used = 0;
  let out = '';
  for (const g of graphemes(text)) {
    const w = stringWidth(g);
    if (used + w > width) break;
    out += g;
    used += w;
  }
  return { text: out, width: used };
}

/** `text` cut to `width` columns, ending in `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (widthOf(text) <= width) return text;
  return `${fitStart(text, width - 1).text}…`;
}

/** `text` truncated or padded with spaces to exactly `width` columns. */
export function fitWidth(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - widthOf(cut)));
}

/** A piece of a line: its text and whether it is a search match. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Segments cut to `width` columns, the last cut one ending in `…`. */
export function truncateSegments(segments: readonly Segment[], width: number): Segment[] {
  const total = segments.reduce((sum, s) => sum + widthOf(s.text), 0);
  if (total <= width) return [...segments];
  if (width <= 0) return [];
  const out: Segment[] = [];
  let room = width - 1;
  for (const segment of segments) {
    const fit = fitStart(segment.text, room);
    if (fit.text !== '') out.push({ text: fit.text, match: segment.match });
    room -= fit.width;
    if (fit.text !== segment.text) break;
  }
  out.push({ text: '…', match: false });
  return out;
}

/** A wrapped line as a range of the text: `[start, end)` in UTF-16 offsets. */
export interface LineRange {
  start: number;
  end: number;
}

// A no-break space is a space for wrapping (FORMAT.md); so are the other spacing characters.
const WORD = /[^\s\u00a0]+/g;

/**
 * Greedy word wrap of one paragraph to `width` columns. Runs of spaces between words on
 * one line are kept; words longer than a line are broken between graphemes, so no line
 * is ever wider than `width`.
 */
export function wrapRanges(text: string, width: number): LineRange[] {
  const columns = Math.max(1, width);
  const lines: LineRange[] = [];
  let line: LineRange | null = null;
  // The open line's width, grown by each gap and word instead of measuring the line again
  // for every word (a paragraph with one non-ASCII character went through string-width
  // once per word). Whitespace never joins a grapheme with the character before it, so a
  // line's width is the sum of its pieces'.
  let lineWidth = 0;
  for (const found of text.matchAll(WORD)) {
    const start = found.index;
    const end = start + found[0].length;
    if (line !== null) {
      const grown = lineWidth + widthOf(text.slice(line.end, end));
      if (grown <= columns) {
        line.end = end;
        lineWidth = grown;
        continue;
      }
      lines.push(line);
      line = null;
    }
    const wordWidth = widthOf(found[0]);
    if (wordWidth <= columns) {
      line = { start, end };
      lineWidth = wordWidth;
      continue;
    }
    // A word wider than the line: break it, and carry its last piece on as an open line.
    let offset = start;
    for (;;) {
      const fit = fitStart(text.slice(offset, end), columns);
      // A single grapheme wider than the line (a wide character in one column) goes alone.
      const taken = fit.text.length > 0 ? fit.text.length : (graphemes(text.slice(offset, end))[0] ?? '').length;
      const piece = { start: offset, end: offset + taken };
      offset += taken;
      if (offset >= end) {
        line = piece;
        lineWidth = widthOf(text.slice(piece.start, piece.end));
        break;
      }
      lines.push(piece);
    }
  }
  if (line !== null) lines.push(line);
  return lines;
}

/** Wrapped lines of `text` as strings (what `wrapRanges` marks out). */
export function wrapText(text: string, width: number): string[] {
  return wrapRanges(text, width).map((r) => text.slice(r.start, r.end));
}
