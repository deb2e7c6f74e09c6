/**
 * Fetch many subscriptions at once, politely: at most MAX_PARALLEL feeds in flight and
 * MAX_PER_HOST to one host, a gone feed (410) or one a server asked to wait (Retry-After)
 * skipped. Each feed's outcome is written as it arrives; one feed's failure is recorded
 * on it and never stops the others nor touches its stored entries.
 */
import type Database from 'better-sqlite3';
import { parseFeedBytes } from '../../feed/parse.js';
import { feedToArticles } from '../../feed/to-articles.js';
import { fetchFeedHttp, makeDispatcher, type HttpOptions, type HttpOutcome } from './http.js';
import { displayTitle, Subscriptions, type Subscription } from './store.js';
import { vocabularyComplete, VocabularyWriter } from '../store/vocabulary.js';
import { EntryWriter } from './write-entries.js';
import { contentHash } from '../read-file.js';

export const MAX_PARALLEL = 8;

/**
 * From this many feeds, the vocabulary is read again from the index once at the end
 * instead of counted entry by entry (100 feeds of 100 entries: see bench/subscriptions.bench.ts).
 */
const BULK_FEEDS = 20;
export const MAX_PER_HOST = 2;

export type FeedStatus = 'new' | 'unchanged' | 'failed' | 'gone' | 'waiting';

export interface FeedOutcome {
  /** The subscription's URL after the fetch (a permanent redirect changes it). */
  url: string;
  title: string;
  status: FeedStatus;
  /** Entries not in the library before. */
  added: number;
  /** Why it failed, or until when it waits. */
  message: string | null;
  warnings: string[];
}

