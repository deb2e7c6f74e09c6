/**
 * Text -> Article, per FORMAT.md. Pure: the caller decodes the bytes and says where the
 * file sits. The one invariant: every non-blank line lands unchanged in exactly one
 * block's `lines`, in file order.
 */
import { createHash } from 'node:crypto';
import { hasControlOrFormatCharacters } from '../unicode/unsafe-characters.js';
import { classifyBlocks, creditsOf, datelineDate, wordCount } from './classify.js';
import type { Article, Block } from './types.js';

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
 * Numeric character references (`&#163;`, `&#xA3;`) and the five XML entities, as text
 * saved from web pages carries them (22 BBC files have `caf&#233;` or `&#163;`).
 */
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A reference to a control character, a lone surrogate or past U+10FFFF stays as written:
 * decoding it would slip into the text a character the file itself never held.
 */
function decodable(codePoint: number): boolean {
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return false;
  return !((codePoint < 0x20 && codePoint !== 0x09) || (codePoint >= 0x7f && codePoint <= 0x9f));
}

/** Text with its character references decoded; the raw lines keep them as written. */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return XML_ENTITIES[name] ?? whole;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return decodable(codePoint) ? String.fromCodePoint(codePoint) : whole;
  });
}

/** The lines trimmed and joined by single spaces, references as written. */
function joinRaw(lines: readonly string[]): string {
  return lines.map((line) => line.trim()).join(' ');
}

/**
 * A block's text from its lines: each trimmed, joined by single spaces, character
 * references decoded (Block.text).
 */
export function joinLines(lines: readonly string[]): string {
  return decodeCharacterReferences(joinRaw(lines));
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
