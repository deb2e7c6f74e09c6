/**
 * The programs outside the reader: how $BROWSER, $PAGER and $EDITOR are read, which URLs
 * are refused, and the tools run for real on small scripts and files, the terminal handed
 * over by a stand-in that counts.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  browserCommands,
  checkWebUrl,
  commandWords,
  createOutsideTools,
  editorCommand,
  isTerminalBrowser,
  pagerCommand,
  saveFile,
  type HandOver,
} from '../../src/commands/external.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-external-'));
});

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** A hand-over that only counts: the tests have no terminal to give. */
function countingHandOver(): { handOver: HandOver; count: () => number } {
  let count = 0;
  const handOver: HandOver = (run) => {
    count += 1;
    return run();
  };
  return { handOver, count: () => count };
}

const URL = 'https://example.org/a?b=1&c=2';

describe('$BROWSER', () => {
  it('falls back to xdg-open on Linux and open on macOS', () => {
    expect(browserCommands(URL, {}, 'linux')).toEqual([['xdg-open', URL]]);
    expect(browserCommands(URL, { BROWSER: '' }, 'darwin')).toEqual([['open', URL]]);
  });

  it('reads a colon-separated list, each with %s replaced (%% is a %) or the URL added', () => {
    expect(browserCommands(URL, { BROWSER: 'firefox:w3m -o x=1 %s:chromium --app=%s%%:' }, 'linux')).toEqual([
      ['firefox', URL],
      ['w3m', '-o', 'x=1', URL],
      ['chromium', `--app=${URL}%`],
    ]);
  });

  it('takes quoted words without a shell: the URL is one argument whatever it holds', () => {
    const odd = "https://example.org/$(touch x);'a b'";
    expect(browserCommands(odd, { BROWSER: '"/opt/My Browser/run" --new' }, 'linux')).toEqual([['/opt/My Browser/run', '--new', odd]]);
  });

  it('knows terminal browsers by name, wherever they are', () => {
    expect(['w3m', '/usr/bin/lynx', 'elinks'].map(isTerminalBrowser)).toEqual([true, true, true]);
    expect(['firefox', 'xdg-open', 'open'].map(isTerminalBrowser)).toEqual([false, false, false]);
  });
});

describe('URLs handed to a browser', () => {
  it.each(['https://example.org/', 'http://127.0.0.1:8080/x'])('opens %s', (url) => {
    expect(checkWebUrl(url)).toBeNull();
  });

  it.each([
    ['javascript:alert(1)', 'not opening a javascript: link: only http and https'],
    ['file:///etc/passwd', 'not opening a file: link: only http and https'],
    ['ftp://files.example/', 'not opening a ftp: link: only http and https'],
    ['not a url', 'not a link that can be opened: not a url'],
  ])('refuses %s', (url, why) => {
    expect(checkWebUrl(url)).toBe(why);
  });
});

describe('$PAGER and $EDITOR', () => {
  it('split into words, with less, and $VISUAL before $EDITOR before vi, as defaults', () => {
    expect(pagerCommand({})).toEqual(['less']);
    expect(pagerCommand({ PAGER: 'less -R' })).toEqual(['less', '-R']);
    expect(editorCommand({})).toEqual(['vi']);
    expect(editorCommand({ EDITOR: 'nano' })).toEqual(['nano']);
    expect(editorCommand({ EDITOR: 'nano', VISUAL: 'code --wait' })).toEqual(['code', '--wait']);
    expect(editorCommand({ EDITOR: 'nano', VISUAL: ' ' })).toEqual(['nano']);
  });

  it('reads quotes and backslashes as a shell does, and nothing more', () => {
    expect(commandWords(`a 'b c' "d \\"e\\"" f\\ g $HOME ''`)).toEqual(['a', 'b c', 'd "e"', 'f g', '$HOME', '']);
  });
});

describe('saveFile', () => {
  it('writes a new file, refuses an existing one unless told to overwrite', async () => {
    const file = path.join(dir, 'a.txt');
    expect(await saveFile(file, 'one', false)).toEqual({ status: 'saved', path: file });
    expect(await saveFile(file, 'two', false)).toEqual({ status: 'exists', path: file });
    expect(readFileSync(file, 'utf8')).toBe('one');
    expect(await saveFile(file, 'two', true)).toEqual({ status: 'saved', path: file });
    expect(readFileSync(file, 'utf8')).toBe('two');
  });

  it('says in one line why it cannot write', async () => {
    mkdirSync(path.join(dir, 'folder'));
    expect(await saveFile(path.join(dir, 'no', 'x.txt'), 'x', false)).toEqual({ status: 'failed', message: `cannot save to ${path.join(dir, 'no', 'x.txt')}: no such directory` });
    const folder = await saveFile(path.join(dir, 'folder'), 'x', true);
    expect(folder).toEqual({ status: 'failed', message: `cannot save to ${path.join(dir, 'folder')}: is a directory` });
  });
});

