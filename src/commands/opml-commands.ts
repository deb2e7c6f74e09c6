/**
 * `newsreader import FILE.opml` adds the feeds of an OPML subscription list (folders become
 * tags; feeds already subscribed are skipped) and reports what it added;
 * `newsreader export` writes the subscriptions as OPML 2.0 on stdout.
 */
import { readFileSync } from 'node:fs';
import { readOpml, writeOpml } from '../library/subscriptions/opml.js';
import { Subscriptions } from '../library/subscriptions/store.js';
import { sanitize } from '../terminal/sanitize.js';
import { withLibraryDb } from './library-store.js';
import { EXIT_ERROR, PROGRAM, commandArgs, printError, printWarnings, writeOut, type GlobalOptions } from './output.js';

export const IMPORT_USAGE = `Usage: ${PROGRAM} import [--db FILE] FILE.opml

Subscribe to every feed in an OPML (1.0 or 2.0) subscription list, as exported by most
feed readers. The folders a feed is in, and its category, become its tags. Feeds
already subscribed are skipped. Nothing is fetched: run ${PROGRAM} fetch next.

Exit status: 0 when the list was read (even if every feed was already subscribed);
2 on bad usage, a file that cannot be read or is not OPML, or an unusable library database.
`;

export const EXPORT_USAGE = `Usage: ${PROGRAM} export [--db FILE] > feeds.opml

Write the subscriptions as an OPML 2.0 document on stdout, one outline a feed with its
tags as its category; ${PROGRAM} import reads it back as the same list.
`;

function readFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
    printError(`import: ${file}: ${why}`);
    return null;
  }
}

export async function importCommand(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  const parsed = commandArgs(argv, 'import', IMPORT_USAGE);
  if (typeof parsed === 'number') return parsed;
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0) {
    printError('import: one OPML FILE is needed (see import --help)');
    return EXIT_ERROR;
  }
  const text = readFile(file);
  if (text === null) return EXIT_ERROR;
  const list = readOpml(text);
  if (list === null) {
    printError(`import: ${file}: not an OPML document`);
    return EXIT_ERROR;
  }
  printWarnings(list.warnings.map((message) => ({ path: file, message })));
  return withLibraryDb(parsed.values.db ?? globals.db, async (db) => {
    const subscriptions = new Subscriptions(db);
    const added: string[] = [];
    let skipped = 0;
    db.transaction(() => {
      for (const feed of list.feeds) {
        if (subscriptions.add(feed.url, { title: feed.title, tags: feed.tags })) {
          const tags = feed.tags.length > 0 ? ` [${feed.tags.join(', ')}]` : '';
          added.push(`added ${sanitize(feed.title ?? feed.url)} (${sanitize(feed.url)})${sanitize(tags)}\n`);
        } else skipped++;
      }
    }).immediate();
    await writeOut(added.join(''));
    const skippedText = skipped > 0 ? `, skipped ${skipped} already subscribed` : '';
    process.stderr.write(`${PROGRAM}: imported ${added.length} ${added.length === 1 ? 'feed' : 'feeds'}${skippedText}\n`);
    return 0;
  });
}

export async function exportCommand(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  const parsed = commandArgs(argv, 'export', EXPORT_USAGE);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length > 0) {
    printError('export: no arguments are taken; the OPML goes to stdout (see export --help)');
    return EXIT_ERROR;
  }
  return withLibraryDb(parsed.values.db ?? globals.db, async (db) => {
    await writeOut(writeOpml(new Subscriptions(db).list()));
    return 0;
  });
}
