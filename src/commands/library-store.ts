/** Opening the library database for the subscription commands, with their one-line errors. */
import type Database from 'better-sqlite3';
import { movedAsideNotice, openStore, StoreError } from '../library/store/open.js';
import { resolveDbPath } from '../library/store/paths.js';
import { EXIT_ERROR, printError } from './output.js';

/**
 * Run `work` on the open library database and close it after; a database that cannot be
 * opened is one line on stderr and EXIT_ERROR.
 */
export async function withLibraryDb(db: string | undefined, work: (db: Database.Database) => Promise<number> | number): Promise<number> {
  let store;
  try {
    store = openStore(resolveDbPath({ db }));
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    printError(error.message);
    return EXIT_ERROR;
  }
  const notice = movedAsideNotice(store);
  if (notice !== null) printError(notice);
  try {
    return await work(store.db);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    printError(error.message);
    return EXIT_ERROR;
  } finally {
    store.db.close();
  }
}
