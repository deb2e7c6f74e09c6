/** `newsreader remove URL|TITLE`: unsubscribe, deleting the feed's stored entries. */
import { displayTitle, Subscriptions } from '../library/subscriptions/store.js';
import { sanitize } from '../terminal/sanitize.js';
import { withLibraryDb } from './library-store.js';
import { EXIT_ERROR, PROGRAM, commandArgs, printError, type GlobalOptions } from './output.js';

export const REMOVE_USAGE = `Usage: ${PROGRAM} remove [--db FILE] URL|TITLE

Unsubscribe from a feed, named by its URL or its title (any case), and delete its
entries from the library. Read and starred marks are kept should it come back.

Exit status: 0 when removed; 1 when no feed, or more than one, has that name;
2 on bad usage or an unusable library database.
`;

export async function removeCommand(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  const parsed = commandArgs(argv, 'remove', REMOVE_USAGE);
  if (typeof parsed === 'number') return parsed;
  const [name, ...rest] = parsed.positionals;
  if (name === undefined || rest.length > 0) {
    printError('remove: one URL or TITLE is needed (see remove --help)');
    return EXIT_ERROR;
  }
  return withLibraryDb(parsed.values.db ?? globals.db, (db) => {
    const subscriptions = new Subscriptions(db);
    const found = subscriptions.find(name);
    if (found.length === 0) {
      printError(`remove: no subscription has the URL or title ${name} (see ${PROGRAM} feeds)`);
      return 1;
    }
    if (found.length > 1) {
      printError(`remove: ${found.length} subscriptions are titled ${name}; name one by its URL:`);
      process.stderr.write(found.map((s) => `  ${sanitize(s.url)}\n`).join(''));
      return 1;
    }
    const [subscription] = found;
    if (!subscription) return 1;
    const { total } = subscriptions.counts(subscription.url);
    subscriptions.remove(subscription.url);
    process.stdout.write(
      `removed ${sanitize(displayTitle(subscription))} (${sanitize(subscription.url)}) and its ${total} ${total === 1 ? 'entry' : 'entries'}\n`,
    );
    return 0;
  });
}
