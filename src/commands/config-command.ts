/**
 * `newsreader config`: where the config file is, whether it exists, and the settings in
 * effect as TOML; `--default` prints a commented file with every setting at its default.
 */
import { defaultFileText, effectiveToml } from '../config/describe.js';
import { ConfigFileError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { THEMES, themeOf } from '../terminal/theme.js';
import { commandArgsWith, EXIT_ERROR, type GlobalOptions, HELP_OPTION, printError, PROGRAM, writeOut } from './output.js';

const USAGE = `Usage: ${PROGRAM} [--config FILE] config [--default]

Prints where the config file is, whether it exists, and the settings in effect, as TOML.
A file with an error is named on stderr with its line, and the defaults are shown.

Options:
  --default    print a commented config file with every setting at its default, e.g.
               ${PROGRAM} config --default > ~/.config/newsreader/config.toml
  --path       print only the config file's path
  -h, --help   show this help

Exit status: 0; 1 when the file has an error; 2 when --config FILE cannot be read.
`;

const OPTIONS = {
  default: { type: 'boolean' },
  path: { type: 'boolean' },
  help: HELP_OPTION,
} as const;

export async function configCommand(argv: string[], globals: GlobalOptions): Promise<number> {
  const parsed = commandArgsWith(argv, 'config', USAGE, OPTIONS);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    printError(`config takes no arguments (see config --help)`);
    return EXIT_ERROR;
  }
  if (values.default === true) {
    await writeOut(defaultFileText(THEMES.dark));
    return 0;
  }
  let loaded;
  try {
    loaded = await loadConfig(globals.config);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    printError(error.message);
    return EXIT_ERROR;
  }
  if (values.path === true) {
    await writeOut(`${loaded.file}\n`);
    return 0;
  }
  if (loaded.error !== null) printError(loaded.error.message);
  const colour = (process.env.NO_COLOR ?? '') === '';
  const { settings } = loaded;
  const state = loaded.error !== null ? 'has an error: the defaults are in effect' : loaded.exists ? 'exists' : 'does not exist: the defaults are in effect';
  const notes = [`# config file: ${loaded.file}`, `# it ${state}`, ...(colour ? [] : ['# NO_COLOR is set: the reader draws without colour'])];
  await writeOut(`${notes.join('\n')}\n${effectiveToml(settings, themeOf(settings.theme, settings.colors, colour))}`);
  return loaded.error === null ? 0 : 1;
}
