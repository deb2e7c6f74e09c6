/**
 * The programs the reader hands an article to: the browser (`$BROWSER`, else `xdg-open` or
 * `open`), the pager (`$PAGER`, else `less`), the editor (`$VISUAL`, `$EDITOR`, else `vi`),
 * a command typed at the `|` prompt, and files written by `w`. Programs are started from an
 * argument array, never through a shell, except the `|` command, which is the user's own
 * shell line (as mutt's pipe). Terminal programs get the terminal (see `HandOver`); a GUI
 * opener is started on its own with its output discarded. Every failure is one line.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { OutsideTools, SaveOutcome } from '../ui/use-outside.js';

/**
 * node:child_process is loaded when a program is first run: most sessions run none, and
 * the module costs every launch 2 MiB resident.
 */
const load = createRequire(import.meta.url);
const childProcess = (): typeof import('node:child_process') => load('node:child_process') as typeof import('node:child_process');

/**
 * Runs `run` with the terminal given to another program: the reader's screen put away and
 * its keys unread until `run` settles, then everything drawn again.
 */
export type HandOver = <T>(run: () => Promise<T>) => Promise<T>;

/** Browsers that draw in the terminal, so they are given it rather than started apart. */
const TERMINAL_BROWSERS = new Set(['w3m', 'lynx', 'links', 'links2', 'elinks', 'browsh', 'carbonyl', 'www-browser', 'amfora']);

