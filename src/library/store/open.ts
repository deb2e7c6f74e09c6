/**
 * Opening the library database: WAL so a reader never waits for a writer, a busy timeout
 * so a second newsreader on the same file waits its turn instead of failing, and care for
 * whatever the path names. The database path is the user's: a file that is not a
 * newsreader library (a text file, another program's SQLite database) is refused with one
 * line and never written, renamed or removed. A library is known by `PRAGMA
 * application_id` in its header, which stays readable when the rest is damaged; only a
 * library of ours that is corrupt is moved aside to `library.db.corrupt-<time>` and a
 * fresh one built in its place.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describeError } from '../errors.js';
import { APPLICATION_ID, migrate, NewerSchemaError, restoreIndexes, SCHEMA_VERSION } from './migrations.js';

/** How long a statement waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Page size of a new library database, in bytes. */
export const PAGE_SIZE = 16_384;

/** A failure the user can act on, with a one-line message; the CLI prints it and exits 2. */
export class StoreError extends Error {}

export interface OpenedStore {
  db: Database.Database;
  file: string;
  /** Set when a damaged library was moved aside: where it went, for a notice. */
  movedAside: string | null;
}

const CORRUPT_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Turn I/O failures into messages naming the file and what to do. */
export function describeStoreError(error: unknown, file: string): StoreError {
  if (error instanceof StoreError) return error;
  const code = sqliteCode(error) ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new StoreError(`${file}: the disk is full; free some space and run again`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError(
      `${file}: cannot write the library database (read-only file or folder); use --db FILE or NEWSREADER_DB to choose another place`,
    );
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) {
    return new StoreError(`${file}: the library database is locked by another process; try again`);
  }
  if (code.startsWith('SQLITE_IOERR')) return new StoreError(`${file}: input/output error (${code})`);
  if (/^E[A-Z]+$/.test(code)) return new StoreError(`${file}: ${describeError(error)}`);
  return new StoreError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}

function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

/** What to add to a refusal: the way out. */
const CHOOSE_ANOTHER = 'use --db FILE or NEWSREADER_DB to choose another path';

/** Refusing a file that is not ours, before anything is written to it. */
function notOurs(file: string, what: string): StoreError {
  return new StoreError(`${file}: not a newsreader library (${what}); left untouched; ${CHOOSE_ANOTHER}`);
}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Bytes of the database header; `application_id` is the big-endian integer at 68. */
const HEADER_BYTES = 100;

/**
 * Whose the file at `file` is, read from its first bytes alone (SQLite is not opened on a
 * file that may not be ours): `new` (missing or empty), `ours` (our application_id),
 * `unmarked` (SQLite with no application_id: a library whose mark is still in the WAL,
 * an empty database, or another program's), or a refusal.
 */
function ownership(file: string): 'new' | 'ours' | 'unmarked' {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw describeStoreError(error, file);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new StoreError(`${file}: is a directory; ${CHOOSE_ANOTHER} (a file in it: ${path.join(file, 'library.db')})`);
    if (!info.isFile()) throw notOurs(file, 'not a regular file');
    if (info.size === 0) return 'new';
    const header = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, header, 0, HEADER_BYTES, 0);
    if (read < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) throw notOurs(file, 'not a SQLite database');
    const appId = header.readInt32BE(68);
    if (appId === APPLICATION_ID) return 'ours';
    if (appId === 0) return 'unmarked';
    throw notOurs(file, 'another program\'s SQLite database');
  } catch (error) {
    throw describeStoreError(error, file);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether an unmarked SQLite database is one we may use, asked through a read-only
 * connection so that nothing is written to a file that may be another program's: its
 * application_id is ours once the WAL is read, or it has no tables, or it holds the
 * tables of a newsreader library from before libraries were marked.
 */
function isOursOrEmpty(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (db.pragma('application_id', { simple: true }) === APPLICATION_ID) return true;
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    if (tables.size === 0) return true;
    const version = db.pragma('user_version', { simple: true }) as number;
    return version >= 1 && version <= SCHEMA_VERSION && tables.has('articles') && tables.has('user_state');
  } finally {
    db.close();
  }
}

