/**
 * `newsreader`: argument parsing and dispatch. With a terminal on both ends it opens the
 * reader; otherwise it prints the articles for scripts. Every failure leaves as one line on
 * stderr and a non-zero exit, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { endQuietlyWhenOutputCloses, EXIT_ERROR, PROGRAM, parseCommandArgs, printError, type GlobalOptions } from './output.js';
import { UnreadablePathsError } from '../library/find.js';
import { StoreError } from '../library/store/open.js';
import { defaultPaths } from './default-paths.js';
import { packageVersion } from '../library/package-files.js';
import { prepareTerminalStyle } from '../terminal/colour.js';
import { readConfig } from './read-config.js';
import { leanReaderHeap } from './reader-heap.js';
import { OPTIONS } from './cli-options.js';
import type { EarlyFrame } from './early-frame.js';
import type { Launch } from './launch-stamp.js';

const USAGE = `Usage: ${PROGRAM} [options] [PATH...]
       ${PROGRAM} [options] search QUERY [PATH...]
       ${PROGRAM} [options] index [PATH...]

A fast, keyboard-driven reader for news articles stored as text files and web feeds.
Each PATH is an article file, a feed file (RSS, Atom, RDF, JSON Feed), a feed URL
(https://...), or a folder searched recursively for *.txt and feed files.
With no PATH, the subscribed feeds' entries are opened (as last fetched), or the
articles bundled with ${PROGRAM} while there are no subscriptions.

Commands:
  search QUERY [PATH...]   ranked full-text search (see ${PROGRAM} search --help)
  index [PATH...]          build or refresh the library database, without the reader
  add URL                  subscribe to a feed (see ${PROGRAM} add --help)
  remove URL|TITLE         unsubscribe from a feed
  feeds                    list the subscribed feeds
  fetch [URL|TITLE...]     fetch every subscribed feed, or the named ones
  import FILE.opml         subscribe to the feeds of an OPML list
  export                   write the subscriptions as OPML on stdout
  unread [PATH...]         print how many articles are unread (for status bars)
  config [--default]       show the config file's path and settings (or a default file)

Options (also before a command: ${PROGRAM} --db FILE search oil):
  --json          print one JSON object per article (newest first, then path)
  --db FILE       the library database (default: NEWSREADER_DB, else the data folder)
  --config FILE   the config file (default: ~/.config/newsreader/config.toml, or under
                  XDG_CONFIG_HOME); see ${PROGRAM} config --default
  --no-color      no colour in the reader (as NO_COLOR=1); inverse, bold and underline stay
  --fetch         the reader fetches the subscribed feeds in the background as it opens
  --fetch-every MINUTES   and again every MINUTES while it is open (implies --fetch)
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

Exit status: 0 on success; 1 when a search matched nothing; 2 on bad usage, a malformed
query, no readable PATH or an unusable library database.
`;

const COMMANDS = {
  // Loaded when used: the parsers and the HTTP client they bring cost every other start-up,
  // the reader's first screen above all.
  search: async (argv, globals) => (await import('./search-command.js')).searchCommand(argv, globals),
  index: async (argv, globals) => (await import('./index-command.js')).indexMain(argv, globals),
  add: async (argv, globals) => (await import('./add-command.js')).addCommand(argv, globals),
  remove: async (argv, globals) => (await import('./remove-command.js')).removeCommand(argv, globals),
  feeds: async (argv, globals) => (await import('./feeds-command.js')).feedsCommand(argv, globals),
  fetch: async (argv, globals) => (await import('./fetch-command.js')).fetchCommand(argv, globals),
  import: async (argv, globals) => (await import('./opml-commands.js')).importCommand(argv, globals),
  export: async (argv, globals) => (await import('./opml-commands.js')).exportCommand(argv, globals),
  unread: async (argv, globals) => (await import('./unread-command.js')).unreadCommand(argv, globals),
  config: async (argv, globals) => (await import('./config-command.js')).configCommand(argv, globals),
} as const satisfies Record<string, (argv: string[], globals: GlobalOptions) => Promise<number>>;

function isCommand(name: string): name is keyof typeof COMMANDS {
  return Object.hasOwn(COMMANDS, name);
}

/**
 * The command named by the first argument that is not an option, with the options before
 * it (`newsreader --db F search oil`) and the arguments after it; null when there is none.
 * Anything after `--` is a PATH, so a folder called `search` can still be read.
 */