describe('the tools', () => {
  it('pipes the text to the command through sh, and tells its exit status after the key', async () => {
    const { handOver, count } = countingHandOver();
    const waited: string[] = [];
    const tools = createOutsideTools({ handOver, cwd: dir, env: {}, waitForKey: async (m) => void waited.push(m) });
    expect(await tools.pipe('cat > piped; exit 4', 'the text\n')).toBe('| cat > piped; exit 4: exit status 4');
    expect(readFileSync(path.join(dir, 'piped'), 'utf8')).toBe('the text\n');
    expect(waited).toEqual(['[command exited with status 4] press any key to return to newsreader']);
    expect(count()).toBe(1);
    // A command that reads nothing is no error.
    expect(await tools.pipe('true', 'x'.repeat(1 << 20))).toBe('| true: exit status 0');
  });

  it('runs the pager and the editor with the file, with the terminal handed over', async () => {
    const { handOver, count } = countingHandOver();
    const pager = script('pager', 'printf "%s\\n" "$@" > "$(dirname "$0")/pager-args"');
    const editor = script('editor', 'exit 2');
    const edited: string[] = [];
    const tools = createOutsideTools({ handOver, cwd: dir, env: { PAGER: `${pager} -X`, EDITOR: editor }, onEdited: (f) => edited.push(f) });
    expect(await tools.page('some file.txt')).toBe('');
    expect(readFileSync(path.join(dir, 'pager-args'), 'utf8')).toBe('-X\nsome file.txt\n');
    expect(await tools.edit('a.txt')).toBe('editor exited with status 2');
    expect(edited).toEqual(['a.txt']);
    expect(count()).toBe(2);
    const missing = createOutsideTools({ handOver, env: { PAGER: path.join(dir, 'none') } });
    expect(await missing.page('x')).toBe(`pager: ${path.join(dir, 'none')}: not found`);
  });

  it('opens a URL in the first browser that starts; a window browser apart, a terminal one with the terminal', async () => {
    const { handOver, count } = countingHandOver();
    const gui = script('gui', 'printf "%s\\n" "$@" > "$(dirname "$0")/gui-args"');
    const tools = createOutsideTools({ handOver, env: { BROWSER: `${path.join(dir, 'absent')}:${gui}` } });
    expect(await tools.openUrl(URL)).toBe('opened in the browser (gui)');
    await expect.poll(() => existsSync(path.join(dir, 'gui-args'))).toBe(true);
    await expect.poll(() => readFileSync(path.join(dir, 'gui-args'), 'utf8')).toBe(`${URL}\n`);
    expect(count()).toBe(0);

    const w3m = script('w3m', 'printf "%s\\n" "$@" > "$(dirname "$0")/w3m-args"');
    const terminal = createOutsideTools({ handOver, env: { BROWSER: w3m } });
    expect(await terminal.openUrl(URL)).toBe('opened in w3m');
    expect(readFileSync(path.join(dir, 'w3m-args'), 'utf8')).toBe(`${URL}\n`);
    expect(count()).toBe(1);
  });

  it('refuses a URL that is not http(s) before starting anything, and says when no browser starts', async () => {
    const { handOver, count } = countingHandOver();
    const tools = createOutsideTools({ handOver, env: { BROWSER: script('w3m', 'touch "$(dirname "$0")/ran"') } });
    expect(await tools.openUrl('javascript:alert(1)')).toBe('not opening a javascript: link: only http and https');
    expect(existsSync(path.join(dir, 'ran'))).toBe(false);
    expect(count()).toBe(0);
    const none = createOutsideTools({ handOver, env: { BROWSER: `${path.join(dir, 'a')}:${path.join(dir, 'b')}` } });
    expect(await none.openUrl(URL)).toBe(`could not open the link: ${path.join(dir, 'a')}: not found; ${path.join(dir, 'b')}: not found`);
  });

  it('tells of a window browser that fails after it started', async () => {
    const { handOver } = countingHandOver();
    const tools = createOutsideTools({ handOver, env: { BROWSER: script('opener', 'exit 3') } });
    const late: string[] = [];
    expect(await tools.openUrl(URL, (text) => late.push(text))).toBe('opened in the browser (opener)');
    await expect.poll(() => late).toEqual(['opener exited with status 3']);
  });

  it('saves a relative name in its folder', async () => {
    const tools = createOutsideTools({ handOver: countingHandOver().handOver, cwd: dir });
    expect(await tools.save('x.md', '# x\n', false)).toEqual({ status: 'saved', path: path.join(dir, 'x.md') });
  });
});
