/**
 * Where the library database lives: `--db FILE`, else `NEWSREADER_DB`, else the platform
 * data directory (`$XDG_DATA_HOME/newsreader/library.db` on Linux) as env-paths knows it.
 */
import envPaths from 'env-paths';
import path from 'node:path';

export const DB_FILE_NAME = 'library.db';

export interface DbLocationOptions {
  /** `--db FILE` from the command line. */
  db?: string | undefined;
  /** The environment to read `NEWSREADER_DB` from; `process.env` by default. */
  env?: NodeJS.ProcessEnv;
}

export function resolveDbPath(options: DbLocationOptions = {}): string {
  const env = options.env ?? process.env;
  if (options.db !== undefined && options.db !== '') return path.resolve(options.db);
  const fromEnv = env.NEWSREADER_DB;
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  // suffix '' gives `newsreader`, not the default `newsreader-nodejs`.
  return path.join(envPaths('newsreader', { suffix: '' }).data, DB_FILE_NAME);
}