export interface FetchAllOptions extends Partial<Pick<HttpOptions, 'totalTimeoutMs' | 'maxBytes'>> {
  connectTimeoutMs?: number;
  onFeedDone?: (outcome: FeedOutcome, done: number, total: number) => void;
  now?: () => number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Fetch one subscription and record the outcome in the store. */
async function fetchOne(
  subscription: Subscription,
  subscriptions: Subscriptions,
  writer: EntryWriter,
  http: HttpOptions,
  now: () => number,
): Promise<FeedOutcome> {
  let url = subscription.url;
  const title = displayTitle(subscription);
  const base = { title, added: 0, message: null, warnings: [] as string[] };
  const validators = { etag: subscription.etag, lastModified: subscription.lastModified };
  const result = await fetchFeedHttp(url, validators, http);
  if (result.movedTo !== null && result.movedTo !== url) {
    subscriptions.moveTo(url, result.movedTo);
    url = result.movedTo;
  }
  switch (result.kind) {
    case 'unchanged':
      subscriptions.recordUnchanged(url, result.validators, now());
      return { ...base, url, status: 'unchanged' };
    case 'gone':
      subscriptions.markGone(url, now());
      return { ...base, url, status: 'gone', message: 'gone (HTTP 410): no longer fetched' };
    case 'error':
      subscriptions.recordError(url, result.message, result.retryAfter, now());
      return { ...base, url, status: 'failed', message: result.message };
    case 'body':
      break;
  }
  return { ...base, ...storeBody(subscriptions, writer, url, subscription.bodyHash, result, now) };
}

/**
 * A feed body fetched for the subscription at `url`: parsed and its entries stored, or
 * its failure recorded. `knownHash` is the last stored body's, to skip one sent again.
 */
export function storeBody(
  subscriptions: Subscriptions,
  writer: EntryWriter,
  url: string,
  knownHash: string | null,
  result: Extract<HttpOutcome, { kind: 'body' }>,
  now: () => number = Date.now,
): Pick<FeedOutcome, 'url' | 'status' | 'added' | 'message' | 'warnings'> {
  const hash = contentHash(result.bytes);
  if (hash === knownHash) {
    // A server without validators sent the same bytes again.
    subscriptions.recordFetched(url, { ...result.validators, bodyHash: hash }, now());
    return { url, status: 'unchanged', added: 0, message: null, warnings: [] };
  }
  const parsed = parseFeedBytes(result.bytes, result.finalUrl, result.charset);
  if ('error' in parsed) {
    subscriptions.recordError(url, parsed.error, null, now());
    return { url, status: 'failed', added: 0, message: parsed.error, warnings: [] };
  }
  const articles = feedToArticles(parsed.document, { source: url, section: null, readAt: new Date(now()) });
  const stored = writer.store(url, articles, hash, result.bytes.byteLength);
  subscriptions.recordFetched(url, { ...result.validators, bodyHash: hash, feedTitle: parsed.document.title }, now());
  return { url, status: 'new', added: stored.added, message: null, warnings: [...parsed.document.warnings] };
}

export async function fetchAll(db: Database.Database, chosen: readonly Subscription[], options: FetchAllOptions = {}): Promise<FeedOutcome[]> {
  const now = options.now ?? Date.now;
  const subscriptions = new Subscriptions(db);
  // A vocabulary already left incomplete (an index stopped midway) is rebuilt by the next refresh.
  const bulk = chosen.length >= BULK_FEEDS && vocabularyComplete(db);
  const vocabulary = new VocabularyWriter(db);
  if (bulk) vocabulary.markIncomplete();
  const writer = new EntryWriter(db, !bulk);
  const dispatcher = makeDispatcher(options.connectTimeoutMs);
  const http: HttpOptions = {
    dispatcher,
    now,
    ...(options.totalTimeoutMs === undefined ? {} : { totalTimeoutMs: options.totalTimeoutMs }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  };
  const outcomes: FeedOutcome[] = new Array<FeedOutcome>(chosen.length);
  let done = 0;
  const finish = (index: number, outcome: FeedOutcome): void => {
    outcomes[index] = outcome;
    done++;
    options.onFeedDone?.(outcome, done, chosen.length);
  };

  const waiting: number[] = [];
  chosen.forEach((subscription, index) => {
    const skipped = { url: subscription.url, title: displayTitle(subscription), added: 0, warnings: [] };
    if (subscription.gone) finish(index, { ...skipped, status: 'gone', message: 'gone (HTTP 410): no longer fetched' });
    else if (subscription.retryAfter !== null && subscription.retryAfter > now()) {
      finish(index, { ...skipped, status: 'waiting', message: `the server asked to wait until ${new Date(subscription.retryAfter).toISOString()}` });
    } else waiting.push(index);
  });

  const perHost = new Map<string, number>();
  let running = 0;
  await new Promise<void>((resolve) => {
    const next = (): void => {
      if (waiting.length === 0 && running === 0) {
        resolve();
        return;
      }
      while (running < MAX_PARALLEL) {
        // The first waiting feed whose host has a free slot.
        const at = waiting.findIndex((index) => (perHost.get(hostOf(chosen[index]?.url ?? '')) ?? 0) < MAX_PER_HOST);
        if (at < 0) return;
        const index = waiting.splice(at, 1)[0] ?? 0;
        const subscription = chosen[index];
        if (!subscription) continue;
        const host = hostOf(subscription.url);
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        running++;
        fetchOne(subscription, subscriptions, writer, http, now)
          .catch((error: unknown): FeedOutcome => {
            // A store error on one feed (a full disk) is that feed's failure.
            const message = error instanceof Error ? error.message : String(error);
            return { url: subscription.url, title: displayTitle(subscription), status: 'failed', added: 0, message, warnings: [] };
          })
          .then((outcome) => {
            running--;
            perHost.set(host, (perHost.get(host) ?? 1) - 1);
            finish(index, outcome);
            next();
          });
      }
    };
    next();
  });
  await dispatcher.close().catch(() => undefined);
  if (bulk) {
    // Nothing waits on this thread: one scan of the index, in one transaction.
    if (outcomes.some((o) => o.added > 0)) await vocabulary.rebuild(async () => true, Number.POSITIVE_INFINITY);
    else vocabulary.markComplete();
  }
  return outcomes;
}
