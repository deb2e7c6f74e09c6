/** A feed document, normalised across RSS, RDF, Atom and JSON Feed. */
import type { Article } from '../article/types.js';

export interface Enclosure {
  url: string;
  type: string | null;
  /** Bytes, when the feed says. */
  length: number | null;
}

/** Text as the feed gave it: HTML to be turned into blocks, or plain text. */
export interface FeedText {
  value: string;
  html: boolean;
}

export interface FeedEntry {
  /** guid / id as written, or null. */
  guid: string | null;
  /** Plain text (markup and entities already turned into text). */
  title: string | null;
  /** Absolute URL of the entry's page, if safe. */
  link: string | null;
  summary: FeedText | null;
  content: FeedText | null;
  author: string | null;
  published: Date | null;
  updated: Date | null;
  categories: string[];
  enclosures: Enclosure[];
  /** Base URL for the entry's relative links. */
  base: string | null;
}

export interface FeedDocument {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  link: string | null;
  updated: Date | null;
  entries: FeedEntry[];
  /** What was odd about the document (recovered from truncation, DTD ignored, ...). */
  warnings: string[];
}

/** The fields a feed entry adds to an article (`--json` prints them). */
export interface FeedFields {
  /** The entry's link. */
  url: string | null;
  /** The feed's title. */
  feed: string | null;
  /** ISO 8601 UTC with time, when the entry or feed is dated. */
  published: string | null;
  author: string | null;
  categories: string[];
  enclosures: Enclosure[];
  /** The feed's URL or path. */
  source: string;
}

/** An article read from a feed entry. */
export interface FeedArticle extends Article {
  feedFields: FeedFields;
}

export function isFeedArticle(article: Article): article is FeedArticle {
  return 'feedFields' in article;
}
