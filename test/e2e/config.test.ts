/**
 * The config file in a real terminal (node-pty, CI=true): its colours and theme reach the
 * cells, the mouse scrolls and selects, and a bad file prints its one line while the
 * reader still starts with the defaults.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleText } from '../ui/harness.js';
import { type PtySession, spawnReader } from './pty.js';

const COUNT = 40;
let dir: string;
let news: string;
let session: PtySession | null = null;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-e2e-config-'));
  news = path.join(dir, 'news');
  mkdirSync(news);
  for (let k = 0; k < COUNT; k++) {
    const day = new Date(Date.UTC(2016, 0, 1 + COUNT - k)).toISOString().slice(0, 10);
    const body = Array.from({ length: 30 }, (_, p) => `Paragraph ${p + 1} of story ${k + 1} about oil.`).join('\n\n');
    writeFileSync(path.join(news, `${String(k).padStart(2, '0')}.txt`), articleText(`Story ${String(k + 1).padStart(2, '0')} headline`, day, body));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

afterEach(() => {
  session?.dispose();
  session = null;
});

/** Start the reader at 120x30 with this config file (written to a file of its own). */
function start(config: string | null, env: Record<string, string> = {}, args: string[] = []): PtySession {
  const configFile = path.join(dir, `config-${Math.random().toString(36).slice(2)}.toml`);
  if (config !== null) writeFileSync(configFile, config);
  session = spawnReader({ cols: 120, rows: 30, args: [...(config === null ? [] : ['--config', configFile]), ...args, news], env: { CI: 'true', ...env } });
  return session;
}

/** The list's columns in the split view: up to the rule. */
const LIST_COLUMNS = 47;

/** The xterm palette colour of a cell's background, or -1 for the default. */
function bgPalette(s: PtySession, x: number, y: number): number {
  const cell = s.term.buffer.active.getLine(s.term.buffer.active.viewportY + y)?.getCell(x);
  return cell === undefined || cell.isBgDefault() ? -1 : cell.getBgColor();
}

function fgPalette(s: PtySession, x: number, y: number): number {
  const cell = s.term.buffer.active.getLine(s.term.buffer.active.viewportY + y)?.getCell(x);
  return cell === undefined || cell.isFgDefault() ? -1 : cell.getFgColor();
}

/** Every article indexed and the first selected. */
const READY = /^ *1\/40 · \d+ unread · newest first(?! · indexing)/;

const YELLOW = 3;
const BLACK = 0;

describe('colours and themes', () => {
  it('draws the selection in the [colors] selection style', async () => {
    const s = start('[colors]\nselection = { fg = "black", bg = "yellow" }\n');
    await s.waitForStatus(READY);
    await s.waitFor(() => bgPalette(s, 5, 0) === YELLOW, 'the selection on yellow');
    expect(fgPalette(s, 5, 0)).toBe(BLACK);
    expect(s.cells(0, 0, LIST_COLUMNS).some((c) => c.inverse)).toBe(false);
    s.write('jj');
    await s.waitForStatus(/^ *3\/40 /);
    await s.waitFor(() => bgPalette(s, 5, 2) === YELLOW && bgPalette(s, 5, 0) === -1, 'the third row on yellow');
  });

  it('uses attributes only with theme = "none"', async () => {
    const s = start('theme = "none"\n');
    await s.waitForStatus(READY);
    s.write('s/oil');
    await s.waitForStatus(/\d+ matches/);
    s.press('return');
    await s.waitFor(() => !s.lines().at(-2)!.startsWith('/'), 'the field to close');
    s.press('return', 'n');
    await s.waitForStatus(/match 1\/\d+/);
    // Starred, matched, selected: all drawn (the frame may come in more than one read), no colour anywhere.
    await s.waitFor(
      () => s.screen().includes('★') && s.cells(0, 3, 20).every((c) => c.underline && c.bold) && s.cells(29).every((c) => c.inverse),
      'the article open beside the underlined selection',
    );
    expect(s.anyColour()).toBe(false);
  });

  it('colours the same screen with the default theme (so the test above could fail)', async () => {
    const s = start(null);
    await s.waitForStatus(READY);
    s.write('s');
    await s.waitFor(() => s.anyColour(), 'the yellow star');
  });

  it('lets NO_COLOR win over the theme and [colors]', async () => {
    const s = start('theme = "light"\n[colors]\nselection = { fg = "black", bg = "yellow" }\n', { NO_COLOR: '1' });
    await s.waitForStatus(READY);
    s.write('s');
    await s.waitFor(() => s.lines()[0]!.includes('★'), 'the star');
    expect(s.anyColour()).toBe(false);
    // The selection falls back to inverse, so it still shows.
    expect(s.cells(0, 0, LIST_COLUMNS).every((c) => c.inverse)).toBe(true);
  });
});

