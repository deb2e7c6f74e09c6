/**
 * A stored feed entry's own fields (link, feed, published, author, categories,
 * enclosures) read back from its row for `article()`. Kept apart from feed-rows.ts, which
 * writes rows and so loads the article parser: the first screen reads articles and must
 * not load it.
 */
import type { FeedFields } from '../../feed/types.js';
import type { FeedRow } from './feed-rows.js';

/** The feed columns of a stored row, as `article()` reads them. */
export type FeedColumns = Pick<FeedRow, 'feed_file' | 'url' | 'feed' | 'published' | 'author' | 'categories' | 'enclosures'> | { feed_file: null };

function parsedList<T>(json: string): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** A stored feed entry's fields back, or null for a row read from a text file. */
export function feedFieldsOf(row: FeedColumns): FeedFields | null {
  if (row.feed_file === null || !('url' in row)) return null;
  return {
    url: row.url,
    feed: row.feed,
    published: row.published,
    author: row.author,
    categories: parsedList<string>(row.categories),
    enclosures: parsedList<FeedFields['enclosures'][number]>(row.enclosures),
    source: row.feed_file,
  };
}
