/**
 * Telling feeds from article text files, and reading a feed file into articles. A file
 * named on the command line is judged by its content whatever its name; in a folder, files
 * named like feeds (`.xml`, `.rss`, `.atom`, `.rdf`, `.json`) are read when their content
 * is a feed and passed over quietly when it is not (a sitemap, a config file). Files are
 * read by the one reader (read-file.ts); a feed over MAX_FEED_BYTES is refused by the parser.
 */
import type { Article } from '../article/types.js';
import { decodeFeedBytes } from '../feed/decode.js';
import { parseFeedBytes, sniffFeed, type FeedKind } from '../feed/parse.js';
import { feedToArticles } from '../feed/to-articles.js';
import type { FoundFile } from './find.js';
import { hasFeedExtension } from './feed-names.js';


/** Named on the command line (its own root), so judged by content. */
export function isNamedFile(file: Pick<FoundFile, 'path' | 'root'>): boolean {
  return file.path === file.root;
}

/** How much of a file is looked at to tell a feed: the root element follows at most comments. */
const SNIFF_BYTES = 64 * 1024;

/** What the start of a file is. */
export function sniffBytes(bytes: Uint8Array): FeedKind {
  return sniffFeed(decodeFeedBytes(bytes.subarray(0, SNIFF_BYTES)).text);
}

export type FeedRead =
  /** A feed: its entries as articles, and what was odd about it. */
  | { kind: 'feed'; articles: Article[]; warnings: string[] }
  /** Not a feed: read it as an article text file (a named file, or a `.txt`). */
  | { kind: 'text' }
  /** Passed over without a word (a non-feed `.xml` in a folder). */
  | { kind: 'ignore' }
  /** Refused, with one line saying why. */
  | { kind: 'skip'; warning: string };

/** Decide what bytes read from `file` are and, for a feed, parse it. */
export function feedFromBytes(bytes: Uint8Array, file: Pick<FoundFile, 'path' | 'root' | 'section'>, readAt = new Date()): FeedRead {
  const kind = sniffBytes(bytes);
  const named = isNamedFile(file);
  if (kind === 'other') return named || !hasFeedExtension(file.path) ? { kind: 'text' } : { kind: 'ignore' };
  if (kind === 'html' && !named) return hasFeedExtension(file.path) ? { kind: 'ignore' } : { kind: 'text' };
  const parsed = parseFeedBytes(bytes, file.path);
  if ('error' in parsed) return { kind: 'skip', warning: parsed.error };
  const articles = feedToArticles(parsed.document, { source: file.path, section: file.section, readAt });
  const warnings = [...parsed.document.warnings];
  if (articles.length === 0) warnings.push('a feed with no entries');
  return { kind: 'feed', articles, warnings };
}

/** Whether a found file may be a feed and must be looked at before it is read as text. */
export function mayBeFeed(file: Pick<FoundFile, 'path' | 'root'>): boolean {
  return isNamedFile(file) || hasFeedExtension(file.path);
}
