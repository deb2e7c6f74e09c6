/**
 * Loading the config file: every setting, and every kind of bad file giving one line that
 * names the file, the line and the setting, with the defaults in effect.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfigFileError } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { DEFAULT_KEYMAP } from '../../src/keys/keymap.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-config-'));
  // Never the user's own file.
  vi.stubEnv('XDG_CONFIG_HOME', path.join(dir, 'xdg'));
});

afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function file(text: string, name = 'config.toml'): string {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
}

async function load(text: string) {
  return loadConfig(file(text));
}

async function errorOf(text: string): Promise<string> {
  const loaded = await load(text);
  expect(loaded.settings).toBe(DEFAULT_SETTINGS);
  expect(loaded.error).not.toBeNull();
  return loaded.error?.message ?? '';
}

describe('where the file is', () => {
  it('is config.toml in XDG_CONFIG_HOME/newsreader, and a missing one is the defaults without a word', async () => {
    const loaded = await loadConfig();
    expect(loaded.file).toBe(path.join(dir, 'xdg', 'newsreader', 'config.toml'));
    expect(loaded).toMatchObject({ exists: false, error: null });
    expect(loaded.settings).toBe(DEFAULT_SETTINGS);
  });

  it('is read from there when it exists', async () => {
    mkdirSync(path.join(dir, 'xdg', 'newsreader'), { recursive: true });
    writeFileSync(path.join(dir, 'xdg', 'newsreader', 'config.toml'), 'sort = "oldest"\n');
    const loaded = await loadConfig();
    expect(loaded).toMatchObject({ exists: true, error: null });
    expect(loaded.settings.sort).toBe('oldest');
  });

  it('falls back to ~/.config without XDG_CONFIG_HOME', async () => {
    vi.stubEnv('XDG_CONFIG_HOME', '');
    const { defaultConfigPath } = await import('../../src/config/location.js');
    expect(defaultConfigPath()).toBe(path.join(homedir(), '.config', 'newsreader', 'config.toml'));
  });

  it('stops on a --config FILE that is missing or unreadable, with one line', async () => {
    await expect(loadConfig(path.join(dir, 'nope.toml'))).rejects.toThrow(ConfigFileError);
    await expect(loadConfig(path.join(dir, 'nope.toml'))).rejects.toThrow(/cannot read the config file .*nope\.toml: no such file$/);
    await expect(loadConfig(dir)).rejects.toThrow(/is a folder$/);
  });

  it('says so for a default file it cannot read (here a folder), and goes on with the defaults', async () => {
    mkdirSync(path.join(dir, 'xdg', 'newsreader', 'config.toml'), { recursive: true });
    const loaded = await loadConfig();
    expect(loaded.settings).toBe(DEFAULT_SETTINGS);
    expect(loaded.error?.message).toMatch(/config\.toml: cannot read it: is a folder$/);
  });
});

describe('every setting', () => {
  it('reads paths, with ~ expanded, relative paths from the file\'s folder and URLs kept', async () => {
    const { settings } = await load('paths = ["~/news", "feeds", "https://example.org/feed.xml"]\n');
    expect(settings.paths).toEqual([path.join(homedir(), 'news'), path.join(dir, 'feeds'), 'https://example.org/feed.xml']);
  });

  it('reads theme, sort and mouse', async () => {
    const { settings, error } = await load('theme = "light"\nsort = "headline"\nmouse = false\n');
    expect(error).toBeNull();
    expect(settings).toMatchObject({ theme: 'light', sort: 'headline', mouse: false });
  });

  it('reads fetch_on_start and fetch_every', async () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ fetchOnStart: false, fetchEvery: null });
    const { settings, error } = await load('fetch_on_start = true\nfetch_every = "30m"\n');
    expect(error).toBeNull();
    expect(settings).toMatchObject({ fetchOnStart: true, fetchEvery: 30 * 60_000 });
    expect((await load('fetch_every = "2h"\n')).settings.fetchEvery).toBe(2 * 3_600_000);
    expect((await load('fetch_every = "never"\n')).settings.fetchEvery).toBeNull();
  });

  it.each([
    ['1s', 1000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['2m', 120_000],
    ['0', 0],
    ['never', null],
  ])('reads mark_read_after = %j', async (text, ms) => {
    const { settings, error } = await load(`mark_read_after = "${text}"\n`);
    expect(error).toBeNull();
    expect(settings.markReadAfter).toBe(ms);
  });

  it('rebinds an action by its id, dotted, quoted or in a sub-table', async () => {
    for (const text of ['[keys]\nlist.down = ["x", "ctrl-n"]\n', '[keys]\n"list.down" = ["x", "ctrl+n"]\n', '[keys.list]\ndown = ["x", "C-n"]\n']) {
      const { settings, error } = await load(text);
      expect(error, text).toBeNull();
      expect(settings.keys.commandFor('x', 'list')).toBe('list.down');
      expect(settings.keys.commandFor('ctrl+n', 'list')).toBe('list.down');
      // Its old keys are gone; the article's j is untouched.
      expect(settings.keys.commandFor('j', 'list')).toBeNull();
      expect(settings.keys.commandFor('j', 'article')).toBe('article.down');
    }
  });

  it('rebinds every action of a short name, and an id beside it wins', async () => {
    const { settings, error } = await load('[keys]\ndown = ["d", "down"]\nup = ["i", "up"]\narticle.down = ["x"]\nstar = ["*"]\nsearch = ["/", "f"]\n');
    expect(error).toBeNull();
    expect(settings.keys.commandFor('d', 'list')).toBe('list.down');
    expect(settings.keys.commandFor('d', 'help')).toBe('help.down');
    expect(settings.keys.commandFor('x', 'article')).toBe('article.down');
    expect(settings.keys.commandFor('d', 'article')).toBeNull();
    expect(settings.keys.commandFor('*', 'list')).toBe('item.star');
    expect(settings.keys.commandFor('s', 'list')).toBeNull();
    expect(settings.keys.commandFor('f', 'article')).toBe('search.open');
    // The hint follows the keys it stood for.
    expect(settings.keys.hintsFor('list').find((h) => h.label === 'move')?.keys).toBe('d/i');
  });

  it('takes names without regard to case, - or _', async () => {
    const { settings, error } = await load('[keys]\npage_down = ["D"]\nlist.PAGE-UP = ["I"]\n');
    expect(error).toBeNull();
    expect(settings.keys.commandFor('D', 'article')).toBe('article.pageDown');
    expect(settings.keys.commandFor('I', 'list')).toBe('list.pageUp');
  });

  it('unbinds an action given no keys', async () => {
    const { settings } = await load('[keys]\nzoom = []\n');
    expect(settings.keys.commandFor('z', 'list')).toBeNull();
  });

  it('reads [colors] styles in place of the theme\'s', async () => {
    const { settings, error } = await load('[colors]\nselection = { fg = "black", bg = "yellow" }\nstar = { fg = "#ff8800", bold = true }\nmeta = { fg = 244 }\nstatus = { bg = "bright-blue", underline = true }\n');
    expect(error).toBeNull();
    expect(settings.colors).toEqual({
      selection: { fg: 'black', bg: 'yellow' },
      star: { fg: '#ff8800', bold: true },
      meta: { fg: 'ansi256(244)' },
      status: { bg: 'blueBright', underline: true },
    });
  });

  it('loads an empty file (or one of comments) to the defaults', async () => {
    const loaded = await load('# nothing yet\n');
    expect(loaded).toMatchObject({ exists: true, error: null });
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.settings.keys).toBe(DEFAULT_KEYMAP);
  });
});

describe('a bad file: one line with the file, the line and the setting, and the defaults', () => {
  it('a TOML syntax error, at its line', async () => {
    const message = await errorOf('theme = "dark"\nsort = \n');
    expect(message).toMatch(/config\.toml:2: .*invalid/i);
    expect(message).not.toContain('\n');
  });

  it('an unclosed table header', async () => {
    expect(await errorOf('theme = "dark"\n\n[keys\n')).toMatch(/config\.toml:3: /);
  });

  it('an unknown setting', async () => {
    expect(await errorOf('theme = "dark"\ncolour = "red"\n')).toMatch(/config\.toml:2: colour: unknown setting/);
  });

  it.each([
    ['theme = "solarized"\n', 1, 'theme', /"solarized" is not one of dark, light, none/],
    ['\nsort = "random"\n', 2, 'sort', /"random" is not one of newest, oldest, headline/],
    ['mark_read_after = "1 sec"\n', 1, 'mark_read_after', /"1 sec" is not a duration/],
    ['mark_read_after = 1\n', 1, 'mark_read_after', /1 is not a duration/],
    ['mouse = "yes"\n', 1, 'mouse', /must be true or false/],
    ['fetch_on_start = 1\n', 1, 'fetch_on_start', /must be true or false/],
    ['fetch_every = "30s"\n', 1, 'fetch_every', /"30s" is not a time of a minute or more/],
    ['paths = "~/news"\npaths2 = 1\n', 2, 'paths2', /unknown setting/],
    ['paths = [1]\n', 1, 'paths', /must be a list/],
    ['keys = 3\n', 1, 'keys', /must be a table/],
  ])('a bad value: %j', async (text, line, key, reason) => {
    const message = await errorOf(text);
    expect(message).toContain(`config.toml:${line}: ${key}: `);
    expect(message).toMatch(reason);
  });

  it('a bad key, at the line of its action, as in ~/.config/newsreader/config.toml:7: keys.star: "ctrl+" is not a key', async () => {
    const text = 'theme = "dark"\n\n[keys]\n# stars\ndown = ["j"]\n\nstar = ["s", "ctrl+"]\n';
    expect(await errorOf(text)).toMatch(/config\.toml:7: keys\.star: "ctrl\+" is not a key$/);
  });

  it('an unknown action, and an unclear short name', async () => {
    expect(await errorOf('[keys]\nfly = ["f"]\n')).toMatch(/:2: keys\.fly: no such action/);
    expect(await errorOf('[keys]\nopen = ["o"]\n')).toMatch(/:2: keys\.open: could mean list\.open or search\.open/);
    expect(await errorOf('[keys.list]\nnope = ["o"]\n')).toMatch(/:2: keys\.list\.nope: no such action/);
  });

  it('a printable key for the search field, and Ctrl-C', async () => {
    expect(await errorOf('[keys]\nfield.submit = ["x"]\n')).toMatch(/:2: keys\.field\.submit: "x" would be typed into the search field/);
    expect(await errorOf('[keys]\ninterrupt = ["ctrl-q"]\n')).toMatch(/:2: keys\.interrupt: app\.interrupt stays on Ctrl-C/);
  });

  it('a key bound to two actions in one place names both', async () => {
    expect(await errorOf('[keys]\nstar = ["j"]\n')).toMatch(/:2: keys\.star: "j" would be both list\.down and item\.star in the headline list$/);
    expect(await errorOf('[keys]\n\nlist.down = ["s"]\n')).toMatch(/:3: keys\.list\.down: "s" would be both list\.down and item\.star in the headline list$/);
  });

  it('allows the same key for actions in different places', async () => {
    const { error, settings } = await load('[keys]\nlist.open = ["l", "return"]\narticle.back = ["h", "escape"]\nlist.bottom = ["G"]\narticle.next = ["l"]\n');
    expect(error).toBeNull();
    expect(settings.keys.commandFor('l', 'list')).toBe('list.open');
    expect(settings.keys.commandFor('l', 'article')).toBe('article.next');
  });

  it('a bad style: unknown name, bad colour, unknown attribute, not a table', async () => {
    expect(await errorOf('[colors]\nselected = { inverse = true }\n')).toMatch(/:2: colors\.selected: no such style/);
    expect(await errorOf('[colors]\nselection = { fg = "blurple" }\n')).toMatch(/:2: colors\.selection\.fg: "blurple" is not a colour/);
    expect(await errorOf('[colors]\nselection = { fg = 300 }\n')).toMatch(/colors\.selection\.fg: 300 is not a colour/);
    expect(await errorOf('[colors.selection]\nfg = "red"\nblink = true\n')).toMatch(/:3: colors\.selection\.blink: unknown attribute/);
    expect(await errorOf('[colors]\nselection = { bold = "yes" }\n')).toMatch(/:2: colors\.selection\.bold: must be true or false/);
    expect(await errorOf('[colors]\nselection = "red"\n')).toMatch(/:2: colors\.selection: must be a table/);
  });

  it('names the file with ~ for the home folder', async () => {
    const { ConfigError } = await import('../../src/config/errors.js');
    expect(new ConfigError(path.join(homedir(), '.config/newsreader/config.toml'), 7, 'keys.star', '"ctrl+" is not a key').message).toBe(
      '~/.config/newsreader/config.toml:7: keys.star: "ctrl+" is not a key',
    );
  });
});
