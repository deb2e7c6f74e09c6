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

/** Whether a UTF-16 code unit is white space as `\s` in a JavaScript pattern means it. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/**
 * The words of a text: its runs of characters other than white space. Counted in one pass,
 * as splitting every paragraph into an array of words was a fifth of parsing an article.
 */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
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
