/**
 * Credit lines ("Photo: …") and the names they credit, FORMAT.md "Blocks". Kept apart
 * from the classifier, which loads the date parser: the reader's first screen needs only these.
 */
import type { BlockKind } from './types.js';

// The pattern runs on the line with its trailing whitespace already trimmed, so the capture
// can run greedily to the end: a lazy `(.*?)\s*$` backtracks quadratically on a long line
// full of spaces.
const CREDIT_LINE = /^\s*(?:photo\s+by|photo|picture|image|video|credit|photograph)\s*:\s*(\S.*)$/i;
/** A credit names someone; a longer "Image: …" line is a sentence, not a credit. */
const MAX_CREDIT_WORDS = 8;

export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** The credited name of a credit line, or null when the line is not a credit. */
export function creditName(line: string): string | null {
  const name = CREDIT_LINE.exec(line.trimEnd())?.[1];
  if (!name || wordCount(name) > MAX_CREDIT_WORDS) return null;
  return name;
}

/** The distinct names credited by the credit blocks, in order. */
export function creditsOf(blocks: readonly { kind: BlockKind; lines: string[] }[]): string[] {
  const credits: string[] = [];
  for (const block of blocks) {
    if (block.kind !== 'credit') continue;
    for (const line of block.lines) {
      const name = creditName(line);
      if (name !== null && !credits.includes(name)) credits.push(name);
    }
  }
  return credits;
}
