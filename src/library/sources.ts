/**
 * Where articles come from, as the reader's sources pane and the query language's
 * `source:` both name them: each library root is one source, a subscribed feed by its
 * title, a feed file or URL named on the command line by the feed's own title, a folder or
 * a text file by its name. One naming for both, so choosing a source in the pane and
 * searching `source:"its name"` find the same articles.
 */
import type Database from 'better-sqlite3';
import path from 'node:path';
import { isFeedUrl } from './feed-names.js';
import { rootFilter } from './schema.js';
import { displayTitle, Subscriptions, type Subscription } from './subscriptions/store.js';
import { foldText, words } from '../unicode/fold.js';

export type SourceKind = 'feed' | 'folder' | 'file';

/** One source: a library root and what it is called. */
export interface SourceName {
  /** The root as the store keeps it: an absolute path or a feed URL. */
  root: string;
  name: string;
  kind: SourceKind;
  /** The subscription's tags (none for a path given on the command line). */
  tags: string[];
  subscription: Subscription | null;
}

/** The name of the folder or file at `root`, or of the host of a URL without a title. */
function baseName(root: string): string {
  if (isFeedUrl(root)) {
    try {
      return new URL(root).host;
    } catch {
      return root;
    }
  }
  return path.basename(root) || root;
}

/**
 * The sources of `roots`, in the order given; empty roots mean every subscription. A
 * root's feed title is read from its stored entries (the newest one that has one).
 */
export function sourceNames(db: Database.Database, roots: readonly string[]): SourceName[] {
  const subscriptions = new Map(new Subscriptions(db).list().map((s) => [s.url, s]));
  const chosen = roots.length > 0 ? roots : [...subscriptions.keys()];
  const feedTitle = db.prepare('SELECT feed FROM articles WHERE feed_file = ? AND feed IS NOT NULL LIMIT 1').pluck();
  const isFeedFile = db.prepare('SELECT 1 FROM articles WHERE feed_file = ? LIMIT 1').pluck();
  return chosen.map((root): SourceName => {
    const subscription = subscriptions.get(root) ?? null;
    if (subscription !== null) return { root, name: displayTitle(subscription), kind: 'feed', tags: subscription.tags, subscription };
    const title = feedTitle.get(root) as string | undefined;
    const feed = title !== undefined || isFeedUrl(root) || isFeedFile.get(root) !== undefined;
    const kind: SourceKind = feed ? 'feed' : path.extname(root) === '' ? 'folder' : 'file';
    return { root, name: title ?? baseName(root), kind, tags: [], subscription: null };
  });
}

/**
 * Whether a source's name holds the words of a `source:` term, next to each other and in
 * order (the last one as a prefix when `prefix`), as a phrase is found in text.
 */
export function nameMatches(name: string, wanted: readonly string[], prefix: boolean): boolean {
  if (wanted.length === 0) return false;
  const have = words(foldText(name));
  for (let start = 0; start + wanted.length <= have.length; start++) {
    const all = wanted.every((word, i) => {
      const got = have[start + i] ?? '';
      return i === wanted.length - 1 && prefix ? got.startsWith(word) : got === word;
    });
    if (all) return true;
  }
  return false;
}

/** The SQL condition (on `column`, a path) for the articles of these sources. */
export function sourcesFilter(roots: readonly string[], column: string): { sql: string; params: string[] } {
  return roots.length === 0 ? { sql: '0', params: [] } : rootFilter(roots, column);
}
