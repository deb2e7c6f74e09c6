/**
 * `newsreader unread`, the read and starred marks in the `--json` listings, and the
 * snippets under `newsreader search` results, through the built CLI on real files and a
 * real library database.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/library/store/sqlite-library.js';
import { freshDatabase, runCli } from './run-cli.js';

let dir: string;
let db: string;

function article(name: string, headline: string, body: string): void {
  writeFileSync(path.join(dir, name), `${headline}\n\n${body}\n`);
}

/** Mark an article read or starred, as the reader would, through the library. */
async function mark(headline: string, patch: { read?: boolean; starred?: boolean }): Promise<void> {
  const library = openLibrary({ paths: [dir], db });
  try {
    await library.refresh().done;
    const row = library.page({ sort: 'newest' }, 0, 10).find((r) => r.headline === headline);
    if (row === undefined) throw new Error(`no article ${headline}`);
    library.setState(row.id, patch);
  } finally {
    library.close();
  }
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-unread-'));
  db = freshDatabase();
  article('a.txt', 'Oil prices fall', 'Oil prices retreated from four-month highs in early trading on Tuesday after the cartel spoke.');
  article('b.txt', 'Markets rally', 'Shares rose across Europe as investors shrugged off the news about oil and gas.');
  article('c.txt', 'Quiet day', 'Nothing much happened at all today in the markets.');
});

describe('newsreader unread', () => {
  it('prints the unread count as one number and a newline, and {unread,total} with --json', async () => {
    const env = { NEWSREADER_DB: db };
    expect(await runCli(['unread', dir], { env })).toMatchObject({ code: 0, stdout: '3\n', stderr: '' });
    await mark('Markets rally', { read: true });
    expect(await runCli(['unread', dir], { env })).toMatchObject({ code: 0, stdout: '2\n' });
    const json = await runCli(['--json', 'unread', dir], { env });
    expect(JSON.parse(json.stdout)).toEqual({ unread: 2, total: 3 });
    expect((await runCli(['unread', '--json', dir], { env })).stdout).toBe('{"unread":2,"total":3}\n');
  });

  it('counts the bundled articles with no PATH, and refuses a missing PATH with one line', async () => {
    expect(await runCli(['unread'])).toMatchObject({ code: 0, stdout: '1\n' });
    const missing = await runCli(['unread', path.join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('read and starred in --json', () => {
  it('the listing of files carries each article marks from the library', async () => {
    await mark('Markets rally', { read: true, starred: true });
    await mark('Oil prices fall', { read: true });
    const { code, stdout } = await runCli(['--json', dir], { env: { NEWSREADER_DB: db } });
    expect(code).toBe(0);
    const marks = Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { headline: string; read: boolean; starred: boolean })
        .map((a) => [a.headline, [a.read, a.starred]]),
    );
    expect(marks).toEqual({ 'Oil prices fall': [true, false], 'Markets rally': [true, true], 'Quiet day': [false, false] });
  });

  it('search --json carries them too', async () => {
    await mark('Markets rally', { starred: true });
    const { code, stdout } = await runCli(['--json', 'search', 'oil', dir], { env: { NEWSREADER_DB: db } });
    expect(code).toBe(0);
    const hits = stdout.trim().split('\n').map((line) => JSON.parse(line) as { headline: string; read: boolean; starred: boolean });
    expect(hits.map((h) => [h.headline, h.read, h.starred]).sort()).toEqual([
      ['Markets rally', false, true],
      ['Oil prices fall', false, false],
    ]);
  });
});

describe('search snippets', () => {
  it('prints the text around the first match under each result with --snippets, sanitised and without colour on a pipe', async () => {
    article('d.txt', 'Hostile', `Some words before \u001b[31mred\u001b[0m and then the gas price, and more words after it to fill the line up.`);
    const { code, stdout } = await runCli(['search', '--snippets', 'gas', dir]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const under = (headline: string): string | undefined => lines[lines.findIndex((l) => l.includes(`\t${headline}\t`)) + 1];
    expect(under('Markets rally')).toBe('    Shares rose across Europe as investors shrugged off the news about oil and gas.');
    const hostile = under('Hostile') ?? '';
    expect(hostile.startsWith('    ')).toBe(true);
    expect(hostile).toContain('the gas price');
    expect(hostile).not.toContain('\u001b');
  });

  it('leaves a piped listing as it was without --snippets, one line a hit', async () => {
    const { stdout } = await runCli(['search', 'oil', dir]);
    expect(stdout.trimEnd().split('\n').every((line) => line.split('\t').length === 4)).toBe(true);
  });
});
