/**
 * Where the config file is: `--config FILE`, else `config.toml` in the platform config
 * folder (`$XDG_CONFIG_HOME/newsreader` on Linux, `~/.config/newsreader` without it) as
 * env-paths knows it.
 */
import envPaths from 'env-paths';
import path from 'node:path';

export const CONFIG_FILE_NAME = 'config.toml';

export function defaultConfigPath(): string {
  // suffix '' gives `newsreader`, not the default `newsreader-nodejs`.
  return path.join(envPaths('newsreader', { suffix: '' }).config, CONFIG_FILE_NAME);
}
