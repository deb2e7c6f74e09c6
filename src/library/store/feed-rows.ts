/**
 * Feed entries as store rows: one row per entry, keyed by path `FILE#ID`, carrying the
 * feed file's stat and hash so a refresh can tell an unchanged feed without parsing it.
 */
import type { Article } from '../../article/types.js';
import { isFeedArticle, type FeedFields } from '../../feed/types.js';
import type { FoundFile } from '../find.js';
import type { FileStat } from '../read-file.js';
import { articleRow, type Row } from './parse-file.js';

/** A row with the feed columns (migration 6). */
export interface FeedRow extends Row {
  feed_file: string;
  url: string | null;
  feed: string | null;
  published: string | null;
  author: string | null;
  categories: string;
  enclosures: string;
}

export function feedRows(articles: readonly Article[], file: FoundFile, stat: FileStat, hash: string): FeedRow[] {
  return articles.map((article) => {
    const fields = isFeedArticle(article) ? article.feedFields : null;
    return {
      ...articleRow(article, { path: article.path, root: file.root, section: file.section }, stat, hash),
      feed_file: file.path,
      url: fields?.url ?? null,
      feed: fields?.feed ?? null,
      published: fields?.published ?? null,
      author: fields?.author ?? null,
      categories: JSON.stringify(fields?.categories ?? []),
      enclosures: JSON.stringify(fields?.enclosures ?? []),
    };
  });
}

/** Statements writing one feed row, by its named fields. */
export const INSERT_ENTRY_SQL = `
  INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body,
    cjk_headline, cjk_text, feed_file, url, feed, published, author, categories, enclosures)
  VALUES (@id, @path, @root, @section, @headline, @standfirst, @date, @source, @words, @size, @mtime_ms, @ino, @hash, @blocks, @warnings, @body,
    @cjk_headline, @cjk_text, @feed_file, @url, @feed, @published, @author, @categories, @enclosures)`;

export const UPDATE_ENTRY_SQL = `
  UPDATE articles SET id = @id, root = @root, section = @section, headline = @headline, standfirst = @standfirst, date = @date,
    source = @source, words = @words, size = @size, mtime_ms = @mtime_ms, ino = @ino, hash = @hash, blocks = @blocks,
    warnings = @warnings, body = @body, cjk_headline = @cjk_headline, cjk_text = @cjk_text,
    feed_file = @feed_file, url = @url, feed = @feed, published = @published,
    author = @author, categories = @categories, enclosures = @enclosures
  WHERE path = @path`;

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
