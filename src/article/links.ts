/**
 * The web links in an article, for the reader's link list: every http(s) URL in its text
 * in reading order, once each. A feed entry's content links are already listed in its
 * text as numbered references (`[1] https://…`), after its own link (`Link: …`) and its
 * enclosures (`Enclosure: …`); those lines give each link its label.
 */
import type { Article } from './types.js';

export interface ArticleLink {
  url: string;
  /** What the article calls it: `[1]`, `link`, `enclosure`, or null for a URL in the text. */
  label: string | null;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the URL standing before it. */
// Escaped: one non-ASCII character in a regular expression keeps a whole bundled chunk's source
// two bytes a character in memory (esbuild escapes strings, not regular expressions).
const TRAILING = /[.,;:!?'"\u2019\u201d]+$/;

/** A URL as written in running text, without the punctuation after it. */
function trimUrl(found: string): string {
  let url = found.replace(TRAILING, '');
  // A closing bracket belongs to the URL only when the URL opened one: (see https://a.b/c).
  for (const [open, close] of [['(', ')'], ['[', ']'], ['{', '}']] as const) {
    while (url.endsWith(close) && url.split(open).length < url.split(close).length) url = url.slice(0, -1).replace(TRAILING, '');
  }
  return url;
}

function labelOf(line: string, at: number): string | null {
  const before = line.slice(0, at).trim();
  if (before === 'Link:') return 'link';
  if (before === 'Enclosure:') return 'enclosure';
  if (/^\[\d+\]$/.test(before)) return before;
  return null;
}

export function articleLinks(article: Article, first: string | null = null): ArticleLink[] {
  const links: ArticleLink[] = [];
  const seen = new Set<string>();
  const add = (url: string, label: string | null): void => {
    if (seen.has(url)) return;
    seen.add(url);
    links.push({ url, label });
  };
  if (first !== null) add(first, 'link');
  for (const block of article.blocks) {
    for (const line of block.lines) {
      for (const match of line.matchAll(URL_PATTERN)) add(trimUrl(match[0]), labelOf(line, match.index));
    }
  }
  return links;
}
