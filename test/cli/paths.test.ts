/**
 * PATHs that cannot be read: each is a warning and the others are read; only when none
 * can be read does newsreader stop, with exit status 2. The same in the listing, search
 * and index.
 */
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

function place(): { readable: string; locked: string; loop: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-paths-'));
  chmodSync(dir, 0o755);
  const readable = path.join(dir, 'readable');
  const locked = path.join(dir, 'locked');
  mkdirSync(readable);
  mkdirSync(locked);
  writeFileSync(path.join(readable, 'oil.txt'), 'Oil rises\n\nOil prices rose.\n');
  writeFileSync(path.join(locked, 'oil.txt'), 'Secret oil\n\nOil kept from view.\n');
  chmodSync(readable, 0o755);
  chmodSync(path.join(readable, 'oil.txt'), 0o644);
  chmodSync(locked, 0o000);
  const loop = path.join(dir, 'loop');
  symlinkSync(loop, loop);
  return { readable, locked, loop };
}

const COMMANDS: [string, string[]][] = [
  ['the listing', []],
  ['search', ['search', 'oil']],
  ['index', ['index']],
];

describe.each(COMMANDS)('%s with PATHs that cannot be read', (_name, command) => {
  it('warns about a locked folder and a symlink loop, and reads the rest', async () => {
    const { readable, locked, loop } = place();
    const { code, stderr } = await runCli([...command, locked, loop, readable], { unprivileged: true });
    expect(code).toBe(0);
    expect(stderr).toContain(`newsreader: warning: ${locked}: permission denied\n`);
    expect(stderr).toContain(`newsreader: warning: ${loop}: too many levels of symbolic links\n`);
  });

  it('exits 2 with one line when none can be read', async () => {
    const { locked, loop } = place();
    const { code, stdout, stderr } = await runCli([...command, locked, loop], { unprivileged: true });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').at(-2)).toBe(`newsreader: ${locked}: permission denied; ${loop}: too many levels of symbolic links`);
  });
});
