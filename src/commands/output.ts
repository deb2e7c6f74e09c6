/** Writing to stdout/stderr for the non-interactive modes, and reading their arguments. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
import type { Warning } from '../library/load-all.js';
import { sanitize } from '../terminal/sanitize.js';

export const PROGRAM = 'newsreader';

/** Exit status for bad usage, a malformed query, unreadable PATHs or database, as grep uses it. */
export const EXIT_ERROR = 2;

/** Options given before a command (`newsreader --db F search oil`), for it to use. */
export interface GlobalOptions {
  db?: string | undefined;
  json?: boolean | undefined;
  /** `--config FILE`: the config file instead of the one in the config folder. */
  config?: string | undefined;
}

/** `newsreader: warning: PATH: what` on stderr; the path is untrusted text too. */
export function printWarnings(warnings: Warning[]): void {
  for (const w of warnings) process.stderr.write(`${PROGRAM}: warning: ${sanitize(w.path)}: ${sanitize(w.message)}\n`);
}

/** A one-line error on stderr, for the exit paths that must never show a stack trace. */
export function printError(message: string): void {
  process.stderr.write(`${PROGRAM}: ${sanitize(message)}\n`);
}

/**
 * Output whose reader has gone (`newsreader --help | head -1`) ends the program quietly,
 * with the status it had, as other tools do; any other failure to write is one line on
 * stderr and status 1. Without a listener the failed write is an unhandled error event.
 */
export function endQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit();
    printError(`cannot write the output: ${error.message}`);
    process.exit(1);
  });
}

/**
 * Write a chunk to stdout, waiting when the pipe is full, and stop quietly when the reader
 * has gone (`newsreader | head`).
 */
export async function writeOut(chunk: string): Promise<void> {
  if (process.stdout.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      process.stdout.off('drain', done);
      process.stdout.off('error', done);
      resolve();
    };
    process.stdout.once('drain', done);
    process.stdout.once('error', done);
  });
}

/**
 * A command's options and positionals, or null after printing one line that names the
 * bad option and where help is (`--help`, `search --help`).
 */
export function parseCommandArgs<T extends OptionsConfig>(argv: string[], options: T, help: string) {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; options: T }>({ args: argv, allowPositionals: true, options });
  } catch (error) {
    printError(`${error instanceof Error ? error.message : String(error)} (see ${help})`);
    return null;
  }
}

/** What every command takes: the library database, and its help. */
const COMMAND_OPTIONS = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** `-h`/`--help`, which every command takes. */
export const HELP_OPTION = { type: 'boolean', short: 'h' } as const;

/**
 * The arguments of a command that takes `options` (with `help`); a number when the command
 * is done already: 0 after printing `usage` for --help, EXIT_ERROR after a bad option.
 */
export function commandArgsWith<T extends OptionsConfig & { help: typeof HELP_OPTION }>(argv: string[], name: string, usage: string, options: T) {
  const parsed = parseCommandArgs(argv, options, `${name} --help`);
  if (parsed === null) return EXIT_ERROR;
  if ((parsed.values as { help?: boolean }).help === true) {
    process.stdout.write(usage);
    return 0;
  }
  return parsed;
}

/** The arguments of a command that takes only `--db` and `--help` (see commandArgsWith). */
export function commandArgs(argv: string[], name: string, usage: string) {
  return commandArgsWith(argv, name, usage, COMMAND_OPTIONS);
}
