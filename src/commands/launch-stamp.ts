/**
 * A launch's stamp: everything the reader's first frame depends on, read with a few system
 * calls and nothing loaded but this module, so a launch can tell that it finds the library,
 * the config and the terminal exactly as a launch that drew that frame left them (see
 * early-frame.ts).
 *
 * The library's content is stamped by its files the way SQLite itself tells that another
 * connection changed a database: the database's header (with its change counter), the
 * write-ahead log's header (its salts change whenever the log starts over) and the
 * wal-index header in the -shm file (its change counter, last frame and checksums change
 * with every commit), with each file's identity, size and modification time. Readers
 * change none of these but the -shm file's time (they take read marks through its
 * mapping), which is left out.
 *
 * SQLite's locks are POSIX locks, which a process drops when it closes any descriptor of
 * the file: a stamp must only be taken while this process has no connection open to the
 * library (before opening it, or once every connection is closed).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfigPath } from '../config/location.js';
import { packageVersion } from '../library/package-files.js';
import { resolveDbPath } from '../library/store/paths.js';
import { OPTIONS } from './cli-options.js';

/** Environment that changes how Ink styles a frame (chalk's colour level reads these). */
export const STYLE_ENV = /^(TERM|COLORTERM|TERM_PROGRAM|NO_COLOR|FORCE_COLOR|CI|CONTINUOUS_INTEGRATION)$/;

/** The environment that changes the first frame: its styles, its dates' time zone, and where the config and library are found. */
const FRAME_ENV = new RegExp(`${STYLE_ENV.source}|^(TZ|HOME|XDG_CONFIG_HOME|XDG_DATA_HOME|NEWSREADER_DB)$`);

/** How many leading bytes of each file change with its content (see above). */
const HEADER_BYTES = { db: 100, wal: 32, shm: 100 } as const;

/**
 * The program being run, by its entry file and its version: a rebuilt or upgraded program
 * may draw differently. The version counts because npm gives every installed file the same
 * time, and the entry may keep its size across versions.
 */
export function buildStamp(): string {
  try {
    const entry = statSync(process.argv[1] ?? '');
    return `${entry.size}:${entry.mtimeMs}:${packageVersion()}`;
  } catch {
    // Run some other way (tests from source): the rest still tells launches apart.
    return '';
  }
}

/** The variables of `env` that change the first frame, in code-unit order (a locale's collation would load ICU). */
export function frameEnv(env: NodeJS.ProcessEnv, names: RegExp = FRAME_ENV): [string, string | undefined][] {
  return Object.entries(env)
    .filter(([name]) => names.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A launch as its stamp reads it: the arguments, the environment the process started with,
 * taken first of all (cli.ts): the reader later sets FORCE_COLOR and drops CI for Ink
 * (terminal/colour.ts), and where the launch finds its library, config and PATHs.
 */
export interface Launch {
  argv: readonly string[];
  env: readonly (readonly [string, string | undefined])[];
  files: { db: string; config: string; paths: string[] };
}

export function launchOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Launch {
  return { argv, env: frameEnv(env), files: filesOf(argv, env) };
}

/** Where a launch with these arguments finds its library and config, as main.ts resolves them. */
function filesOf(argv: readonly string[], env: NodeJS.ProcessEnv): Launch['files'] {
  const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false });
  const option = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return {
    db: resolveDbPath({ db: option(values.db), env }),
    config: path.resolve(option(values.config) ?? defaultConfigPath()),
    paths: positionals,
  };
}

/** A file's identity, size, time (unless left out) and leading bytes; null when it is absent. */
function fileState(file: string, headerBytes: number, withTime: boolean): string | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd, { bigint: true });
    const header = Buffer.alloc(headerBytes);
    const read = readSync(fd, header, 0, headerBytes, 0);
    return [stat.dev, stat.ino, stat.size, withTime ? stat.mtimeNs : '', header.toString('hex', 0, read)].join(':');
  } finally {
    closeSync(fd);
  }
}

function textOf(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The stamp of `launch` in a terminal of `size`, as one string. Only while no connection
 * to the library is open in this process (see above).
 */
export function launchStamp(launch: Launch, size: { columns: number; rows: number }): string {
  const { db, config, paths } = launch.files;
  return JSON.stringify({
    version: 1,
    argv: launch.argv,
    cwd: process.cwd(),
    env: launch.env,
    size,
    build: buildStamp(),
    config: textOf(config),
    // A PATH that has gone makes the reader say so rather than show the library.
    paths: paths.map(exists),
    library: [fileState(db, HEADER_BYTES.db, true), fileState(`${db}-wal`, HEADER_BYTES.wal, true), fileState(`${db}-shm`, HEADER_BYTES.shm, false)],
  });
}
