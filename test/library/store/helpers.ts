/** Temporary folders, article files and child processes for the store tests. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { repoRoot } from '../../shared-dir.js';

const made: string[] = [];
afterEach(() => {
  while (made.length > 0) rmSync(made.pop() as string, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsreader-store-'));
  made.push(dir);
  return dir;
}

/** A temporary folder for a whole test file (beforeAll); the caller removes it in afterAll. */
export function suiteTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsreader-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small article in the seed format. */
export function articleText(headline: string, date: string, body = 'Officials said the talks would go on.'): string {
  return `${headline}\n\nA standfirst for ${headline}.\n\nPhoto by: Reuters\n\nUpdated ${date}\n\n${body}\n\nSecond paragraph about ${headline}.\n\nReuters\n`;
}

export function writeArticle(dir: string, relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI from source in a child process (tsx), with NEWSREADER_DB unset. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src', 'cli.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, NEWSREADER_DB: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<ChildResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, result };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  return spawnCli(args, env).result;
}

/** Poll `condition` until it holds, without fixed sleeps in the tests themselves. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
