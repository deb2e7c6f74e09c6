/**
 * Reading and parsing one file into the row the store writes: the part of a refresh that
 * needs no database, so it runs the same on the main thread and in parse workers.
 */
import type { Article } from '../../article/types.js';
import { feedFromBytes, mayBeFeed } from '../feed-file.js';
import type { FoundFile } from '../find.js';
import { articleFromBytes } from '../load.js';
import { contentHash, readArticleFile, type FileStat } from '../read-file.js';
import { feedRows, type FeedRow } from './feed-rows.js';
import { cjkPairText } from '../index-text.js';
import { storedBlocks } from './stored-blocks.js';

export interface Row {
  id: string;
  path: string;
  root: string;
  section: string | null;
  headline: string;
  standfirst: string | null;
  date: string | null;
  source: string | null;
  words: number;
  size: number;
  mtime_ms: number;
  ino: number;
  hash: string;
  blocks: string;
  warnings: string;
  body: string;
  /** CJK character pairs of the headline, and of the other indexed fields (index-text.ts); null without CJK. */
  cjk_headline: string | null;
  cjk_text: string | null;
}

/** The paragraph texts the full-text index searches as `body`. */
export function articleBody(article: Article): string {
  return article.blocks
    .filter((block) => block.kind === 'paragraph')
    .map((block) => block.text)
    .join('\n');
}

/** The row for one article read from `file` (a feed entry passes its own `FILE#ID` path). */
export function articleRow(article: Article, file: Pick<FoundFile, 'path' | 'root' | 'section'>, stat: FileStat, hash: string): Row {
  const body = articleBody(article);
  return {
    id: article.id,
    path: file.path,
    root: file.root,
    section: file.section,
    headline: article.headline,
    standfirst: article.standfirst,
    date: article.date,
    source: article.source,
    words: article.words,
    size: stat.size,
    mtime_ms: stat.mtimeMs,
    ino: stat.ino,
    hash,
    blocks: storedBlocks(article.blocks),
    warnings: JSON.stringify(article.warnings),
    body,
    cjk_headline: cjkPairText(article.headline),
    cjk_text: cjkPairText(article.standfirst, body, article.source, file.section),
  };
}


/** What the refresh asks of one file: where it is, and the hash the store has for it. */
export interface ParseRequest {
  file: FoundFile;
  knownHash: string | null;
}

export type ParseOutcome =
  /** New or changed content: the row to write, with the article's warnings. */
  | { kind: 'row'; row: Row; bytes: number; warnings: string[] }
  /** Same bytes as stored (only the stat changed): just update the stat. */
  | { kind: 'same'; stat: FileStat; bytes: number }
  /** A feed, new or changed: a row per entry, with the feed's warnings. */
  | { kind: 'feed'; rows: FeedRow[]; stat: FileStat; bytes: number; warnings: string[] }
  /** Not an article (binary, empty, unreadable): a warning, and no row. */
  | { kind: 'skip'; warning: string; bytes: number }
  /** Named like a feed in a folder but not one (a sitemap, a config file): no row, no word. */
  | { kind: 'ignored'; bytes: number };

export function parseFile(request: ParseRequest): ParseOutcome {
  const { file } = request;
  const read = readArticleFile(file.path);
  if ('warning' in read) return { kind: 'skip', warning: read.warning, bytes: 0 };
  const bytes = read.bytes.length;
  const hash = contentHash(read.bytes);
  if (request.knownHash === hash) return { kind: 'same', stat: read.stat, bytes };
  if (mayBeFeed(file)) {
    const feed = feedFromBytes(read.bytes, file);
    if (feed.kind === 'feed') return { kind: 'feed', rows: feedRows(feed.articles, file, read.stat, hash), stat: read.stat, bytes, warnings: feed.warnings };
    if (feed.kind === 'skip') return { kind: 'skip', warning: feed.warning, bytes };
    if (feed.kind === 'ignore') return { kind: 'ignored', bytes };
  }
  const parsed = articleFromBytes(read.bytes, file);
  if ('warning' in parsed) return { kind: 'skip', warning: parsed.warning, bytes };
  return { kind: 'row', row: articleRow(parsed.article, file, read.stat, hash), bytes, warnings: parsed.article.warnings };
}
