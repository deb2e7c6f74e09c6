/** `newsreader search` as scripts see it: the built CLI, its output and exit status. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli/run-cli.js';

let library: string;

function run(...args: string[]): Promise<CliResult> {
  return runCli(['search', ...args]);
}

beforeAll(() => {
  library = mkdtempSync(path.join(tmpdir(), 'newsreader-search-cli-'));
  mkdirSync(path.join(library, 'world'));
  writeFileSync(path.join(library, 'world', 'aleppo.txt'), 'Aleppo siege tightens\n\nUpdated Sep 1, 2016\n\nFighting continued in Aleppo.\n');
  writeFileSync(path.join(library, 'world', 'evil.txt'), 'Aleppo \u001b]0;pwned\u0007 talks\n\nUpdated Sep 2, 2016\n\nTalks about Aleppo.\n');
  writeFileSync(path.join(library, 'cafe.txt'), 'Café culture\n\nThe café opens at dawn.\n');
});

afterAll(() => rmSync(library, { recursive: true, force: true }));

describe('newsreader search', () => {
  it('prints ranked matches: score, date, headline, path, sanitised', async () => {
    const { code, stdout } = await run('aleppo', library);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^\d+\.\d\d\t2016-09-01\tAleppo siege tightens\t.*aleppo\.txt$/));
    expect(stdout).not.toContain('\u001b');
  });

  it('prints JSON with --json and honours --limit', async () => {
    const { code, stdout } = await run('--json', '--limit', '1', 'aleppo', library);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ headline: expect.stringMatching(/^Aleppo/), date: expect.stringMatching(/^2016-09-0[12]$/) });
  });

  it('exits 1 when nothing matches, with a suggestion on stderr', async () => {
    const { code, stdout, stderr } = await run('alepo', library);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('did you mean: aleppo');
  });

  it('exits 2 with the message on a malformed query', async () => {
    const { code, stderr } = await run('"aleppo', library);
    expect(code).toBe(2);
    expect(stderr).toBe('newsreader: search: missing closing quote (")\n');
  });

  it('exits 2 on a bad --limit and on a missing path', async () => {
    expect((await run('--limit', 'many', 'aleppo', library)).code).toBe(2);
    expect((await run('aleppo', path.join(library, 'nowhere'))).code).toBe(2);
  });
});
