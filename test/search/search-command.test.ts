/** `newsreader search` as scripts see it: the built CLI, its output and exit status. */
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
  mkdirSync(path.join(library, 'money'));
  writeFileSync(path.join(library, 'money', 'fed.txt'), 'Greenspan speaks\n\nAlan Greenspan spoke on rates.\n');
  writeFileSync(path.join(library, 'money', 'park.txt'), 'A green park\n\nThe green park opens.\n');
  writeFileSync(path.join(library, 'money', 'oil.txt'), 'Oil rises\n\nOil prices rose.\n');
  writeFileSync(path.join(library, 'money', 'oiled.txt'), 'Machines\n\nWell oiled machines.\n');
  // C1 control (CSI as one byte) and a right-to-left override in a headline.
  mkdirSync(path.join(library, 'odd'));
  writeFileSync(path.join(library, 'odd', 'hostile.txt'), 'Rates \u009b31m red \u202e desrever\n\nRates news.\n');
});

const headlines = (stdout: string): string[] =>
  stdout.trimEnd().split('\n').filter((l) => l !== '').map((l) => l.split('\t')[2] ?? '').sort();

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

  it('says in --help that * makes a prefix and what the reader does differently', async () => {
    const { code, stdout } = await run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('A * right after a word makes it a prefix: green* finds greenspan.');
    expect(stdout).toContain('the word being typed also matches as a prefix until a space follows it');
  });

  it('reads a * right after a word as a prefix, and green differs from green*', async () => {
    const exact = await run('green', path.join(library, 'money'));
    expect(exact.code).toBe(0);
    expect(headlines(exact.stdout)).toEqual(['A green park']);
    const prefix = await run('green*', path.join(library, 'money'));
    expect(prefix.code).toBe(0);
    expect(headlines(prefix.stdout)).toEqual(['A green park', 'Greenspan speaks']);
    expect(headlines((await run('headline:greens*', path.join(library, 'money'))).stdout)).toEqual(['Greenspan speaks']);
  });

  it('matches the whole word only, without a *: oil does not find oiled', async () => {
    expect(headlines((await run('oil', path.join(library, 'money'))).stdout)).toEqual(['Oil rises']);
    expect(headlines((await run('oil*', path.join(library, 'money'))).stdout)).toEqual(['Machines', 'Oil rises']);
  });

  it('suggests the prefix for a word cut short, exit 1', async () => {
    const { code, stdout, stderr } = await run('greensp', path.join(library, 'money'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('newsreader: no matches; did you mean: greensp*\n');
  });

  it.each([
    ['', 'the query is empty'],
    ['   ', 'the query is empty'],
    ['*', '* goes right after a word, as in green*'],
    ['oil *', '* goes right after a word, as in green*'],
    ['gr*en', '* goes right after a word, as in green*'],
    [':', 'the query has no word to search for'],
    ['-', 'the query has no word to search for'],
    ['"(', 'missing closing quote (")'],
    ['gr*', 'a prefix needs 3 letters or more (gr*)'],
  ])('exits 2 with one line for the empty or malformed query %j', async (query, message) => {
    const { code, stdout, stderr } = await run(query, library);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toHaveLength(2);
    expect(stderr).toContain(`newsreader: search: ${message}`);
  });

  it('searches foo:bar as words: a valid query, so 1 when nothing matches', async () => {
    const { code, stderr } = await run('foo:bar', library);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/search:/);
  });

  it('says why after:/before: find nothing in articles without dates', async () => {
    const { code, stderr } = await run('after:2016-01-01 oil', path.join(library, 'money'));
    expect(code).toBe(1);
    expect(stderr).toBe('newsreader: no matches: none of the 4 articles has a date, and after:/before: never match an undated article\n');
    const some = await run('before:2016-01-01 aleppo', library);
    expect(some.code).toBe(1);
    expect(some.stderr).toMatch(/\nnewsreader: no matches: 6 of the 8 articles have no date, [^\n]*\n$/);
  });

  it('takes global options before the command', async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-search-db-')), 'library.db');
    const before = await runCli(['--db', db, 'search', 'aleppo', library], { env: { NEWSREADER_DB: '/nonexistent/never.db' } });
    expect(before.code).toBe(0);
    expect(before.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(existsSync(db)).toBe(true);
    const json = await runCli(['--json', 'search', '--limit', '1', 'aleppo', library]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ headline: expect.stringMatching(/Aleppo/) });
    const bad = await runCli(['--bogus', 'search', 'aleppo', library]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^newsreader: Unknown option '--bogus'.*\(see --help\)\n$/);
  });

  it('escapes C1 and bidi characters in --json, which still parses to the exact text', async () => {
    const { code, stdout } = await run('--json', 'rates', path.join(library, 'odd'));
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('\\u009b');
    expect(stdout).toContain('\\u202e');
    expect(JSON.parse(stdout).headline).toBe('Rates \u009b31m red \u202e desrever');
  });

  it('warns about a missing PATH beside others and searches those; exits 2 only when none can be read', async () => {
    const missing = path.join(library, 'nowhere');
    const some = await run('aleppo', missing, path.join(library, 'world'));
    expect(some.code).toBe(0);
    expect(some.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(some.stderr.split('\n')).toContain(`newsreader: warning: ${missing}: no such file or directory`);
    const none = await run('aleppo', missing, `${missing}2`);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`newsreader: ${missing}: no such file or directory; ${missing}2: no such file or directory\n`);
  });
});