/** Only web pages are handed to a browser: never `file:`, `javascript:` or a program's own scheme. */
export function checkWebUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a link that can be opened: ${url}`;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : `not opening a ${parsed.protocol} link: only http and https`;
}

/**
 * A command line from the environment as words: split at spaces, with '…' and "…" quoting
 * and backslash escapes as a shell reads them, but nothing else a shell does.
 */
export function commandWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word = (word ?? '') + line[++i];
      else word = (word ?? '') + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

/**
 * The browsers to try for `url`, in order: each entry of `$BROWSER` (a colon-separated list,
 * as Python's webbrowser and xdg-utils read it) with `%s` replaced by the URL (`%%` is a
 * `%`) or the URL added as the last argument; without `$BROWSER`, the platform's opener.
 */
export function browserCommands(url: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[][] {
  const entries = (env.BROWSER ?? '').split(':').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) return [platform === 'darwin' ? ['open', url] : ['xdg-open', url]];
  return entries
    .map(commandWords)
    .filter((words) => words.length > 0)
    .map((words) => {
      if (!words.some((word) => word.includes('%s'))) return [...words, url];
      return words.map((word) => word.replace(/%([%s])/g, (_, c: string) => (c === 's' ? url : '%')));
    });
}

/** Whether a program draws in the terminal (and so must be given it) rather than a window. */
export function isTerminalBrowser(program: string): boolean {
  return TERMINAL_BROWSERS.has(path.basename(program));
}

/** The pager for a file: `$PAGER` as words, else `less`. */
export function pagerCommand(env: NodeJS.ProcessEnv): string[] {
  const words = commandWords(env.PAGER ?? '');
  return words.length > 0 ? words : ['less'];
}

/** The editor for a file: `$VISUAL`, else `$EDITOR`, else `vi`. */
export function editorCommand(env: NodeJS.ProcessEnv): string[] {
  for (const name of ['VISUAL', 'EDITOR'] as const) {
    const words = commandWords(env[name] ?? '');
    if (words.length > 0) return words;
  }
  return ['vi'];
}

/** Why a program could not start, as a person says it. */
function startError(program: string, error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return `${program}: not found`;
  if (error.code === 'EACCES') return `${program}: permission denied`;
  return `${program}: ${error.message}`;
}

/** How a finished program went: null when it exited 0, else one line. */
function exitText(program: string, code: number | null, signal: NodeJS.Signals | null): string | null {
  if (signal !== null) return `${program} was stopped by ${signal}`;
  return code === 0 ? null : `${program} exited with status ${code ?? '?'}`;
}

interface Finished {
  /** Why it could not start, or null when it ran. */
  error: string | null;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * Run a program on the terminal the reader has handed over, its standard input the
 * terminal or `input`, and wait for it.
 */
function runOnTerminal(words: string[], cwd: string, input?: string): Promise<Finished> {
  const [program = '', ...args] = words;
  const child = childProcess().spawn(program, args, { stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'], cwd });
  const done = new Promise<Finished>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve({ error: startError(program, error), code: null, signal: null }));
    child.once('exit', (code, signal) => resolve({ error: null, code, signal }));
  });
  if (input !== undefined && child.stdin !== null) {
    // A command that stops reading early (head) closes the pipe: that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  }
  return done;
}

/** Start a window program on its own: no terminal, output discarded, not waited for. */
function startApart(words: string[], onLate: (text: string) => void): Promise<string | null> {
  const [program = '', ...args] = words;
  return new Promise((resolve) => {
    const child = childProcess().spawn(program, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error: NodeJS.ErrnoException) => resolve(startError(program, error)));
    child.once('spawn', () => {
      child.unref();
      resolve(null);
      // An opener that fails after starting (no handler for the URL) is still told.
      child.once('exit', (code, signal) => {
        const text = exitText(path.basename(program), code, signal);
        if (text !== null) onLate(text);
      });
    });
  });
}

export interface ToolsOptions {
  handOver: HandOver;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Where a relative file name is saved and commands run. */
  cwd?: string;
  /** Called after the editor exits, so the library can read the file again. */
  onEdited?: (file: string) => void;
  /** Written after a piped command ends, before the reader comes back; the key read after it. */
  waitForKey?: (message: string) => Promise<void>;
}

export function createOutsideTools(options: ToolsOptions): OutsideTools {
  const { handOver, env = process.env, platform = process.platform, cwd = process.cwd() } = options;

  /** Run a program with the terminal; resolves with its outcome. */
  const inTerminal = (words: string[]): Promise<Finished> => handOver(() => runOnTerminal(words, cwd));

  const openUrl = async (url: string, onLate: (text: string) => void = () => undefined): Promise<string> => {
    const refused = checkWebUrl(url);
    if (refused !== null) return refused;
    const failures: string[] = [];
    for (const words of browserCommands(url, env, platform)) {
      const program = words[0] ?? '';
      if (isTerminalBrowser(program)) {
        const outcome = await inTerminal(words);
        if (outcome.error === null) return exitText(path.basename(program), outcome.code, outcome.signal) ?? `opened in ${path.basename(program)}`;
        failures.push(outcome.error);
      } else {
        const error = await startApart(words, onLate);
        if (error === null) return `opened in the browser (${path.basename(program)})`;
        failures.push(error);
      }
    }
    return `could not open the link: ${failures.join('; ')}${env.BROWSER ? '' : ' (set BROWSER)'}`;
  };

  const runOn = async (words: string[], file: string, what: string): Promise<string> => {
    const outcome = await inTerminal([...words, file]);
    const program = path.basename(words[0] ?? '');
    if (outcome.error !== null) return `${what}: ${outcome.error}`;
    return exitText(program, outcome.code, outcome.signal) ?? '';
  };

  return {
    openUrl,
    page: (file) => runOn(pagerCommand(env), file, 'pager'),
    edit: async (file) => {
      const text = await runOn(editorCommand(env), file, 'editor');
      options.onEdited?.(file);
      return text;
    },
    pipe: async (command, text) => {
      const shell = ['/bin/sh', '-c', command];
      const outcome = await handOver(async () => {
        const result = await runOnTerminal(shell, cwd, text);
        const status = result.error ?? exitText('command', result.code, result.signal) ?? 'exit status 0';
        await options.waitForKey?.(`[${status}] press any key to return to newsreader`);
        return result;
      });
      if (outcome.error !== null) return `| ${command}: ${outcome.error}`;
      return `| ${command}: ${outcome.signal !== null ? `stopped by ${outcome.signal}` : `exit status ${outcome.code ?? '?'}`}`;
    },
    save: (file, content, overwrite) => saveFile(path.resolve(cwd, expandHome(file)), content, overwrite),
  };
}

/** `~/notes.md` as a shell reads it. */
export function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
}

const SAVE_ERRORS: Record<string, string> = {
  ENOENT: 'no such directory',
  ENOTDIR: 'not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** Write `content` to `file`: a new file, or an existing one only when `overwrite`. */
export async function saveFile(file: string, content: string, overwrite: boolean): Promise<SaveOutcome> {
  try {
    // `wx` fails if the file exists, so an existing file is never replaced unasked.
    await writeFile(file, content, { flag: overwrite ? 'w' : 'wx' });
    return { status: 'saved', path: file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return { status: 'exists', path: file };
    return { status: 'failed', message: `cannot save to ${file}: ${SAVE_ERRORS[code] ?? (error as Error).message}` };
  }
}
