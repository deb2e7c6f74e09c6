/**
 * Feed entries as store rows: one row per entry, keyed by path `FILE#ID`, carrying the
 * feed file's stat and hash so a refresh can tell an unchanged feed without parsing it.
 */
import type { Article } from '../../article/types.js';
import { isFeedArticle } from '../../feed/types.js';
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
