/**
 * `newsreader feeds`: the subscriptions, one a line: title, URL, tags, unread/total,
 * last fetch and last error, tab-separated (or one JSON object a line with --json).
 */
import { displayTitle, Subscriptions, type Subscription } from '../library/subscriptions/store.js';
import { escapeUnsafeInJson, sanitize } from '../terminal/sanitize.js';
import { withLibraryDb } from './library-store.js';
import { commandArgsWith, HELP_OPTION, PROGRAM, writeOut, type GlobalOptions } from './output.js';

export const FEEDS_USAGE = `Usage: ${PROGRAM} feeds [--json] [--db FILE]

List the subscribed feeds, one a line, tab-separated: title, URL, tags (comma-separated,
- for none), unread/total entries, last fetch (UTC, or never) and the last fetch's
error (- for none). With --json, one JSON object a line.
`;

interface FeedListing {
  title: string;
  url: string;
  tags: string[];
  unread: number;
  total: number;
  lastFetch: string | null;
  lastError: string | null;
  gone: boolean;
}

function listing(subscription: Subscription, counts: { unread: number; total: number }): FeedListing {
  return {
    title: displayTitle(subscription),
    url: subscription.url,
    tags: subscription.tags,
    unread: counts.unread,
    total: counts.total,
    lastFetch: subscription.lastFetch === null ? null : new Date(subscription.lastFetch).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    lastError: subscription.lastError,
    gone: subscription.gone,
  };
}

function line(feed: FeedListing): string {
  const fields = [
    feed.title,
    feed.url,
    feed.tags.length > 0 ? feed.tags.join(',') : '-',
    `${feed.unread}/${feed.total}`,
    feed.lastFetch ?? 'never',
    feed.lastError ?? '-',
  ];
  return fields.map((f) => sanitize(f)).join('\t');
}

export async function feedsCommand(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  const parsed = commandArgsWith(argv, 'feeds', FEEDS_USAGE, { json: { type: 'boolean' }, db: { type: 'string' }, help: HELP_OPTION });
  if (typeof parsed === 'number') return parsed;
  const json = parsed.values.json ?? globals.json ?? false;
  return withLibraryDb(parsed.values.db ?? globals.db, async (db) => {
    const subscriptions = new Subscriptions(db);
    const feeds = subscriptions.list().map((s) => listing(s, subscriptions.counts(s.url)));
    if (feeds.length === 0 && !json) process.stderr.write(`${PROGRAM}: no subscriptions yet; add one with ${PROGRAM} add URL\n`);
    const format = json ? (feed: FeedListing) => escapeUnsafeInJson(JSON.stringify(feed)) : line;
    await writeOut(feeds.map((feed) => `${format(feed)}\n`).join(''));
    return 0;
  });
}
