/**
 * Opening the library database: WAL so a reader never waits for a writer, a busy timeout
 * so a second newsreader on the same file waits its turn instead of failing, and recovery
 * from a file that is not our database (corrupt, or some other program's SQLite file): it
 * is moved aside to `library.db.corrupt-<time>` and a fresh one is built in its place.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { APPLICATION_ID, migrate, NewerSchemaError, restoreIndexes } from './migrations.js';

/** How long a statement waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 10_000;

/** Page size of a new library database, in bytes. */
export const PAGE_SIZE = 16_384;

/** A failure the user can act on, with a one-line message; the CLI prints it and exits 1. */
export class StoreError extends Error {}

export interface OpenedStore {
  db: Database.Database;
  file: string;
  /** Set when a corrupt or foreign file was moved aside: where it went, for a notice. */
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
  return new StoreError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
}

function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (CORRUPT_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

class ForeignDatabaseError extends Error {}

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
  // Reading the schema is the first real read: a corrupt or non-SQLite file fails here.
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID && tables.n > 0) throw new ForeignDatabaseError('not a newsreader database');
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
  // 8 MiB of page cache: the reader's pages and searches touch a few index pages; a
  // refresh's check walks every row once, which a bigger cache only keeps resident (32 MiB
  // made the reader 25-30 MiB bigger at 20,000 articles). Bulk indexing raises it while
  // it writes (refresh.ts).
  db.pragma('cache_size = -8000');
  migrate(db);
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
 * schema. Throws StoreError with a clear message for read-only or full disks and for a
 * database from a newer release.
 */
export function openStore(file: string): OpenedStore {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (error) {
    throw describeStoreError(error, file);
  }
  try {
    return { db: tryOpen(file), file, movedAside: null };
  } catch (error) {
    if (error instanceof NewerSchemaError) throw new StoreError(`${file}: ${error.message}`);
    if (!(error instanceof ForeignDatabaseError) && !isCorruption(error)) throw describeStoreError(error, file);
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

/** The notice to show when openStore moved a bad file aside. */
export function movedAsideNotice(store: OpenedStore): string | null {
  if (store.movedAside === null) return null;
  return `${store.file} was not a usable library database (corrupt or another program's file); moved it to ${store.movedAside} and started a new one`;
}
