/**
 * Laying search highlights over sanitised text. Match ranges are found on the raw article
 * text, and sanitising can change lengths (an escape sequence vanishes, a tab becomes four
 * spaces), so the text is sanitised piece by piece between range boundaries: every piece
 * is safe on its own, and the ranges land on the same characters afterwards.
 */
import type { MatchRange } from '../search/match-ranges.js';
import { sanitize } from './sanitize.js';
import type { Segment } from './text.js';

export interface MarkedText {
  /** The sanitised text. */
  text: string;
  /** Match ranges in `text`, sorted and not overlapping. */
  ranges: MatchRange[];
}

/** Sorted, merged ranges clipped to a text of `length`. */
function normalise(ranges: readonly MatchRange[], length: number): MatchRange[] {
  const sorted = ranges
    .map(([s, e]): MatchRange => [Math.max(0, Math.min(length, s)), Math.max(0, Math.min(length, e))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Sanitise `raw` and carry the match ranges (on `raw`) over to the sanitised text. */
export function markMatches(raw: string, ranges: readonly MatchRange[]): MarkedText {
  const clean = normalise(ranges, raw.length);
  if (clean.length === 0) return { text: sanitize(raw), ranges: [] };
  let text = '';
  let at = 0;
  const out: MatchRange[] = [];
  for (const [s, e] of clean) {
    text += sanitize(raw.slice(at, s));
    const start = text.length;
    text += sanitize(raw.slice(s, e));
    if (text.length > start) out.push([start, text.length]);
    at = e;
  }
  text += sanitize(raw.slice(at));
  return { text, ranges: out };
}

/** The part `[start, end)` of marked text as plain and matching segments. */
export function segmentsOf(marked: MarkedText, start = 0, end = marked.text.length): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const [s, e] of marked.ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) segments.push({ text: marked.text.slice(at, from), match: false });
    segments.push({ text: marked.text.slice(from, to), match: true });
    at = to;
  }
  if (at < end) segments.push({ text: marked.text.slice(at, end), match: false });
  return segments;
}
