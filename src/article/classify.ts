/**
 * Block classification, FORMAT.md "Blocks": each rule is a predicate, tried in the
 * table's order (first match wins). Standfirst and attribution depend on a block's
 * neighbours, so classification runs in two passes.
 */
import { parseDate } from './dates.js';
import type { BlockKind } from './types.js';
import { creditName, wordCount } from './credits.js';

// The dateline pattern runs on the line with its trailing whitespace already trimmed, so the
// capture can run greedily to the end: a lazy `(.*?)\s*$` backtracks quadratically on a long
// line full of spaces.
const DATELINE = /^\s*(?:updated|published|posted|last\s+updated|first\s+published)(?:\s+on|\s+at|\s*:)?\s+(.+)$/i;

const PICTURE_POSITION = /\((?:L|R|C|L-R|R-L|centre|center|left|right|top|bottom|front|back|\d+(?:st|nd|rd|th)\s+[LR])\)/i;
const CAPTION_MAX_WORDS = 60;
/**
 * Candidate dates at the end of a caption; each is confirmed with parseDate. Matched against
 * the trimmed text: two `\s*` around an optional character before `$` backtrack
 * quadratically on a long run of spaces.
 */
const TRAILING_DATE = /(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*[.)]?$/;

const ATTRIBUTION_MAX_WORDS = 6;
// Closing quotes escaped, as every non-ASCII character in a regular expression (see links.ts).
const SENTENCE_END = /[.?!]["'\u201d\u2019)]?$/;

export function isCredit(lines: string[]): boolean {
  return lines.every((line) => creditName(line) !== null);
}

/** The date a dateline block carries, or null when the block is not a dateline. */
export function datelineDate(lines: string[]): string | null {
  if (lines.length !== 1) return null;
  const line = (lines[0] ?? '').trimEnd();
  // `.` stops at LINE/PARAGRAPH SEPARATOR: such a line is no dateline, and letting the
  // pattern find that out backtracks quadratically on a long run of spaces.
  if (/[\u2028\u2029]/.test(line)) return null;
  const date = DATELINE.exec(line)?.[1];
  return date ? parseDate(date) : null;
}

function endsWithDate(text: string): boolean {
  const m = TRAILING_DATE.exec(text.trimEnd());
  return m !== null && parseDate(m[0].replace(/[.)]$/, '').trim()) !== null;
}

export function isPositionalCaption(text: string): boolean {
  // The position mark first: most paragraphs have none, and counting words costs more.
  return PICTURE_POSITION.test(text) && wordCount(text) < CAPTION_MAX_WORDS && endsWithDate(text);
}

export function isAttribution(lines: string[], text: string): boolean {
  return lines.length === 1 && wordCount(text) <= ATTRIBUTION_MAX_WORDS && !SENTENCE_END.test(text);
}

interface Candidate {
  lines: string[];
  text: string;
}

/** Kinds for blocks[1..]; blocks[0] is always the headline. */
export function classifyBlocks(blocks: Candidate[]): BlockKind[] {
  const kinds: BlockKind[] = [];
  blocks.forEach((block, i) => {
    if (i === 0) kinds.push('headline');
    else if (isCredit(block.lines)) kinds.push('credit');
    else if (datelineDate(block.lines) !== null) kinds.push('dateline');
    else if (kinds[i - 1] === 'credit' || isPositionalCaption(block.text)) kinds.push('caption');
    else kinds.push('paragraph');
  });

  // Standfirst: the block after the headline, when a credit, caption or dateline follows it
  // before any paragraph does.
  const next = kinds[2];
  if (kinds[1] === 'paragraph' && (next === 'credit' || next === 'caption' || next === 'dateline')) {
    kinds[1] = 'standfirst';
  }

  const last = blocks.length - 1;
  const lastBlock = blocks[last];
  if (last > 0 && kinds[last] === 'paragraph' && lastBlock && isAttribution(lastBlock.lines, lastBlock.text)) {
    kinds[last] = 'attribution';
  }
  return kinds;
}
