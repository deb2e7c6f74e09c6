/**
 * An article's blocks as a row stores them and as the reader reads them back. Kept apart
 * from the file parsers, which are heavy to load: the reader's first screen needs only this.
 */
import { joinLines } from '../../article/block-text.js';
import type { Block } from '../../article/types.js';

/**
 * The blocks as stored: kind and lines only, since a block's text is its lines joined
 * (the reader derives it again). Leaving it out takes a copy of every article's text out
 * of each row, which made cold indexing faster and the database smaller.
 */
export function storedBlocks(blocks: readonly Block[]): string {
  return JSON.stringify(blocks.map(({ kind, lines }) => ({ kind, lines })));
}

/** Blocks read back from a row, with their text; rows written before text was dropped still have it. */
export function blocksFromStored(json: string): Block[] {
  const stored = JSON.parse(json) as { kind: Block['kind']; text?: string; lines: string[] }[];
  return stored.map(({ kind, text, lines }) => ({ kind, text: text ?? joinLines(lines), lines }));
}
