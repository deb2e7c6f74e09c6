/** Running the built CLI as a script would, with no terminal attached. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../shared-dir.js';

export const cliPath = path.join(repoRoot, 'dist', 'newsreader.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A path for a new library database in a temporary folder: tests never touch the user's. */
export function freshDatabase(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-test-db-')), 'library.db');
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NEWSREADER_DB: freshDatabase(), ...options.env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
