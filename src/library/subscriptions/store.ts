/**
 * The subscriptions table (migration 9): which feeds `newsreader fetch` keeps up to date,
 * their tags, and what the last fetch learnt (HTTP validators, error, gone, Retry-After).
 * A subscription's entries are feed rows whose feed_file is its URL.
 */
import type Database from 'better-sqlite3';

export interface Subscription {
  url: string;
  /** The title the user gave, or null to show the feed's own. */
  title: string | null;
  /** The feed's own title, from its last successful fetch. */
  feedTitle: string | null;
  tags: string[];
  addedAt: number;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  lastFetch: number | null;
  lastError: string | null;
  gone: boolean;
  retryAfter: number | null;
}

interface SubscriptionRow {
  url: string;
  title: string | null;
  feed_title: string | null;
  tags: string;
  added_at: number;
  etag: string | null;
  last_modified: string | null;
  body_hash: string | null;
  last_fetch: number | null;
  last_error: string | null;
  gone: number;
  retry_after: number | null;
}

function fromRow(row: SubscriptionRow): Subscription {
  let tags: unknown;
  try {
    tags = JSON.parse(row.tags);
  } catch {
    tags = [];
  }
  return {
    url: row.url,
    title: row.title,
    feedTitle: row.feed_title,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    bodyHash: row.body_hash,
    lastFetch: row.last_fetch,
    lastError: row.last_error,
    gone: row.gone !== 0,
    retryAfter: row.retry_after,
  };
}

/** The name a subscription is shown by: the user's title, the feed's, else its URL. */
export function displayTitle(subscription: Pick<Subscription, 'title' | 'feedTitle' | 'url'>): string {
  return subscription.title ?? subscription.feedTitle ?? subscription.url;
}

/**
 * Tags as stored: trimmed, no empty ones, no repeats, in the order given. A comma
 * separates tags (`--tag news,uk`), as in OPML's category attribute.
 */
export function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== ''))];
}

/** What a successful fetch leaves on the subscription. */
export interface FetchRecord {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  feedTitle?: string | null;
}

export class Subscriptions {
  constructor(private readonly db: Database.Database) {}

  list(): Subscription[] {
    const rows = this.db
      .prepare('SELECT * FROM subscriptions ORDER BY COALESCE(title, feed_title, url) COLLATE NOCASE, url')
      .all() as SubscriptionRow[];
    return rows.map(fromRow);
  }

  get(url: string): Subscription | null {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE url = ?').get(url) as SubscriptionRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Subscribe; false (and nothing changed) when the URL is already subscribed. */
  add(url: string, options: { title?: string | null; tags?: readonly string[]; addedAt?: number } = {}): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO subscriptions (url, title, tags, added_at) VALUES (?, ?, ?, ?)')
      .run(url, options.title ?? null, JSON.stringify(cleanTags(options.tags ?? [])), options.addedAt ?? Date.now());
    return result.changes > 0;
  }

  /**
   * The subscriptions a command-line name means: the one with that exact URL, else those
   * whose title (given or the feed's) is the name, ignoring case.
   */
  find(name: string): Subscription[] {
    const exact = this.get(name);
    if (exact) return [exact];
    const folded = name.trim().toLowerCase();
    return this.list().filter((s) => displayTitle(s).toLowerCase() === folded || s.feedTitle?.toLowerCase() === folded);
  }

  /** Unsubscribe and delete the feed's entries (their read and starred state stays, keyed by id). */
  remove(url: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM articles WHERE feed_file = ?').run(url);
      this.db.prepare('DELETE FROM subscriptions WHERE url = ?').run(url);
    }).immediate();
  }

  /** Entries stored for the feed, and how many of them are not read. */
  counts(url: string): { unread: number; total: number } {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COALESCE(SUM(COALESCE(s.read, 0) = 0), 0) AS unread
         FROM articles a LEFT JOIN user_state s ON s.id = a.id WHERE a.feed_file = ?`,
      )
      .get(url) as { total: number; unread: number };
    return row;
  }

  recordFetched(url: string, record: FetchRecord, at = Date.now()): void {
    this.db
      .prepare(
        `UPDATE subscriptions SET etag = ?, last_modified = ?, body_hash = ?, feed_title = COALESCE(?, feed_title),
         last_fetch = ?, last_error = NULL, retry_after = NULL WHERE url = ?`,
      )
      .run(record.etag, record.lastModified, record.bodyHash, record.feedTitle ?? null, at, url);
  }

  /** A 304: the validators a server sends again may be new; the rest stays. */
  recordUnchanged(url: string, validators: { etag: string | null; lastModified: string | null }, at = Date.now()): void {
    this.db
      .prepare(
        `UPDATE subscriptions SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
         last_fetch = ?, last_error = NULL, retry_after = NULL WHERE url = ?`,
      )
      .run(validators.etag, validators.lastModified, at, url);
  }

  recordError(url: string, message: string, retryAfter: number | null = null, at = Date.now()): void {
    this.db.prepare('UPDATE subscriptions SET last_fetch = ?, last_error = ?, retry_after = ? WHERE url = ?').run(at, message, retryAfter, url);
  }

  markGone(url: string, at = Date.now()): void {
    this.db.prepare("UPDATE subscriptions SET gone = 1, last_fetch = ?, last_error = 'gone (HTTP 410): no longer fetched' WHERE url = ?").run(at, url);
  }

  /**
   * A permanent redirect: the subscription and its entries take the new URL (an entry's id
   * does not depend on it, so read and starred state stay). When the new URL is already
   * subscribed, the two become one.
   */
  moveTo(oldUrl: string, newUrl: string): void {
    if (oldUrl === newUrl) return;
    this.db.transaction(() => {
      const taken = this.get(newUrl) !== null;
      if (taken) {
        this.db.prepare('DELETE FROM articles WHERE feed_file = ? AND id IN (SELECT id FROM articles WHERE feed_file = ?)').run(oldUrl, newUrl);
        this.db.prepare('DELETE FROM subscriptions WHERE url = ?').run(oldUrl);
      } else {
        this.db.prepare('UPDATE subscriptions SET url = ? WHERE url = ?').run(newUrl, oldUrl);
      }
      this.db
        .prepare(
          `UPDATE articles SET path = ? || substr(path, length(?) + 1), feed_file = ?, root = ?, source = ?
           WHERE feed_file = ?`,
        )
        .run(newUrl, oldUrl, newUrl, newUrl, newUrl, oldUrl);
    }).immediate();
  }
}

/** The URLs the library shows when no PATH is given: every subscription's. */
export function subscribedUrls(db: Database.Database): string[] {
  return db.prepare('SELECT url FROM subscriptions ORDER BY url').pluck().all() as string[];
}
