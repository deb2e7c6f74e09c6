import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types.js';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { runCli, spawnCli } from './run-cli.js';

function parseJsonLines(stdout: string): Article[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as Article);
}

describe('newsreader --json', () => {
  it('prints the bundled seed with no PATH, every field in FORMAT.md order', async () => {
    const { code, stdout, stderr } = await runCli(['--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const [article, ...rest] = parseJsonLines(stdout);
    expect(rest).toEqual([]);
    expect(Object.keys(article ?? {})).toEqual([
      'id', 'path', 'section', 'headline', 'standfirst', 'date', 'source', 'credits', 'blocks', 'words', 'warnings', 'read', 'starred',
    ]);
    expect(article?.headline).toBe('US-Russia talks on Syria end without deal');
    expect(article?.blocks).toHaveLength(28);
    expect(article?.path).toMatch(/seeds[/\\]000_f7bcbbc1a212b420\.txt$/);
  });

  it('orders articles newest first, undated ones by file time, and warns on stderr about what it skips', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsreader-cli-'));
    mkdirSync(path.join(root, 'world'));
    writeFileSync(path.join(root, 'b.txt'), 'Undated B\n\nBody.\n');
    writeFileSync(path.join(root, 'a.txt'), 'Undated A\n\nBody.\n');
    writeFileSync(path.join(root, 'world', 'old.txt'), 'Old\n\nUpdated Sep 6, 2016\n\nBody.\n');
    writeFileSync(path.join(root, 'world', 'new.txt'), 'New\n\nUpdated Sep 7, 2016\n\nBody.\n');
    writeFileSync(path.join(root, 'empty.txt'), '');
    utimesSync(path.join(root, 'a.txt'), new Date('2016-09-06T12:00:00Z'), new Date('2016-09-06T12:00:00Z'));
    utimesSync(path.join(root, 'b.txt'), new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const { code, stdout, stderr } = await runCli(['--json', root]);
    expect(code).toBe(0);
    expect(parseJsonLines(stdout).map((a) => [a.headline, a.section, a.date])).toEqual([
      ['Undated B', null, null], ['New', 'world', '2016-09-07'], ['Undated A', null, null], ['Old', 'world', '2016-09-06'],
    ]);
    expect(stderr).toBe(`newsreader: warning: ${path.join(root, 'empty.txt')}: empty file skipped\n`);
  });

  it.skipIf(!hasShared)('parses the whole BBC corpus and warns about the one Windows-1252 file', async () => {
    const { code, stdout, stderr } = await runCli(['--json', bbcDir]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(2225);
    expect(stderr.trim().split('\n')).toEqual([
      `newsreader: warning: ${path.join(bbcDir, 'sport', '199.txt')}: not valid UTF-8; decoded as Windows-1252`,
    ]);
  });
});

describe.skipIf(!hasShared)('character references in text files', () => {
  it('--json shows them decoded in text and keeps the raw line in lines; an equal line is not repeated', async () => {
    const { code, stdout } = await runCli(['--json', path.join(bbcDir, 'tech', '074.txt')]);
    expect(code).toBe(0);
    const [article] = parseJsonLines(stdout) as unknown as { blocks: { kind: string; text: string; lines?: string[] }[] }[];
    const cafe = article?.blocks.find((b) => b.text.includes('internet café'));
    expect(cafe?.lines).toHaveLength(1);
    expect(cafe?.lines?.[0]).toContain('internet caf&#233;');
    expect(cafe?.text).not.toContain('&#233;');
    const plain = article?.blocks.filter((b) => !b.text.includes('café')) ?? [];
    expect(plain.length).toBeGreaterThan(3);
    for (const block of plain) expect(block).not.toHaveProperty('lines');
  });

  it('the listing and search show the decoded headline, and search finds the decoded words', async () => {
    const file = path.join(bbcDir, 'entertainment', '199.txt');
    const listed = await runCli([file]);
    expect(listed.stdout.split('\t')[2]).toBe('£1.8m indecency fine for Viacom');
    const found = await runCli(['search', 'viacom indecency', file]);
    expect(found.code).toBe(0);
    expect(found.stdout.split('\t')[2]).toBe('£1.8m indecency fine for Viacom');
    const cafe = await runCli(['search', '"internet cafe"', path.join(bbcDir, 'tech', '074.txt')]);
    expect(cafe.code).toBe(0);
  });
});

describe('newsreader without a terminal', () => {
  it('prints one tab-separated line per article: date, section, headline, path', async () => {
    const { code, stdout } = await runCli([]);
    expect(code).toBe(0);
    const fields = stdout.trimEnd().split('\t');
    expect(fields.slice(0, 3)).toEqual(['2016-09-06', '-', 'US-Russia talks on Syria end without deal']);
    expect(fields[3]).toMatch(/000_f7bcbbc1a212b420\.txt$/);
  });

  it('keeps each record on one line even when the headline holds tabs and escapes', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsreader-cli-'));
    writeFileSync(path.join(root, 'x.txt'), 'Tab\there \u001b]0;owned\u0007done\n\nBody.\n');
    const { stdout } = await runCli([root]);
    expect(stdout.split('\n')).toHaveLength(2);
    expect(stdout.split('\t')).toHaveLength(4);
    expect(stdout).not.toContain('\u001b');
  });
});

describe('usage and errors', () => {
  it('shows usage, keys and examples with --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: newsreader/);
    expect(stdout).toContain('--json');
    expect(stdout).toContain('Examples:');
  });

  it('prints the package version with --version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('exits 2 with one line for a PATH that does not exist', async () => {
    const { code, stdout, stderr } = await runCli(['--json', 'no/such/dir']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('newsreader: no/such/dir: no such file or directory\n');
  });

  it.each([
    ['--help', ['--help']],
    ['--version', ['--version']],
    ['the listing', ['--json']],
    ['a search', ['search', 'the']],
  ])('stops quietly when its output is closed before %s is written (`| head`)', async (_what, args) => {
    const { child, result } = spawnCli(args);
    child.stdout?.destroy();
    const { code, stderr } = await result;
    expect(stderr.toString('utf8')).toBe('');
    expect(code).toBe(0);
  });

  it('exits 2 with one line for an unknown option', async () => {
    const { code, stderr } = await runCli(['--frobnicate']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^newsreader: .*frobnicate.*\(see --help\)\n$/);
  });
});
