/**
 * Every hostile case in the interactive reader, in a real pseudo-terminal: each article is
 * shown (headline sanitised), opened, paged through to the end and left, the help opens, and
 * q quits with status 0. Every key gets its frame. Afterwards the terminal is as it was: no
 * title, clipboard, hyperlink or DCS request reached the emulator, it is back on the normal
 * screen with the cursor shown and the same modes as a fresh terminal, and no byte the
 * articles carry that a terminal acts on appears in what the program wrote.
 */
import xterm from '@xterm/headless';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types.js';
import { sanitize } from '../../src/terminal/sanitize.js';
import { buildHostileCase, hostileCases, type BuiltCase, type HostileCase } from '../hostile/cases.js';
import { freshDatabase, isolatedEnv, runCliBytes, UNPRIVILEGED } from '../cli/run-cli.js';
import { type PtySession, spawnReader } from './pty.js';

const COLS = 100;
const ROWS = 30;

/** A plain article opened next to each case, so there is always a next article to move to. */
const COMPANION_HEADLINE = 'Plain companion article';
const COMPANION = `${COMPANION_HEADLINE}\n\nNothing in here is hostile.\n`;

/** Escape-sequence introducers a terminal acts on: OSC, DCS, APC, PM, SOS, 7-bit and 8-bit. */
// eslint-disable-next-line no-control-regex
const STRING_SEQUENCE = /\u001b[\]P_^X]|[\u0090\u0098\u009d\u009e\u009f]/;
/** C0 and C1 controls the reader itself never writes: only ESC (for CSI), CR and LF are its own. */
// eslint-disable-next-line no-control-regex
const FOREIGN_CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/;
/** Bidi overrides, embeddings, isolates and marks: a terminal that lays out bidi text acts on them. */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/**
 * A run of escape sequences and controls in article text, with the text around it: were the
 * reader to pass the bytes through, this exact string would be in its output.
 */
const EMBEDDED_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /[^\u0000-\u001f\u007f-\u009f]{0,4}(?:(?:\u001b[\s\S]|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f])[^\u0000-\u001f\u007f-\u009f]{0,8})+/g;

const freshModes = (() => {
  const term = new xterm.Terminal({ allowProposedApi: true });
  const modes = { ...term.modes };
  term.dispose();
  return modes;
})();

/**
 * HOME and the XDG folders inside the case's folder, so no user state is touched, and a
 * new library database in a folder open to all: the unprivileged case's reader must be
 * able to create it.
 */
function readerEnv(dir: string): Record<string, string> {
  return { ...isolatedEnv(dir), NEWSREADER_DB: freshDatabase({ anyUser: true }) };
}

/** The start of a headline as the list and the article pane show it: sanitised, one line. */
function shownHeadlineStart(headline: string): string {
  const text = sanitize(headline).trim();
  // Up to the first character whose cell layout may differ between terminals (emoji, marks).
  const simple = /^[\p{L}\p{N}\p{P}\p{S} ]*/u.exec(text)?.[0] ?? '';
  return Array.from(simple.replace(/[\p{Extended_Pictographic}\p{M}].*$/u, '')).slice(0, 20).join('').trim();
}

interface Session {
  s: PtySession;
  articles: Article[];
}

async function open(hostile: HostileCase, built: BuiltCase): Promise<Session> {
  const companion = path.join(built.dir, 'companion');
  await mkdir(companion);
  await writeFile(path.join(companion, 'plain.txt'), COMPANION);
  const paths = [...built.paths, companion];
  const unprivileged = hostile.unprivileged === true && process.getuid?.() === 0;
  // The articles in the reader's order, as the same user reads them.
  const json = await runCliBytes(['--json', ...paths], { cwd: built.dir, home: built.dir, unprivileged, killAfterMs: 30_000 });
  expect(json.code).toBe(0);
  const articles = json.stdout
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Article);
  expect(articles).toHaveLength(hostile.articles + 1);
  const s = spawnReader({
    cols: COLS,
    rows: ROWS,
    args: paths,
    cwd: built.dir,
    env: readerEnv(built.dir),
    ...(unprivileged ? { uid: UNPRIVILEGED, gid: UNPRIVILEGED } : {}),
  });
  return { s, articles };
}

