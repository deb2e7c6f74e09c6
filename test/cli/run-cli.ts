/**
 * Running newsreader as a script would: the built CLI in a child process with no terminal
 * attached, output captured. Every run gets a
 * library database in a new temporary folder unless the test names one (NEWSREADER_DB in
 * `env`, or `--db`), so no test reads or writes the user's data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../kit/shared-dir.js';

export const cliPath = path.join(repoRoot, 'dist', 'newsreader.js');

/** The uid/gid of `nobody`, for cases root would otherwise read whatever the permissions. */
export const UNPRIVILEGED = 65534;

/**
 * A path for a new library database in a new temporary folder. `anyUser` opens the folder
 * to every user, for a CLI run as UNPRIVILEGED.
 */
export function freshDatabase(options: { anyUser?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-test-db-'));
  if (options.anyUser) chmodSync(dir, 0o777);
  return path.join(dir, 'library.db');
}

/**
 * A config folder with no config file, made once per test process: the CLI run by a test
 * never reads the user's own config.
 */
let configHome: string | null = null;
export function emptyConfigHome(): string {
  configHome ??= mkdtempSync(path.join(tmpdir(), 'newsreader-test-config-'));
  return configHome;
}

/**
 * A minimal environment with HOME and the XDG folders inside `home`, so nothing the
 * program might look up or write there is the user's.
 */
export function isolatedEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    LANG: 'C.UTF-8',
  };
}

export interface CliOptions {
  /** Working folder (default: the repository). */
  cwd?: string;
  /** Added to the environment; NEWSREADER_DB here replaces the temporary database. */
  env?: NodeJS.ProcessEnv;
  /** Start from a minimal environment with HOME and XDG folders in this folder instead of ours. */
  home?: string;
  /** Run as UNPRIVILEGED when we are root (root reads files whatever their permissions). */
  unprivileged?: boolean;
  /** A guard against a hang (a FIFO opened for reading): the child is killed after it. */
  killAfterMs?: number;
}

export interface CliBytes {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start the CLI; `result` settles when it has exited and its output is read. */
export function spawnCli(args: string[], options: CliOptions = {}): { child: ChildProcess; result: Promise<CliBytes> } {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  const unprivileged = options.unprivileged === true && process.getuid?.() === 0;
  const ownDb = options.env?.NEWSREADER_DB === undefined ? freshDatabase({ anyUser: unprivileged }) : null;
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: {
      ...(options.home === undefined ? { ...process.env, XDG_CONFIG_HOME: emptyConfigHome() } : isolatedEnv(options.home)),
      ...(ownDb === null ? {} : { NEWSREADER_DB: ownDb }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(unprivileged ? { uid: UNPRIVILEGED, gid: UNPRIVILEGED } : {}),
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const guard = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
  const result = new Promise<CliBytes>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (ownDb !== null) rmSync(path.dirname(ownDb), { recursive: true, force: true });
      resolve({ code, signal, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    });
  });
  return { child, result };
}

/** Run the CLI to the end; output as bytes, for tests about exactly what was written. */
export function runCliBytes(args: string[], options: CliOptions = {}): Promise<CliBytes> {
  return spawnCli(args, options).result;
}

/** Run the CLI to the end; output as UTF-8 text. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const { code, signal, stdout, stderr } = await runCliBytes(args, options);
  return { code, signal, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8') };
}
