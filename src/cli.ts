/**
 * `newsreader`: argument parsing and dispatch. With a terminal on both ends it opens the
 * reader; otherwise it prints the articles for scripts. Every failure leaves as one line on
 * stderr and a non-zero exit, never a stack trace.
 */
import { indexCommand } from './commands/index-command.js';
import { listArticles } from './commands/list.js';
import { PROGRAM, parseCommandArgs, printError } from './commands/output.js';
import { searchCommand } from './commands/search-command.js';
import { MissingPathError } from './library/find.js';
import { bundledSeedsPath, packageVersion } from './package-files.js';

const USAGE = `Usage: ${PROGRAM} [options] [PATH...]
       ${PROGRAM} index [--db FILE] [PATH...]

A fast, keyboard-driven reader for news articles stored as text files and web feeds.
Each PATH is an article file, a feed file (RSS, Atom, RDF, JSON Feed), a feed URL
(https://...), or a folder searched recursively for *.txt and feed files.
With no PATH, the articles bundled with ${PROGRAM} are opened.

Commands:
  search QUERY [PATH...]   ranked full-text search (see ${PROGRAM} search --help)

Options:
  --json          print one JSON object per article (date descending, then path)
  --db FILE       the library database (default: NEWSREADER_DB, else the data folder)
  -h, --help      show this help
  -v, --version   show the version

In a terminal, ${PROGRAM} opens the reader: press ? in it for the keys, q to quit.
When standard output is not a terminal (or TERM=dumb), ${PROGRAM} prints one line per
article instead: date, section, headline and path, separated by tabs.

Examples:
  ${PROGRAM}                          read the bundled articles
  ${PROGRAM} ~/news                   read every *.txt below ~/news
  ${PROGRAM} https://example.org/feed.xml   read a feed's entries (one fetch)
  ${PROGRAM} --json ~/news | jq .headline
  ${PROGRAM} ~/news | grep -i syria | cut -f3
`;

/** Exit status for bad usage and missing paths, as coreutils use it. */
const EXIT_USAGE = 2;

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'search') return searchCommand(argv.slice(1));
  const parsed = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    '--help',
  );
  if (parsed === null) return EXIT_USAGE;
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (positionals[0] === 'index') {
    const indexPaths = positionals.slice(1);
    return indexCommand(indexPaths.length > 0 ? indexPaths : [bundledSeedsPath()], { db: values.db });
  }
  const paths = positionals.length > 0 ? positionals : [bundledSeedsPath()];
  try {
    if (!values.json && process.stdout.isTTY) {
      if (process.env.TERM !== 'dumb') {
        // Ink draws only a last frame when it believes it runs under CI (the is-in-ci
        // package reads CI and CONTINUOUS_INTEGRATION as Ink loads). The reader only ever
        // runs on a terminal, where every frame is wanted, so say so before loading Ink.
        process.env.CI = 'false';
        process.env.CONTINUOUS_INTEGRATION = 'false';
        const { openReader } = await import('./ui/run.js');
        return await openReader(paths, { db: values.db });
      }
      printError('TERM=dumb: the reader needs a terminal that can move the cursor; listing the articles instead');
    }
    return await listArticles(paths, values.json ?? false);
  } catch (error) {
    if (error instanceof MissingPathError) {
      printError(error.message);
      return EXIT_USAGE;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
