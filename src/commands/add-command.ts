/**
 * `newsreader add URL [--title T] [--tag T]...`: subscribe to a feed and store its entries.
 * A web page that is not a feed is searched for the feeds it names
 * (`<link rel="alternate">`): one is subscribed to, several are listed to choose from.
 */
import type Database from 'better-sqlite3';
import { decodeFeedBytes } from '../feed/decode.js';
import { alternateFeeds, sniffFeed } from '../feed/parse.js';
import { isFeedUrl } from '../library/feed-names.js';
import { storeBody } from '../library/subscriptions/fetch-all.js';
import { fetchFeedHttp, makeDispatcher, type HttpOutcome } from '../library/subscriptions/http.js';
import { displayTitle, Subscriptions } from '../library/subscriptions/store.js';
import { EntryWriter } from '../library/subscriptions/write-entries.js';
import { sanitize } from '../terminal/sanitize.js';
import { withLibraryDb } from './library-store.js';
import { commandArgsWith, EXIT_ERROR, HELP_OPTION, PROGRAM, printError, type GlobalOptions } from './output.js';

export const ADD_USAGE = `Usage: ${PROGRAM} add [--title TITLE] [--tag TAG]... [--db FILE] URL

Subscribe to the feed at URL (RSS, Atom, RDF or JSON Feed) and fetch it once. When URL is
a web page, the feed it names is subscribed to; when it names several, they are listed
and nothing is added: add the one you want.

Options:
  --title TITLE   show the feed by this title instead of its own
  --tag TAG       file the feed under TAG (repeat for more)
  --db FILE       the library database (default: NEWSREADER_DB, else the data folder)
  -h, --help      show this help

Exit status: 0 when subscribed (or already); 1 when URL could not be fetched, is not a
feed, or names several feeds; 2 on bad usage or an unusable library database.
`;

type Body = Extract<HttpOutcome, { kind: 'body' }>;

/** The feeds a fetched HTML page names, or null when the body is not an HTML page. */
function pageFeeds(body: Body): string[] | null {
  const text = decodeFeedBytes(body.bytes, body.charset).text.replace(/^\ufeff/, '');
  return sniffFeed(text) === 'html' ? alternateFeeds(text, body.finalUrl) : null;
}

async function subscribe(db: Database.Database, given: string, title: string | null, tags: string[]): Promise<number> {
  const subscriptions = new Subscriptions(db);
  const dispatcher = makeDispatcher();
  try {
    let url = given;
    for (let discovered = false; ; discovered = true) {
      const known = subscriptions.get(url);
      if (known) {
        process.stderr.write(`${PROGRAM}: already subscribed to ${sanitize(displayTitle(known))} (${sanitize(url)})\n`);
        return 0;
      }
      const result = await fetchFeedHttp(url, { etag: null, lastModified: null }, { dispatcher });
      if (result.kind === 'gone') {
        printError(`add: ${url}: gone (HTTP 410)`);
        return 1;
      }
      if (result.kind !== 'body') {
        printError(`add: ${url}: ${result.kind === 'error' ? result.message : 'not modified'}`);
        return 1;
      }
      const feeds = discovered ? null : pageFeeds(result);
      if (feeds !== null) {
        if (feeds.length === 0) {
          printError(`add: ${url}: a web page that names no feed`);
          return 1;
        }
        if (feeds.length > 1) {
          printError(`add: ${url}: a web page naming ${feeds.length} feeds; add one of them:`);
          process.stdout.write(feeds.map((feed) => `${sanitize(feed)}\n`).join(''));
          return 1;
        }
        url = feeds[0] ?? url;
        continue;
      }
      // A feed that moved for good is subscribed to at its new address.
      const at = result.movedTo ?? url;
      if (subscriptions.get(at) !== null) {
        process.stderr.write(`${PROGRAM}: already subscribed to ${sanitize(at)}\n`);
        return 0;
      }
      subscriptions.add(at, { title, tags });
      const stored = storeBody(subscriptions, new EntryWriter(db), at, null, result);
      if (stored.status === 'failed') {
        subscriptions.remove(at);
        printError(`add: ${url}: ${stored.message ?? 'not a feed'}`);
        return 1;
      }
      const subscription = subscriptions.get(at);
      const name = subscription ? displayTitle(subscription) : at;
      process.stdout.write(`subscribed to ${sanitize(name)} (${sanitize(at)}): ${stored.added} ${stored.added === 1 ? 'entry' : 'entries'}\n`);
      return 0;
    }
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

export async function addCommand(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  const parsed = commandArgsWith(argv, 'add', ADD_USAGE, {
    title: { type: 'string' },
    tag: { type: 'string', multiple: true },
    db: { type: 'string' },
    help: HELP_OPTION,
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !isFeedUrl(positionals[0] ?? '')) {
    printError('add: one http:// or https:// URL is needed (see add --help)');
    return EXIT_ERROR;
  }
  const title = values.title?.trim() || null;
  return withLibraryDb(values.db ?? globals.db, (db) => subscribe(db, positionals[0] ?? '', title, values.tag ?? []));
}
