/** The default file and the effective settings, written as TOML, load back to what they say. */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFileText, effectiveToml } from '../../src/config/describe.js';
import { ConfigError } from '../../src/config/errors.js';
import { parseConfig } from '../../src/config/load.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/config/settings.js';
import { BINDINGS } from '../../src/keys/keymap.js';
import { STYLE_NAMES, THEMES, themeOf } from '../../src/terminal/theme.js';

/** Where the text is said to come from (relative paths are read from its folder); never read. */
const FILE = path.join(tmpdir(), 'newsreader-test', 'config.toml');

async function settingsOf(text: string): Promise<Settings> {
  const parsed = await parseConfig(text, FILE);
  if (parsed instanceof ConfigError) throw new Error(parsed.message);
  return parsed;
}

/** What a loaded file changes, comparable with toEqual (key maps by their bindings). */
function plain(settings: Settings) {
  return { ...settings, keys: settings.keys.bindings };
}

describe('newsreader config --default', () => {
  const text = defaultFileText(THEMES.dark);

  it('loads to exactly the defaults', async () => {
    expect(plain(await settingsOf(text))).toEqual(plain(DEFAULT_SETTINGS));
  });

  it('still loads to the defaults with every setting uncommented (the example paths aside)', async () => {
    const uncommented = text
      .split('\n')
      .map((line) => (/^# [A-Za-z][\w.]* = /.test(line) && !line.startsWith('# paths') ? line.slice(2) : line))
      .join('\n');
    // Something was uncommented: every action and every style at least.
    expect(uncommented.split('\n').filter((l) => /^[a-z]/i.test(l)).length).toBeGreaterThanOrEqual(BINDINGS.length + STYLE_NAMES.length + 4);
    const settings = await settingsOf(uncommented);
    expect(plain({ ...settings, colors: {} })).toEqual(plain(DEFAULT_SETTINGS));
    // The styles it lists are the dark theme's own.
    expect(themeOf(settings.theme, settings.colors, true)).toEqual(THEMES.dark);
  });

  it('lists every action with its keys and every style with what it draws', () => {
    for (const b of BINDINGS) expect(text).toContain(`# ${b.command} = `);
    expect(text).toContain('# list.down = ["down", "j"]');
    for (const name of STYLE_NAMES) expect(text).toMatch(new RegExp(`^# ${name} = \\{`, 'm'));
  });
});

describe('newsreader config', () => {
  it('prints the settings in effect as a file that loads to them', async () => {
    const changed = await settingsOf(
      'paths = ["/srv/news"]\ntheme = "light"\nmark_read_after = "1.5s"\nsort = "oldest"\nmouse = false\n[keys]\nstar = ["*"]\n[colors]\nselection = { fg = "black", bg = "yellow" }\n',
    );
    const theme = themeOf(changed.theme, changed.colors, true);
    const text = effectiveToml(changed, theme);
    expect(text).toContain('item.star = ["*"]');
    expect(text).toContain('mark_read_after = "1.5s"');
    expect(text).toContain('selection = { fg = "black", bg = "yellow" }');
    const again = await settingsOf(text);
    expect(plain({ ...again, colors: {} })).toEqual(plain({ ...changed, colors: {} }));
    expect(themeOf(again.theme, again.colors, true)).toEqual(theme);
  });
});
