/** Opening the library for a one-shot command and bringing it up to date with its files, as the reader does. */
import { UnreadablePathsError, assertSomePathExists } from '../library/find.js';
import { StoreError } from '../library/store/open.js';
import { openLibrary, type SqliteLibrary } from '../library/store/sqlite-library.js';
import { printError, printWarnings } from './output.js';

/**
 * The library for `paths`, refreshed, its notice and warnings on stderr; null after one
 * line on stderr when no path is readable (checked only with `checkPaths`) or the database
 * cannot be used. The caller closes it.
 */
export async function openRefreshedLibrary(paths: string[], db: string | undefined, checkPaths: boolean): Promise<SqliteLibrary | null> {
  let library: SqliteLibrary | undefined;
  try {
    if (checkPaths) await assertSomePathExists(paths);
    library = openLibrary({ paths, ...(db === undefined ? {} : { db }) });
    if (library.notice !== null) printError(library.notice);
    printWarnings((await library.refresh().done).warnings);
    return library;
  } catch (error) {
    library?.close();
    if (!(error instanceof UnreadablePathsError || error instanceof StoreError)) throw error;
    printError(error.message);
    return null;
  }
}