const ESC = '\u001b';

describe('the mouse', () => {
  it('turns reporting on while the reader runs and off on the way out', async () => {
    const s = start(null);
    await s.waitForStatus(READY);
    expect(s.output).toContain(`${ESC}[?1000h${ESC}[?1006h`);
    s.press('q');
    await s.waitForExit();
    expect(s.output.lastIndexOf(`${ESC}[?1000l`)).toBeGreaterThan(s.output.lastIndexOf(`${ESC}[?1000h`));
    expect(s.alternateScreen).toBe(false);
  });

  it('scrolls the list with the wheel and selects a clicked headline', async () => {
    const s = start(null);
    await s.waitForStatus(READY);
    s.write(`${ESC}[<65;10;5M`);
    await s.waitForStatus(/^ *4\/40 /);
    // Two notches in one read, then one at a time.
    s.write(`${ESC}[<65;10;5M${ESC}[<65;10;5M`);
    await s.waitForStatus(/^ *10\/40 /);
    s.write(`${ESC}[<64;10;5M`);
    await s.waitForStatus(/^ *7\/40 /);
    s.write(`${ESC}[<0;10;2M${ESC}[<0;10;2m`);
    await s.waitForStatus(/^ *2\/40 /);
    await s.waitFor(() => s.cells(1, 0, LIST_COLUMNS).every((c) => c.inverse), 'the clicked row selected');
    await s.waitFor('Paragraph 1 of story 2 about oil.');
  });

  it('scrolls the article under the pointer', async () => {
    const s = start(null);
    await s.waitForStatus(READY);
    await s.waitFor('Paragraph 1 of story 1 about oil.');
    s.write(`${ESC}[<65;80;5M`.repeat(5));
    await s.waitFor(() => !s.screen().includes('Paragraph 1 of story 1 about oil.'), 'the article scrolled');
    expect(s.status()).toMatch(/^ *1\/40 /);
  });

  it('never types a mouse report into the search field', async () => {
    const s = start(null);
    await s.waitForStatus(READY);
    // The field's line: a message ("no matches") may come under it.
    const field = (): string => s.lines().find((line) => line.startsWith('/')) ?? '';
    s.write('/oil');
    await s.waitFor(() => field().startsWith('/oil'), 'the query');
    s.write(`${ESC}[<64;10;5M`);
    s.write('x');
    await s.waitFor(() => field().startsWith('/oilx'), 'the next typed key');
    s.write(`${ESC}[<0;10;2M${ESC}[<0;10;2my`);
    await s.waitFor(() => field().startsWith('/oilxy'), 'the key after a click');
    expect(field()).toMatch(/^\/oilxy\s*$/);
  });

  it('is left to the terminal with mouse = false', async () => {
    const s = start('mouse = false\n');
    await s.waitForStatus(READY);
    expect(s.output).not.toContain(`${ESC}[?1000h`);
  });
});

describe('a bad config file', () => {
  it('prints its one line, and the reader starts with the defaults', async () => {
    const s = start('theme = "dark"\n\n[keys]\nstar = ["s", "ctrl+"]\n');
    await s.waitForStatus(READY);
    const before = s.output.slice(0, s.output.indexOf(`${ESC}[?1049h`));
    expect(before).toMatch(/newsreader: .*config-\w+\.toml:4: keys\.star: "ctrl\+" is not a key\r\n$/);
    // The defaults: s stars.
    s.write('s');
    await s.waitFor(() => s.lines()[0]!.includes('★'), 'the star');
    s.press('q');
    await s.waitForExit();
    expect(s.screen()).toMatch(/keys\.star: "ctrl\+" is not a key/);
  });

  it('stops with one line and status 2 for a --config FILE that is missing', async () => {
    const s = spawnReader({ cols: 120, rows: 30, args: ['--config', path.join(dir, 'missing.toml'), news], env: { CI: 'true' } });
    session = s;
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(2);
    expect(s.screen().trim()).toMatch(/^newsreader: cannot read the config file .*missing\.toml: no such file$/);
  });
});
