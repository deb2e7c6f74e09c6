/**
 * `newsreader unread [PATH...]`: how many articles of the library are unread, as one number
 * and a newline, for status bars and scripts (`--json`: `{"unread":N,"total":M}`). The
 * library is the one `newsreader` opens for the same PATHs (with none: the subscriptions,
 * else the bundled articles), refreshed from its files first, never fetched.
 */
import { defaultPaths } from './default-paths.js';
import { commandArgsWith, EXIT_ERROR, HELP_OPTION, PROGRAM, writeOut, type GlobalOptions } from './output.js';
import { openRefreshedLibrary } from './refreshed-library.js';

export const UNREAD_USAGE = `Usage: ${PROGRAM} unread [--json] [--db FILE] [PATH...]

Print how many articles under the PATHs are unread (default: the subscribed feeds'
entries, else the bundled articles): one number and a newline, for status bars.
With --json: {"unread":N,"total":M}.
`;

export async function unreadCommand(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  const parsed = commandArgsWith(argv, 'unread', UNREAD_USAGE, { json: { type: 'boolean' }, db: { type: 'string' }, help: HELP_OPTION });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const db = values.db ?? globals.db;
  const { paths: fallback, subscriptions } = positionals.length > 0 ? { paths: positionals, subscriptions: false } : defaultPaths(db);
  const library = await openRefreshedLibrary(fallback, db, !subscriptions);
  if (library === null) return EXIT_ERROR;
  try {
    const unread = library.count({ sort: 'newest', unreadOnly: true });
    const total = library.count({ sort: 'newest' });
    await writeOut((values.json ?? globals.json) ? `${JSON.stringify({ unread, total })}\n` : `${unread}\n`);
    return 0;
  } finally {
    library.close();
  }
}
