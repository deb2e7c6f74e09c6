/**
 * `newsreader https://…`: one fetch of a feed URL with Node's fetch, no subscription. The
 * body is read to at most MAX_FEED_BYTES, the HTTP charset overrides the XML declaration,
 * and relative links resolve against the URL the redirects ended at.
 */
import type { Article } from '../article/types.js';
import { MAX_FEED_BYTES, parseFeedBytes } from '../feed/parse.js';
import { feedToArticles } from '../feed/to-articles.js';
import { packageVersion } from './package-files.js';
import { contentHash } from './read-file.js';

/** A slow server gets this long for the whole response. */
export const FETCH_TIMEOUT_MS = 30_000;

export type FetchResult =
  /** The feed's entries; `bytes` and `hash` describe the body, for the store. */
  | { articles: Article[]; warnings: string[]; bytes: number; hash: string }
  | { error: string };

/** The User-Agent of every request: the program and its version, and where to read about it. */
let agent: string | null = null;
export function userAgent(): string {
  // Read once: the version comes from package.json on disk.
  agent ??= `newsreader/${packageVersion()} (+https://www.npmjs.com/package/newsreader)`;
  return agent;
}


export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no response within ${FETCH_TIMEOUT_MS / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as NodeJS.ErrnoException | undefined) : undefined;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host not found';
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ECONNRESET') return 'connection reset';
  if (cause?.code) return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Read a response body, stopping (null) once it passes `limit` bytes. */
export async function readBody(response: Response, limit: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

export async function fetchFeed(url: string, readAt = new Date()): Promise<FetchResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        'user-agent': userAgent(),
      },
    });
  } catch (error) {
    return { error: describeFetchError(error) };
  }
  const tooLarge = { error: `feed larger than ${MAX_FEED_BYTES / 1024 / 1024} MiB, not read` };
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  }
  if (Number(response.headers.get('content-length') ?? 0) > MAX_FEED_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readBody(response, MAX_FEED_BYTES);
  } catch (error) {
    return { error: describeFetchError(error) };
  }
  if (bytes === null) return tooLarge;
  const parsed = parseFeedBytes(bytes, response.url || url, charsetOf(response.headers.get('content-type')));
  if ('error' in parsed) return { error: parsed.error };
  const articles = feedToArticles(parsed.document, { source: url, section: null, readAt });
  const warnings = [...parsed.document.warnings];
  if (articles.length === 0) warnings.push('a feed with no entries');
  const hash = contentHash(bytes);
  return { articles, warnings, bytes: bytes.byteLength, hash };
}
