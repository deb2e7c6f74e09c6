/** `newsreader config` and `--config FILE`, run as the built CLI in a home of its own. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let home: string;
let configFile: string;

beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'newsreader-config-cli-'));
  configFile = path.join(home, '.config', 'newsreader', 'config.toml');
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeConfig(text: string): void {
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(configFile, text);
}

/** The settings part of `newsreader config`: without the comment lines that say where and whether. */
function settingsText(stdout: string): string {
  return stdout.replace(/^(# config file: .*\n# it .*\n)/, '');
}

describe('newsreader config', () => {
  it('prints the path, that there is no file, and the defaults', async () => {
    const { code, stdout, stderr } = await runCli(['config'], { home });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`# config file: ${configFile}\n# it does not exist: the defaults are in effect\n`);
    expect(stdout).toMatch(/^theme = "dark"$/m);
    expect(stdout).toMatch(/^list\.down = \["down", "j"\]/m);
    expect(stdout).toMatch(/^selection = \{ inverse = true \}$/m);
  });

  it('prints what the file sets', async () => {
    writeConfig('sort = "oldest"\n[keys]\nstar = ["*"]\n[colors]\nselection = { fg = "black", bg = "yellow" }\n');
    const { code, stdout } = await runCli(['config'], { home });
    expect(code).toBe(0);
    expect(stdout).toContain('# it exists\n');
    expect(stdout).toMatch(/^sort = "oldest"$/m);
    expect(stdout).toMatch(/^item\.star = \["\*"\]/m);
    expect(stdout).toMatch(/^selection = \{ fg = "black", bg = "yellow" \}$/m);
  });

  it('reads --config FILE before the command, and stops with status 2 when it cannot be read', async () => {
    const other = path.join(home, 'other.toml');
    writeFileSync(other, 'theme = "light"\n');
    const { stdout } = await runCli(['--config', other, 'config'], { home });
    expect(stdout).toContain(`# config file: ${other}\n`);
    expect(stdout).toMatch(/^theme = "light"$/m);
    const missing = await runCli(['--config', path.join(home, 'nope.toml'), 'config'], { home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^newsreader: cannot read the config file .*nope\.toml: no such file\n$/);
  });

  it('says a bad file in one line, shows the defaults, and exits 1', async () => {
    writeConfig('theme = "dark"\nsort = "sideways"\n');
    const { code, stdout, stderr } = await runCli(['config'], { home });
    expect(code).toBe(1);
    expect(stderr).toBe('newsreader: ~/.config/newsreader/config.toml:2: sort: "sideways" is not one of newest, oldest, headline\n');
    expect(stdout).toContain('# it has an error: the defaults are in effect\n');
    expect(stdout).toMatch(/^sort = "newest"$/m);
  });

  it('--default prints a commented file that, written to the path, loads to the defaults', async () => {
    const defaults = await runCli(['config'], { home });
    const printed = await runCli(['config', '--default'], { home });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^# theme = "dark"$/m);
    writeConfig(printed.stdout);
    expect(readFileSync(configFile, 'utf8')).toBe(printed.stdout);
    const loaded = await runCli(['config'], { home });
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toContain('# it exists\n');
    expect(settingsText(loaded.stdout)).toBe(settingsText(defaults.stdout));
  });

  it('--path prints only the path', async () => {
    const { code, stdout } = await runCli(['config', '--path'], { home });
    expect(code).toBe(0);
    expect(stdout).toBe(`${configFile}\n`);
  });

  it('takes no arguments', async () => {
    const { code, stderr } = await runCli(['config', 'extra'], { home });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^newsreader: config takes no arguments/);
  });
});

describe('the config file for the listing and search', () => {
  it('opens its paths when no PATH is given, and a bad file still lists the defaults after one line', async () => {
    const news = path.join(home, 'news');
    mkdirSync(news);
    writeFileSync(path.join(news, 'a.txt'), 'Configured folder headline\n\nUpdated Jan 2, 2016\n\nThe body text about a configured folder.\n');
    writeConfig('paths = ["~/news"]\n');
    const listed = await runCli([], { home });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Configured folder headline');
    const searched = await runCli(['search', 'configured'], { home });
    expect(searched.code).toBe(0);
    expect(searched.stdout).toContain('Configured folder headline');
    writeConfig('paths = ["~/news"]\nmouse = 1\n');
    const bad = await runCli([], { home });
    expect(bad.stderr.split('\n')[0]).toBe('newsreader: ~/.config/newsreader/config.toml:2: mouse: must be true or false');
    expect(bad.stdout).not.toContain('Configured folder headline');
    expect(bad.code).toBe(0);
  });
});
