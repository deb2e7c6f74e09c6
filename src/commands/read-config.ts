/** The config file as the commands read it: its one error line said once, and the defaults then. */
import { ConfigFileError } from '../config/errors.js';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import { printError } from './output.js';

/**
 * The config in effect for `--config FILE` (undefined: the default file). A file with an
 * error gives its one line on stderr and the defaults; null when `--config FILE` cannot be
 * read at all (said on stderr too): that is bad usage.
 */
export async function readConfig(file: string | undefined): Promise<LoadedConfig | null> {
  try {
    const loaded = await loadConfig(file);
    if (loaded.error !== null) printError(loaded.error.message);
    return loaded;
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    printError(error.message);
    return null;
  }
}
