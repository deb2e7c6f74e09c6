/**
 * What `newsreader` and `newsreader search` read when no PATH is given: the subscribed
 * feeds' stored entries, or the bundled articles while there are no subscriptions.
 */
import { openStore } from '../library/store/open.js';
import { resolveDbPath } from '../library/store/paths.js';
import { subscribedUrls } from '../library/subscriptions/store.js';
import { bundledSeedsPath } from '../library/package-files.js';

export interface DefaultPaths {
  paths: string[];
  /** True when the paths are subscriptions, read from the store rather than fetched. */
  subscriptions: boolean;
}

export function defaultPaths(db: string | undefined): DefaultPaths {
  let urls: string[] = [];
  try {
    const store = openStore(resolveDbPath({ db }));
    try {
      urls = subscribedUrls(store.db);
    } finally {
      store.db.close();
    }
  } catch {
    // An unusable database is reported by the command that opens it next.
  }
  return urls.length > 0 ? { paths: urls, subscriptions: true } : { paths: [bundledSeedsPath()], subscriptions: false };
}
