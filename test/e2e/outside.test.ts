/**
 * Out to other tools, in a pseudo-terminal with CI set: `v` hands a text file to $PAGER and
 * a feed entry's link to $BROWSER, `e` the file to $EDITOR, `|` the text to a command, `w`
 * saves it as text or Markdown (never over a file unasked), `L` lists the links and opens
 * one. The programs are small scripts that record what they were given; the terminal ones
 * read a line from the terminal, so a key stolen by the reader would show.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PtySession, spawnReader } from './pty.js';

let session: PtySession | null = null;
let dir: string;
let out: string;

afterEach(() => {
  session?.dispose();
  session = null;
});

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-outside-'));
  out = mkdtempSync(path.join(tmpdir(), 'newsreader-outside-out-'));
});

/** A shell script in `out` that runs `body`, with $OUT set to the folder. */
function script(name: string, body: string): string {
  const file = path.join(out, name);
  writeFileSync(file, `#!/bin/sh\nOUT='${out}'\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Records its arguments and the file, says it is ready, then reads a line from the terminal. */
const TERMINAL_PROGRAM = `printf '%s\\n' "$@" > "$OUT/$NAME-args"
cat "$1" > "$OUT/$NAME-input"
printf '%s READY\\n' "$NAME"
read answer
printf '%s' "$answer" > "$OUT/$NAME-answer"`;

const ARTICLE = `New consoles promise big problems

Makers of the next generation of games consoles face a hard year, says a report at https://example.org/report.

The report (see http://example.com/a_(b)) says prices will rise.
`;

function textLibrary(): string {
  const folder = path.join(dir, 'news');
  mkdirSync(folder);
  writeFileSync(path.join(folder, 'consoles.txt'), ARTICLE);
  return folder;
}

async function start(args: string[], env: Record<string, string>): Promise<PtySession> {
  session = spawnReader({ cols: 120, rows: 40, args, env: { CI: 'true', ...env }, cwd: dir });
  await session.waitForStatus(/1\/\d+ · \d+ unread · newest first(?! · indexing)/);
  return session;
}

/** The reader is back: alternate screen, the list drawn with its first row selected (inverse). */
async function backInReader(s: PtySession): Promise<void> {
  await s.waitFor(() => s.alternateScreen && /1\/\d+/.test(s.status()), 'the reader back');
  await s.waitFor(() => s.cell(3, 0).inverse && s.screen().includes('New consoles'), 'the list repainted');
}

function recorded(name: string): string {
  return readFileSync(path.join(out, name), 'utf8');
}

/** A feed file with two entries: one with a link and links in its content, one with an ftp: link. */
function feedLibrary(): string {
  const folder = path.join(dir, 'feeds');
  mkdirSync(folder);
  writeFileSync(
    path.join(folder, 'feed.rss'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title><link>https://feed.example/</link>
<item><title>New consoles promise big problems</title><link>https://feed.example/consoles</link><guid>c1</guid>
<pubDate>Tue, 06 Sep 2016 10:00:00 GMT</pubDate>
<description><![CDATA[<p>Read <a href="https://feed.example/report">the report</a> and <a href="http://other.example/x?a=1&amp;b=2">more</a>.</p>]]></description></item>
<item><title>Old file server</title><link>ftp://files.example/pub</link><guid>c2</guid>
<pubDate>Mon, 05 Sep 2016 10:00:00 GMT</pubDate><description>Files.</description></item>
</channel></rss>`,
  );
  return folder;
}

describe('v and e hand a text file to the pager and the editor', () => {
  it('v runs $PAGER with the file and the terminal, then the reader comes back repainted', async () => {
    const pager = script('pager.sh', `NAME=pager\n${TERMINAL_PROGRAM}`);
    const s = await start([textLibrary()], { PAGER: pager });
    s.write('v');
    await s.waitFor(() => !s.alternateScreen && s.screen().includes('pager READY'), 'the pager on the normal screen');
    s.write('typed to the pager\r');
    await backInReader(s);
    expect(recorded('pager-answer')).toBe('typed to the pager');
    expect(recorded('pager-args').trim()).toBe(path.join(dir, 'news', 'consoles.txt'));
    expect(recorded('pager-input')).toBe(ARTICLE);
    // Keys work again, and one by one after it too.
    s.write('?');
    await s.waitFor('Headline list', 'the help');
  });

  it('takes $PAGER with arguments, and a missing pager is one line in the status bar', async () => {
    const pager = script('pager.sh', `NAME=pager\n${TERMINAL_PROGRAM.replace('"$1"', '"$2"')}`);
    const news = textLibrary();
    const s = await start([news], { PAGER: `${pager} --flag` });
    s.write('v');
    await s.waitFor('pager READY', 'the pager');
    s.write('\r');
    await backInReader(s);
    expect(recorded('pager-args').split('\n').slice(0, 2)).toEqual(['--flag', path.join(dir, 'news', 'consoles.txt')]);
    s.dispose();
    const missing = await start([news], { PAGER: path.join(out, 'no-such-pager') });
    missing.write('v');
    await missing.waitForStatus(/pager: .*no-such-pager: not found/);
    expect(missing.alternateScreen).toBe(true);
  });

  it('e runs $EDITOR on the file; the edited article is read again', async () => {
    const editor = script('editor.sh', `NAME=editor\n${TERMINAL_PROGRAM}\nprintf 'Edited headline\\n\\nA new body.\\n' > "$1"`);
    const s = await start([textLibrary()], { EDITOR: editor, VISUAL: '' });
    s.write('e');
    await s.waitFor('editor READY', 'the editor');
    s.write('ok\r');
    await s.waitFor(() => s.alternateScreen && s.screen().includes('Edited headline'), 'the edited article in the list');
    expect(recorded('editor-answer')).toBe('ok');
  });

  it('e on a feed entry says why not, and v opens its link in $BROWSER', async () => {
    const browser = script('browser.sh', 'printf "%s\\n" "$@" >> "$OUT/browser-args"');
    const s = await start([feedLibrary()], { BROWSER: `${browser} --new-tab %s`, EDITOR: script('editor.sh', 'touch "$OUT/editor-ran"') });
    s.write('e');
    await s.waitForStatus(/a feed entry is not a file to edit/);
    s.write('v');
    await s.waitFor(() => existsSync(path.join(out, 'browser-args')), 'the browser');
    expect(recorded('browser-args')).toBe('--new-tab\nhttps://feed.example/consoles\n');
    await s.waitForStatus(/opened in the browser \(browser\.sh\)/);
    expect(existsSync(path.join(out, 'editor-ran'))).toBe(false);
    // The second entry's link is ftp: refused, nothing started.
    s.write('jv');
    await s.waitForStatus(/not opening a ftp: link: only http and https/);
    expect(recorded('browser-args')).toBe('--new-tab\nhttps://feed.example/consoles\n');
  });
});

describe('| pipes the article to a command', () => {
  it.each([
    ['one key at a time', (s: PtySession) => [..."|cat > piped.txt"].forEach((k) => s.write(k))],
    ['in one write', (s: PtySession) => s.write('|cat > piped.txt')],
  ])('runs it with the text on stdin and shows the exit status, %s', async (_how, type) => {
    const s = await start([textLibrary()], {});
    type(s);
    await s.waitFor(() => s.status().startsWith('| cat > piped.txt'), 'the prompt with the command');
    // The prompt's cursor is drawn inverse after the text.
    expect(s.cell('| cat > piped.txt'.length, 39).inverse).toBe(true);
    s.write('\r');
    await s.waitFor('press any key to return to newsreader', 'the pause after the command');
    expect(s.alternateScreen).toBe(false);
    s.write('x');
    await backInReader(s);
    await s.waitForStatus(/\| cat > piped\.txt: exit status 0/);
    const piped = readFileSync(path.join(dir, 'piped.txt'), 'utf8');
    expect(piped.split('\n').slice(0, 3)).toEqual(['New consoles promise big problems', 'no date', '']);
    expect(piped).toContain('prices will rise.');
  });

  it('shows a failing command exit status, and Esc cancels the prompt', async () => {
    const s = await start([textLibrary()], {});
    s.write('|exit 3\r');
    await s.waitFor('press any key', 'the pause');
    expect(s.screen()).toContain('[command exited with status 3]');
    s.write(' ');
    await s.waitForStatus(/exit status 3/);
    s.write('|cat');
    await s.waitFor(() => s.status().startsWith('| cat'), 'the prompt');
    s.press('escape');
    await s.waitFor(() => /1\/1/.test(s.status()), 'the status bar back');
  });
});

describe('w saves the article', () => {
  it('saves text under a name made from the headline, Markdown for .md, and never overwrites unasked', async () => {
    const s = await start([textLibrary()], {});
    s.write('w');
    await s.waitFor(() => s.status().startsWith('save to: new-consoles-promise-big-problems.txt'), 'the default name');
    s.write('\r');
    await s.waitForStatus(/saved to .*new-consoles-promise-big-problems\.txt/);
    const txt = path.join(dir, 'new-consoles-promise-big-problems.txt');
    expect(readFileSync(txt, 'utf8').startsWith('New consoles promise big problems\nno date\n\nMakers of')).toBe(true);

    // Ctrl-U clears the default; all in one write.
    s.write('w\u0015notes.md\r');
    await s.waitForStatus(/saved to .*notes\.md/);
    const md = readFileSync(path.join(dir, 'notes.md'), 'utf8');
    expect(md.split('\n\n').slice(0, 3)).toEqual(['# New consoles promise big problems', '*no date*', expect.stringContaining('Makers of')]);
    expect(md).toContain('http://example.com/a\\_(b)');

    writeFileSync(txt, 'mine');
    s.write('w\r');
    await s.waitFor(() => s.status().startsWith('new-consoles-promise-big-problems.txt exists: overwrite? (y/n)'), 'the question');
    s.write('n');
    await s.waitForStatus(/not saved/);
    expect(readFileSync(txt, 'utf8')).toBe('mine');
    s.write('w');
    await s.waitFor(() => s.status().startsWith('save to:'), 'the prompt again');
    s.write('\r');
    await s.waitFor(() => s.status().includes('overwrite? (y/n)'), 'the question again');
    s.write('y');
    await s.waitForStatus(/saved to/);
    expect(readFileSync(txt, 'utf8')).toContain('Makers of');
  });

  it('says in one line why a file cannot be written', async () => {
    const s = await start([textLibrary()], {});
    s.write('w\u0015no/such/dir/x.txt\r');
    await s.waitForStatus(/cannot save to .*x\.txt: no such directory/);
  });
});

describe('L lists the links', () => {
  it.each([
    ['one key at a time', ['L', '2']],
    ['in one write', ['L2']],
  ])('numbers them, and a number opens one in $BROWSER, %s', async (_how, writes) => {
    const browser = script('browser.sh', 'printf "%s\\n" "$@" >> "$OUT/browser-args"');
    const s = await start([feedLibrary()], { BROWSER: `/no/such/browser:${browser}` });
    for (const keys of writes) s.write(keys);
    // The shell creates the file before it writes the line, and the browser may run before
    // the frame that lists the links reaches the screen: wait for both.
    await s.waitFor(() => existsSync(path.join(out, 'browser-args')) && recorded('browser-args').endsWith('\n'), 'the browser');
    expect(recorded('browser-args')).toBe('https://feed.example/report\n');
    await s.waitFor(/Links \(3\)/);
    const lines = s.lines();
    expect(lines[1]).toContain('1  link: https://feed.example/consoles');
    expect(lines[2]).toContain('2  [1] https://feed.example/report');
    expect(lines[3]).toContain('3  [2] http://other.example/x?a=1&b=2');
    // The opened link is selected: drawn inverse.
    await s.waitFor(() => s.cell(2, 2).inverse && !s.cell(2, 1).inverse, 'the second link selected');
    s.write('kk\r');
    await s.waitFor(() => recorded('browser-args').split('\n').length === 3, 'the first link opened');
    expect(recorded('browser-args')).toBe('https://feed.example/report\nhttps://feed.example/consoles\n');
    s.press('escape');
    await s.waitFor(() => !s.screen().includes('Links (3)'), 'the list closed');
    expect(s.screen()).toContain('New consoles promise big problems');
  });

  it('lists the URLs in a text file', async () => {
    const s = await start([textLibrary()], { BROWSER: script('browser.sh', 'true') });
    s.write('L');
    await s.waitFor('Links (2)', 'the list');
    expect(s.lines()[1]).toContain('1  https://example.org/report');
    expect(s.lines()[2]).toContain('2  http://example.com/a_(b)');
    s.write('q');
    await s.waitFor(() => !s.screen().includes('Links (2)'), 'the list closed');
    expect(s.alternateScreen).toBe(true);
  });
});

describe('newsreader search on a terminal', () => {
  it('prints a snippet under each result with the match in colour; NO_COLOR leaves it plain', async () => {
    const news = textLibrary();
    session = spawnReader({ cols: 120, rows: 40, args: ['search', 'prices', news], env: { CI: 'true' }, cwd: dir });
    await session.waitForExit();
    const s = session;
    const row = s.lines().findIndex((line) => line.startsWith('    '));
    expect(s.lines()[row]).toBe('    The report (see http://example.com/a_(b)) says prices will rise.');
    const at = s.lines()[row]!.indexOf('prices');
    expect(s.cells(row, at, at + 6).every((c) => c.bold && c.fgColour)).toBe(true);
    expect(s.cells(row, 4, at).some((c) => c.bold || c.fgColour)).toBe(false);

    session.dispose();
    session = spawnReader({ cols: 120, rows: 40, args: ['search', 'prices', news], env: { CI: 'true', NO_COLOR: '1' }, cwd: dir });
    await session.waitForExit();
    const plain = session;
    const plainRow = plain.lines().findIndex((line) => line.startsWith('    '));
    expect(plain.cells(plainRow).some((c) => c.bold || c.fgColour)).toBe(false);
    expect(plain.lines()[plainRow]).toContain('says prices will rise.');
  });
});
