/**
 * What `newsreader` and `newsreader search` read when no PATH is given: the config file's
 * `paths` with the subscribed feeds' stored entries; without `paths`, the subscribed feeds,
 * or the bundled articles while there are no subscriptions.
 */
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../library/store/migrations.js';
import { resolveDbPath } from '../library/store/paths.js';
import { subscribedUrls } from '../library/subscriptions/store.js';
import { bundledSeedsPath } from '../library/package-files.js';

export interface DefaultPaths {
  paths: string[];
  /** True when the paths are subscriptions, read from the store rather than fetched. */
  subscriptions: boolean;
}

/**
 * The subscriptions stored in a library, read only: nothing is created, migrated or moved
 * aside here. A missing, foreign or damaged file has none; the command that opens the
 * library next creates it, refuses it or moves it aside, and says so.
 */
function storedSubscriptions(file: string): string[] {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return db.pragma('application_id', { simple: true }) === APPLICATION_ID ? subscribedUrls(db) : [];
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

export function defaultPaths(db: string | undefined, configured: readonly string[] | null = null): DefaultPaths {
  const urls = storedSubscriptions(resolveDbPath({ db }));
  if (configured !== null) return { paths: [...configured, ...urls.filter((u) => !configured.includes(u))], subscriptions: urls.length > 0 };
  return urls.length > 0 ? { paths: urls, subscriptions: true } : { paths: [bundledSeedsPath()], subscriptions: false };
}