/** Wait for the status bar to show something else than `before` and to match `pattern`. */
async function nextFrame(s: PtySession, before: string, pattern: RegExp, what: string): Promise<void> {
  await s.waitFor(() => s.status() !== before && pattern.test(s.status()), what);
}

/** Open the help and close it again. */
async function toggleHelp(s: PtySession): Promise<void> {
  s.press('?');
  await s.waitFor('Headline list', 'the help');
  s.press('?');
  await s.waitFor(() => !s.screen().includes('Headline list'), 'the help to close');
}

/** j through every article: read it, page through it to the end, go back; then the help. */
async function walk({ s, articles }: Session): Promise<void> {
  const total = articles.length;
  await s.waitForStatus(new RegExp(`^ 1/${total} `));
  // The first frame can come before the terminal is in raw mode, and a cooked terminal
  // turns Enter into a line feed: the help's round trip shows keys arrive raw from here on.
  await toggleHelp(s);
  for (const [index, article] of articles.entries()) {
    const position = new RegExp(`^ ${index + 1}/${total} `);
    await s.waitForStatus(position);
    const headline = shownHeadlineStart(article.headline);
    if (headline !== '') await s.waitFor(headline, `the headline "${headline}"`);
    // Enter and Tab both open the article; the status shows where in it we are.
    let before = s.status();
    s.press(index % 2 === 0 ? 'return' : 'tab');
    await nextFrame(s, before, / · (all|top) · /, 'the article focused');
    if (!s.status().includes(' · all · ')) {
      before = s.status();
      s.press('space');
      await nextFrame(s, before, / · (\d+%|end) · /, 'a page down');
    }
    before = s.status();
    s.press('G');
    await s.waitFor(() => / · (all|end) · /.test(s.status()), 'the end of the article');
    s.press(index % 2 === 0 ? 'escape' : 'tab');
    await nextFrame(s, before, /j\/k move/, 'back in the list');
    if (index < total - 1) {
      before = s.status();
      s.press('j');
      await nextFrame(s, before, new RegExp(`^ ${index + 2}/${total} `), 'the next article');
    }
  }
  await toggleHelp(s);
}

function expectTerminalUntouched(s: PtySession, articles: Article[]): void {
  expect(s.received.titles).toEqual([]);
  expect(s.received.osc).toEqual([]);
  expect(s.received.dcs).toEqual([]);
  expect(s.alternateScreen).toBe(false);
  expect(s.cursorVisible).toBe(true);
  expect({ ...s.term.modes }).toEqual(freshModes);
  expect(s.output).not.toMatch(STRING_SEQUENCE);
  expect(s.output).not.toMatch(FOREIGN_CONTROL);
  expect(s.output).not.toMatch(BIDI_CONTROL);
  // No escape sequence an article carries reaches the terminal together with its text.
  for (const article of articles) {
    for (const text of [article.headline, article.path, ...article.blocks.map((b) => b.text)]) {
      for (const [sequence] of text.matchAll(EMBEDDED_SEQUENCE)) expect(s.output).not.toContain(sequence);
    }
  }
}

describe.each(hostileCases)('hostile case in the reader: $name', (hostile) => {
  let built: BuiltCase | null = null;
  let session: PtySession | null = null;

  afterAll(async () => {
    session?.dispose();
    await built?.cleanup();
  });

  it('shows every article, answers every key, quits with 0 and leaves the terminal untouched', async () => {
    built = await buildHostileCase(hostile);
    const opened = await open(hostile, built);
    session = opened.s;
    await walk(opened);
    session.press('q');
    const exit = await session.waitForExit();
    expect(exit).toEqual({ exitCode: 0, signal: 0 });
    expectTerminalUntouched(session, opened.articles);
  });
});
