/**
 * Text -> Article, per FORMAT.md. Pure: the caller decodes the bytes and says where the
 * file sits. The one invariant: every non-blank line lands unchanged in exactly one
 * block's `lines`, in file order.
 */
import { createHash } from 'node:crypto';
import { hasControlOrFormatCharacters } from '../unicode/unsafe-characters.js';
import { classifyBlocks, datelineDate } from './classify.js';
import { creditsOf, wordCount } from './credits.js';
import type { Article, Block } from './types.js';
import { joinLines, joinRaw } from './block-text.js';

/** Blank means whitespace only; JavaScript's \s includes U+00A0 NO-BREAK SPACE. */
const BLANK = /^\s*$/;
const LINE_BREAK = /\r\n|\r|\n/;

export interface ArticleLocation {
  path: string;
  section: string | null;
}

/** Split text into maximal runs of non-blank lines. */
export function splitBlocks(text: string): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    if (BLANK.test(line)) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * The id hashes the blocks' raw text, not the bytes, so re-encoding a file or changing its
 * line endings keeps the id, as do moving and renaming it; and not the decoded text, so an
 * article read before references were decoded keeps its id and its read and starred marks.
 */
function articleId(blocks: Block[]): string {
  const hash = createHash('sha256');
  for (const block of blocks) hash.update(joinRaw(block.lines)).update('\n');
  return hash.digest('hex').slice(0, 16);
}

/** Parse decoded text. `warnings` from decoding are carried into the article. */
export function parseArticle(text: string, location: ArticleLocation, warnings: string[] = []): Article {
  const runs = splitBlocks(text);
  // The headline is the first non-blank line; a hard-wrapped first block keeps its other
  // lines as a block of their own.
  const first = runs[0];
  if (first && first.length > 1) runs.splice(0, 1, first.slice(0, 1), first.slice(1));

  const candidates = runs.map((lines) => ({ lines, text: joinLines(lines) }));
  const kinds = classifyBlocks(candidates);
  const blocks: Block[] = candidates.map((c, i) => ({ kind: kinds[i] ?? 'paragraph', text: c.text, lines: c.lines }));

  const allWarnings = [...warnings];
  if (blocks.length === 0) allWarnings.push('empty article: no text');
  if (blocks.some((b) => b.lines.some(hasControlOrFormatCharacters) || hasControlOrFormatCharacters(b.text))) {
    allWarnings.push('control or invisible formatting characters removed for display');
  }

  let date: string | null = null;
  let words = 0;
  for (const block of blocks) {
    if (block.kind === 'dateline' && date === null) {
      date = datelineDate(block.lines);
    }
    if (block.kind === 'headline' || block.kind === 'standfirst' || block.kind === 'paragraph') {
      words += wordCount(block.text);
    }
  }

  return {
    id: articleId(blocks),
    path: location.path,
    section: location.section,
    headline: blocks[0]?.text ?? '',
    standfirst: blocks.find((b) => b.kind === 'standfirst')?.text ?? null,
    date,
    source: blocks.find((b) => b.kind === 'attribution')?.text ?? null,
    credits: creditsOf(blocks),
    blocks,
    words,
    warnings: allWarnings,
  };
}
