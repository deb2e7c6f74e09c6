/**
 * `newsreader https://…`: one fetch of a feed URL, no subscription, through the HTTP
 * client subscriptions use (subscriptions/http.ts). The HTTP charset overrides the XML
 * declaration, and relative links resolve against the URL the redirects ended at.
 */
import type { Article } from '../article/types.js';
import { parseFeedBytes } from '../feed/parse.js';
import { feedToArticles } from '../feed/to-articles.js';
import { contentHash } from './read-file.js';
import { fetchFeedHttp, makeDispatcher } from './subscriptions/http.js';

export type FetchResult =
  /** The feed's entries; `bytes` and `hash` describe the body, for the store. */
  | { articles: Article[]; warnings: string[]; bytes: number; hash: string }
  | { error: string };

export async function fetchFeed(url: string, readAt = new Date()): Promise<FetchResult> {
  // The same request as a subscription's (redirects, timeouts, size cap, proxies from the
  // environment), without validators: nothing is kept of a one-off read.
  const dispatcher = makeDispatcher();
  try {
    const outcome = await fetchFeedHttp(url, { etag: null, lastModified: null }, { dispatcher });
    if (outcome.kind === 'gone') return { error: 'HTTP 410 Gone' };
    if (outcome.kind === 'error') return { error: outcome.message };
    if (outcome.kind === 'unchanged') return { error: 'HTTP 304 Not Modified to a request without validators' };
    const { bytes } = outcome;
    const parsed = parseFeedBytes(bytes, outcome.finalUrl, outcome.charset);
    if ('error' in parsed) return { error: parsed.error };
    const articles = feedToArticles(parsed.document, { source: url, section: null, readAt });
    const warnings = [...parsed.document.warnings];
    if (articles.length === 0) warnings.push('a feed with no entries');
    return { articles, warnings, bytes: bytes.byteLength, hash: contentHash(bytes) };
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}