/** Pause this thread without spinning: opening happens before anything else runs. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Switch to WAL. The switch needs an exclusive lock and SQLite answers SQLITE_BUSY at once
 * instead of calling the busy handler, so a second process creating the same new database
 * at the same moment retries here, within the busy timeout. Once a database is in WAL
 * mode the setting is stored in the file and nothing needs switching.
 */
function enableWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let wait = 5; ; wait = Math.min(wait * 2, 200)) {
    try {
      if (db.pragma('journal_mode', { simple: true }) === 'wal') return;
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (sqliteCode(error) !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      sleepSync(wait);
    }
  }
}

function configure(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Reading the schema is the first real read: a corrupt file fails here.
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  // A new database gets 16 KiB pages (set before its first write; existing ones keep
  // theirs): an article row then fits one page instead of spilling into overflow pages,
  // and fewer, larger full-text leaves cost less to write. Synthetic 10,000, write CPU
  // 1.15 s -> 1.02 s; the file is 8% larger.
  if (tables.n === 0) db.pragma(`page_size = ${PAGE_SIZE}`);
  enableWal(db);
  // In WAL mode NORMAL loses no committed data on a process crash, only on power loss,
  // and makes each commit far cheaper.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  // A small page cache, 512 KiB: the reader's pages touch a few index pages and rows; a
  // refresh's check walks every row once, which a bigger cache only keeps resident (2 MiB,
  // SQLite's default, made the reader 1.1 MiB bigger at 2,000 articles; 8 MiB 6 MiB bigger;
  // 32 MiB 25-30 MiB at 20,000, with no key answered faster). A page not cached is read
  // from the operating system's cache. Bulk indexing raises it while it writes (refresh.ts).
  db.pragma('cache_size = -512');
  migrate(db);
  // A library made before libraries were marked gets its mark (a new one got it in migrate).
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
  restoreIndexes(db);
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Move the database and its WAL/SHM files aside; returns the new main file name. */
function moveAside(file: string): string {
  const target = `${file}.corrupt-${timestamp(new Date())}`;
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

function tryOpen(file: string): Database.Database {
  const db = new Database(file);
  try {
    configure(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Open (creating when needed) the library database at `file`, migrated to the current
 * schema. Throws StoreError with a clear message for a path that is a directory or a file
 * that is not a library, for read-only or full disks and for a database from a newer
 * release.
 */
export function openStore(file: string): OpenedStore {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new StoreError(`${file}: cannot make the folder ${path.dirname(file)}: a file is in the way; ${CHOOSE_ANOTHER}`);
    }
    throw describeStoreError(error, file);
  }
  const owner = ownership(file);
  if (owner === 'unmarked') {
    let ours: boolean;
    try {
      ours = isOursOrEmpty(file);
    } catch (error) {
      // Unreadable as SQLite and not marked as ours: not ours to repair.
      throw isCorruption(error) ? notOurs(file, 'a damaged SQLite database') : describeStoreError(error, file);
    }
    if (!ours) throw notOurs(file, "another program's SQLite database");
  }
  try {
    return { db: tryOpen(file), file, movedAside: null };
  } catch (error) {
    if (error instanceof NewerSchemaError) throw new StoreError(`${file}: ${error.message}`);
    // Only a library that is ours by its mark is moved aside when it turns out damaged.
    if (owner !== 'ours' || !isCorruption(error)) throw describeStoreError(error, file);
  }
  let movedAside: string;
  try {
    movedAside = moveAside(file);
  } catch (error) {
    throw describeStoreError(error, file);
  }
  try {
    return { db: tryOpen(file), file, movedAside };
  } catch (error) {
    throw describeStoreError(error, file);
  }
}

/** The notice to show when openStore moved a damaged library aside. */
export function movedAsideNotice(store: OpenedStore): string | null {
  if (store.movedAside === null) return null;
  return `${store.file} was a damaged library database; moved it to ${store.movedAside} and started a new one`;
}
