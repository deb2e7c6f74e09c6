/** What goes wrong with a config file, said in one line that names the file, the line and the setting. */
import { homedir } from 'node:os';

/** A setting the file got wrong: `keys.star`, and what is wrong with it. */
export class SettingError extends Error {
  constructor(
    /** The setting's path in the file: `['keys', 'star']`. */
    readonly key: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

/** A config file that cannot be used: the reader goes on with the defaults and says this. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    /** 1-based, when known. */
    readonly line: number | null,
    /** The setting, when one is to blame (not for a syntax error). */
    readonly key: string | null,
    readonly reason: string,
  ) {
    super(`${displayPath(file)}${line === null ? '' : `:${line}`}: ${key === null ? '' : `${key}: `}${reason}`);
  }
}

/** A `--config FILE` that cannot be read at all: bad usage, the command stops. */
export class ConfigFileError extends Error {}

/** A path as people write it: the home folder as `~`. */
export function displayPath(file: string): string {
  const home = homedir();
  return home !== '' && home !== '/' && file.startsWith(`${home}/`) ? `~${file.slice(home.length)}` : file;
}
