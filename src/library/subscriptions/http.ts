/**
 * One polite HTTP fetch of a subscribed feed with Node's fetch: conditional GET from the
 * stored validators, compressed bodies, a User-Agent naming the program, redirects
 * followed by hand (at most MAX_REDIRECTS) so a permanent one can move the subscription,
 * Retry-After read on 429/503, a connect and a total timeout, and the body read to a cap
 * while it streams (a compressed body is capped after decompression).
 */
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { MAX_FEED_BYTES } from '../../feed/parse.js';
import { packageVersion } from '../package-files.js';

export const MAX_REDIRECTS = 5;
export const CONNECT_TIMEOUT_MS = 10_000;
export const TOTAL_TIMEOUT_MS = 30_000;
/** Connections kept to one host at most, whatever the number of its feeds. */
export const CONNECTIONS_PER_HOST = 2;

export interface HttpOptions {
  dispatcher: Dispatcher;
  totalTimeoutMs?: number;
  maxBytes?: number;
  now?: () => number;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type HttpOutcome = {
  /** Where 301/308 redirects from the start ended, when they did move the feed; else null. */
  movedTo: string | null;
} & (
  | { kind: 'body'; bytes: Uint8Array; finalUrl: string; charset: string | null; validators: Validators }
  | { kind: 'unchanged'; validators: Validators }
  | { kind: 'gone' }
  | { kind: 'error'; message: string; retryAfter: number | null }
);

/** The User-Agent of every request: the program and its version, and where to read about it. */
let agent: string | null = null;
export function userAgent(): string {
  // Read once: the version comes from package.json on disk.
  agent ??= `newsreader/${packageVersion()} (+https://www.npmjs.com/package/newsreader)`;
  return agent;
}

/** The charset a Content-Type header names, or null. */
export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match?.[1] ?? null;
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

/** The dispatcher for a run of fetches: proxies from HTTPS_PROXY/HTTP_PROXY/NO_PROXY, two connections a host. */
export function makeDispatcher(connectTimeoutMs = CONNECT_TIMEOUT_MS): Dispatcher {
  return new EnvHttpProxyAgent({ connections: CONNECTIONS_PER_HOST, connect: { timeout: connectTimeoutMs } });
}

/** Retry-After as a time (ms since the epoch): delay-seconds or an HTTP date; null if absent or unreadable. */
export function retryAfterTime(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return now + Number(value) * 1000;
  // An HTTP date names its day or month; Date.parse alone would take '-5' for a year.
  if (!/[a-z]/i.test(value)) return null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

function describeError(error: unknown, totalTimeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no complete response within ${totalTimeoutMs / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as (Error & { code?: string }) | undefined) : undefined;
  if (cause?.code === 'UND_ERR_CONNECT_TIMEOUT') return 'connect timeout';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host not found';
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return 'connection reset';
  if (cause?.code) return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

const discard = async (response: Response): Promise<void> => {
  await response.body?.cancel().catch(() => undefined);
};

export async function fetchFeedHttp(url: string, validators: Validators, options: HttpOptions): Promise<HttpOutcome> {
  const totalTimeoutMs = options.totalTimeoutMs ?? TOTAL_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  const now = options.now ?? Date.now;
  const signal = AbortSignal.timeout(totalTimeoutMs);
  let current = url;
  // Follows the chain while every hop is permanent; a temporary hop freezes it.
  let permanent: string | null = null;
  let stillPermanent = true;
  const seen = new Set<string>([url]);
  try {
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        'user-agent': userAgent(),
      };
      if (validators.etag !== null) headers['if-none-match'] = validators.etag;
      if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
      // Node's fetch takes an undici dispatcher; its bundled undici types differ from the package's.
      const init = { headers, redirect: 'manual', signal, dispatcher: options.dispatcher } as unknown as RequestInit;
      const response = await fetch(current, init);
      const movedTo = permanent;
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await discard(response);
        const location = response.headers.get('location');
        if (location === null) return { kind: 'error', message: `HTTP ${response.status} without a Location`, retryAfter: null, movedTo };
        const next = new URL(location, current).href;
        if (seen.has(next)) return { kind: 'error', message: `redirect loop at ${next}`, retryAfter: null, movedTo };
        if (hop + 1 > MAX_REDIRECTS) return { kind: 'error', message: `more than ${MAX_REDIRECTS} redirects`, retryAfter: null, movedTo };
        seen.add(next);
        if (stillPermanent && (response.status === 301 || response.status === 308)) permanent = next;
        else stillPermanent = false;
        current = next;
        continue;
      }
      const got: Validators = { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
      if (response.status === 304) {
        await discard(response);
        return { kind: 'unchanged', validators: got, movedTo };
      }
      if (response.status === 410) {
        await discard(response);
        return { kind: 'gone', movedTo };
      }
      if (!response.ok) {
        await discard(response);
        const retryAfter = response.status === 429 || response.status === 503 ? retryAfterTime(response.headers.get('retry-after'), now()) : null;
        const message = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        return { kind: 'error', message, retryAfter, movedTo };
      }
      const tooLarge = { kind: 'error' as const, message: `larger than ${maxBytes / 1024 / 1024} MiB, not read`, retryAfter: null, movedTo };
      // A declared length says it at once; a compressed or undeclared one is counted as it streams.
      if (response.headers.get('content-encoding') === null && Number(response.headers.get('content-length') ?? 0) > maxBytes) {
        await discard(response);
        return tooLarge;
      }
      const bytes = await readBody(response, maxBytes);
      if (bytes === null) return tooLarge;
      return { kind: 'body', bytes, finalUrl: current, charset: charsetOf(response.headers.get('content-type')), validators: got, movedTo };
    }
  } catch (error) {
    return { kind: 'error', message: describeError(error, totalTimeoutMs), retryAfter: null, movedTo: permanent };
  }
}
