/**
 * `newsreader fetch [URL|TITLE...]`: fetch every subscribed feed (or the named ones). On a
 * terminal, stderr shows a progress bar; otherwise one summary line at the end. Each feed
 * that failed is named on stderr with its reason.
 */
import type Database from 'better-sqlite3';
import { fetchAll, type FeedOutcome } from '../library/subscriptions/fetch-all.js';
import { Subscriptions, type Subscription } from '../library/subscriptions/store.js';
import { withLibraryDb } from './library-store.js';
import { EXIT_ERROR, PROGRAM, commandArgs, printError, printWarnings, type GlobalOptions } from './output.js';
import { plural } from '../terminal/plural.js';
import { bar, StatusLine } from './progress.js';

export const FETCH_USAGE = `Usage: ${PROGRAM} fetch [--db FILE] [URL|TITLE...]

Fetch every subscribed feed, or those named by URL or title, and store their new
entries. At most 8 feeds are fetched at once and 2 from one host; a feed that has not
changed costs one short request. A feed that answered 410 Gone is no longer fetched; one
whose server asked to wait (Retry-After) is skipped until then. HTTPS_PROXY, HTTP_PROXY
and NO_PROXY are honoured.

Exit status: 0 when every feed was fetched or unchanged; 1 when some failed (each is
named on stderr); 2 on bad usage, an unknown feed name or an unusable library database.
`;


/** `fetched 40 feeds: 312 new, 2 failed`, with the gone and waiting ones when there are any. */
export function fetchSummary(outcomes: readonly FeedOutcome[]): string {
  const count = (status: FeedOutcome['status']): number => outcomes.filter((o) => o.status === status).length;
  const added = outcomes.reduce((sum, o) => sum + o.added, 0);
  const parts = [`${added} new`, `${count('failed')} failed`];
  if (count('gone') > 0) parts.push(`${count('gone')} gone`);
  if (count('waiting') > 0) parts.push(`${count('waiting')} waiting`);
  return `fetched ${plural(outcomes.length, 'feed', 'feeds')}: ${parts.join(', ')}`;
}

function progressBar(done: number, total: number, added: number): string {
  return `fetching ${bar(total === 0 ? 1 : done / total)} ${done}/${total}  ${added} new`;
}

/** The subscriptions the names mean, or null after naming those that match none. */
function choose(subscriptions: Subscriptions, names: readonly string[]): Subscription[] | null {
  if (names.length === 0) return subscriptions.list();
  const chosen = new Map<string, Subscription>();
  const unknown: string[] = [];
  for (const name of names) {
    const found = subscriptions.find(name);
    if (found.length === 0) unknown.push(name);
    for (const s of found) chosen.set(s.url, s);
  }
  for (const name of unknown) printError(`fetch: no subscription has the URL or title ${name} (see ${PROGRAM} feeds)`);
  return unknown.length > 0 ? null : [...chosen.values()];
}

async function fetchChosen(db: Database.Database, names: readonly string[], stream: NodeJS.WriteStream): Promise<number> {
  const chosen = choose(new Subscriptions(db), names);
  if (chosen === null) return EXIT_ERROR;
  if (chosen.length === 0) {
    stream.write(`${PROGRAM}: no subscriptions to fetch; add one with ${PROGRAM} add URL\n`);
    return 0;
  }
  const status = new StatusLine(stream);
  let added = 0;
  const outcomes = await fetchAll(db, chosen, {
    onFeedDone(outcome, done, total) {
      added += outcome.added;
      status.draw(() => progressBar(done, total, added), done === total);
    },
  });
  status.clear();
  let failed = false;
  for (const outcome of outcomes) {
    const name = outcome.title === outcome.url ? outcome.url : `${outcome.title} (${outcome.url})`;
    // A feed found gone on this fetch is news; one already known gone is only counted.
    const newlyGone = outcome.status === 'gone' && chosen.find((s) => s.url === outcome.url)?.gone !== true;
    if (outcome.status === 'failed' || newlyGone) {
      failed = true;
      printError(`fetch: ${name}: ${outcome.message ?? 'failed'}`);
    }
    printWarnings(outcome.warnings.map((message) => ({ path: outcome.url, message })));
  }
  stream.write(`${PROGRAM}: ${fetchSummary(outcomes)}\n`);
  return failed ? 1 : 0;
}

export async function fetchCommand(argv: string[], globals: GlobalOptions = {}, stream: NodeJS.WriteStream = process.stderr): Promise<number> {
  if (globals.json === true) {
    printError('fetch: --json applies to the listing, search and feeds, not to fetch (see fetch --help)');
    return EXIT_ERROR;
  }
  const parsed = commandArgs(argv, 'fetch', FETCH_USAGE);
  if (typeof parsed === 'number') return parsed;
  return withLibraryDb(parsed.values.db ?? globals.db, (db) => fetchChosen(db, parsed.positionals, stream));
}