function findCommand(argv: string[]): { name: keyof typeof COMMANDS; before: string[]; after: string[] } | null {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const first = tokens.find((t) => t.kind === 'positional' || t.kind === 'option-terminator');
  if (first?.kind !== 'positional' || !isCommand(first.value)) return null;
  return { name: first.value, before: argv.slice(0, first.index), after: argv.slice(first.index + 1) };
}

/** Run `newsreader` as `launch` asks; `early` is the frame cli.ts drew before this module loaded. */
export async function main(launch: Launch, early: EarlyFrame | null = null): Promise<number> {
  const argv = [...launch.argv];
  endQuietlyWhenOutputCloses();
  const command = findCommand(argv);
  if (command !== null) {
    const globals = parseCommandArgs(command.before, OPTIONS, '--help');
    if (globals === null) return EXIT_ERROR;
    if (globals.values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (globals.values.version) {
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    return COMMANDS[command.name](command.after, { db: globals.values.db, json: globals.values.json, config: globals.values.config });
  }
  const parsed = parseCommandArgs(argv, OPTIONS, '--help');
  if (parsed === null) return EXIT_ERROR;
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const config = await readConfig(values.config);
  if (config === null) return EXIT_ERROR;
  const { settings } = config;
  const fetchEvery = fetchMinutes(values['fetch-every']);
  if (fetchEvery === null) return EXIT_ERROR;
  const library = positionals.length > 0 ? null : defaultPaths(values.db, settings.paths);
  const paths = library?.paths ?? positionals;
  try {
    if (!values.json && process.stdout.isTTY) {
      if (process.env.TERM !== 'dumb') {
        leanReaderHeap();
        // Before Ink and chalk load: they read the environment as they do.
        const { colour } = prepareTerminalStyle(process.env, { noColor: values['no-color'] ?? false });
        // The light first-screen module opens the library and may draw the remembered
        // first frame while Ink and React load.
        const { showFirstScreen } = await import('./first-screen.js');
        // A config with an error was said on stderr: such a launch never draws before checking.
        const first = await showFirstScreen(paths, { db: values.db, settings, launch, early, stampable: config.error === null });
        // The library cannot be opened here: the reader says why, on the shell's screen.
        if (first === null) early?.screen.leave();
        const { openReader } = await import('./read.js');
        // The flags, else the config file's fetch_on_start and fetch_every.
        const everyMinutes = fetchEvery > 0 ? fetchEvery : (settings.fetchEvery ?? 0) / 60_000;
        const fetching = { fetchOnStart: (values.fetch ?? false) || settings.fetchOnStart || everyMinutes > 0, fetchEveryMinutes: everyMinutes };
        return await openReader(paths, { db: values.db, colour, first, settings, ...fetching });
      }
      printError('TERM=dumb: the reader needs a terminal that can move the cursor; listing the articles instead');
    }
    // Subscribed feeds are listed from the library: the listing never waits on the network.
    const { listArticles, listLibrary } = await import('./list.js');
    if (library?.subscriptions) return await listLibrary(paths, values.json ?? false, values.db);
    return await listArticles(paths, values.json ?? false, values.db);
  } catch (error) {
    if (error instanceof UnreadablePathsError || error instanceof StoreError) {
      printError(error.message);
      return EXIT_ERROR;
    }
    throw error;
  }
}

/** `--fetch-every MINUTES` as a number (0 when absent), or null after saying why it is not one. */
function fetchMinutes(value: string | undefined): number | null {
  if (value === undefined) return 0;
  const minutes = Number(value);
  if (value.trim() === '' || !Number.isFinite(minutes) || minutes < 1) {
    printError(`--fetch-every takes a number of minutes, 1 or more (not ${JSON.stringify(value)})`);
    return null;
  }
  return minutes;
}

/**
 * Run `newsreader` and set the exit status; an error nobody caught is one line, never a
 * stack trace, said on the shell's screen (an early frame's screen is left first: the
 * reader leaves it itself, but an error may come before the reader).
 */
export function run(launch: Launch, early: EarlyFrame | null): void {
  main(launch, early).then(
    (code) => {
      early?.screen.leave();
      process.exitCode = code;
    },
    (error: unknown) => {
      early?.screen.leave();
      printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
