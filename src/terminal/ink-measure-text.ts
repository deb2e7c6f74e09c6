/**
 * Stands in for Ink's measure-text module (scripts/ink-replacements.mjs), which keeps the
 * size of every text it ever measured for the life of the process: every line of every
 * article shown stayed in memory, and a reader paging through a 20,000-article library
 * grew by it for as long as it ran. The same measure, in a cache that starts over.
 */
import { BoundedCache, widestLine } from './ink-output.js';

export interface TextSize {
  width: number;
  height: number;
}

const sizes = new BoundedCache<TextSize>();

/** How many sizes are kept now (for tests: never more than CACHE_LIMIT). */
export function sizesKept(): number {
  return sizes.size;
}

export default function measureText(text: string): TextSize {
  if (text.length === 0) return { width: 0, height: 0 };
  return sizes.get(text, (key) => ({ width: widestLine(key), height: key.split('\n').length }));
}
