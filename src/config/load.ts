/**
 * Reading the config file. A file that is missing is no error (the defaults); one that
 * cannot be used (syntax, an unknown setting, a bad value, two actions on one key) gives
 * the defaults and one ConfigError saying where. Only a `--config FILE` that cannot be read
 * at all stops the command (ConfigFileError).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, ConfigFileError, displayPath, SettingError } from './errors.js';
import { lineOf } from './locate.js';
import { defaultConfigPath } from './location.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { settingsFrom } from './validate.js';

export interface LoadedConfig {
  /** The file read, or looked for. */
  file: string;
  exists: boolean;
  /** What is in effect: the file's settings, or the defaults when it has an error. */
  settings: Settings;
  error: ConfigError | null;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** The settings of `source`, the text of `file`, or the ConfigError that says what is wrong with it. */
export async function parseConfig(source: string, file: string): Promise<Settings | ConfigError> {
  // Loaded only when there is a file: most launches have none.
  const { parse, TomlError } = await import('smol-toml');
  let document: Record<string, unknown>;
  try {
    document = parse(source);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid TOML';
    return new ConfigError(file, error.line, null, `${message} (column ${error.column})`);
  }
  try {
    return settingsFrom(document, path.dirname(file));
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    return new ConfigError(file, lineOf(source, error.key), error.key.join('.'), error.message);
  }
}

/** Read the config file: `explicit` (from --config), else the one in the platform config folder. */
export async function loadConfig(explicit?: string): Promise<LoadedConfig> {
  const file = path.resolve(explicit ?? defaultConfigPath());
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if (explicit !== undefined) throw new ConfigFileError(`cannot read the config file ${displayPath(file)}: ${reason(error)}`);
    const exists = (error as NodeJS.ErrnoException).code !== 'ENOENT';
    const problem = exists ? new ConfigError(file, null, null, `cannot read it: ${reason(error)}`) : null;
    return { file, exists, settings: DEFAULT_SETTINGS, error: problem };
  }
  const parsed = await parseConfig(source, file);
  if (parsed instanceof ConfigError) return { file, exists: true, settings: DEFAULT_SETTINGS, error: parsed };
  return { file, exists: true, settings: parsed, error: null };
}
