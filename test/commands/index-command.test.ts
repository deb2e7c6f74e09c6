import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { indexCommand, formatSize, progressLine } from '../../src/commands/index-command.js';
import { runCli } from '../cli/run-cli.js';
import { articleText, tempDir, writeArticle } from '../library/store/helpers.js';

function fakeTerminal(): { stream: NodeJS.WriteStream; output: () => string } {
  let written = '';
  const stream = {
    isTTY: true,
    write(chunk: string) {
      written += chunk;
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, output: () => written };
}

describe('newsreader index', () => {
  it('prints one summary line when stderr is not a terminal, and nothing on stdout', async () => {
    const dir = tempDir();
    writeArticle(dir, 'news/a.txt', articleText('First story', 'Sep 6, 2016'));
    writeArticle(dir, 'news/b.txt', articleText('Second story', 'Sep 7, 2016'));
    const db = path.join(dir, 'library.db');
    const first = await runCli(['index', path.join(dir, 'news')], { env: { NEWSREADER_DB: db } });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const lines = first.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^newsreader: indexed 2 files in \d+\.\d\d s \([\d,]+ files\/s\): 2 added, 0 changed, 0 removed, 0 unchanged; .*library\.db \(/);
    expect(first.stderr).not.toContain('\r');
    const second = await runCli(['index', '--db', db, path.join(dir, 'news')]);
    expect(second.stderr).toMatch(/0 added, 0 changed, 0 removed, 2 unchanged/);
  });

  it('exits 2 with one line for a missing path', async () => {
    const dir = tempDir();
    const result = await runCli(['index', '--db', path.join(dir, 'library.db'), path.join(dir, 'missing')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`newsreader: ${path.join(dir, 'missing')}: no such file or directory\n`);
  });

  it('exits 2 with one line when the database cannot be created', async () => {
    const dir = tempDir();
    writeArticle(dir, 'file.txt', articleText('A', 'Sep 6, 2016'));
    const result = await runCli(['index', '--db', path.join(dir, 'file.txt', 'library.db'), dir]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toBe(
      `newsreader: ${path.join(dir, 'file.txt', 'library.db')}: cannot make the folder ${path.join(dir, 'file.txt')}: a file is in the way; use --db FILE or NEWSREADER_DB to choose another path\n`,
    );
  });

  it('draws a progress bar on a terminal and clears it before the summary', async () => {
    const dir = tempDir();
    for (let i = 0; i < 5; i++) writeArticle(dir, `news/${i}.txt`, articleText(`Story ${i}`, 'Sep 6, 2016'));
    const terminal = fakeTerminal();
    const code = await indexCommand([path.join(dir, 'news')], { db: path.join(dir, 'library.db'), stream: terminal.stream });
    expect(code).toBe(0);
    const output = terminal.output().replaceAll('\x1b[2K', '<clear>');
    expect(output).toMatch(/\r<clear>newsreader: \[#+-*\] \d\/5 /);
    expect(output).toMatch(/\r<clear>newsreader: indexed 5 files/);
  });

  it('formats done/total, percentage, rate and ETA', () => {
    const line = progressLine({ phase: 'indexing', done: 500, total: 2000, added: 0, updated: 0, removed: 0, unchanged: 0, bytes: 0, restarts: 0 }, 0.25);
    expect(line).toBe('[######------------------] 500/2000 25%  2,000 files/s  ETA 00:01');
    expect(progressLine({ phase: 'walking', done: 0, total: 0, added: 0, updated: 0, removed: 0, unchanged: 0, bytes: 0, restarts: 0 }, 0)).toBe(
      'finding files…',
    );
  });

  it('says "1 file" for one, and the database size as ls -lh prints it', async () => {
    const dir = tempDir();
    writeArticle(dir, 'news/a.txt', articleText('Only story', 'Sep 6, 2016'));
    const db = path.join(dir, 'library.db');
    const { code, stderr } = await runCli(['--db', db, 'index', path.join(dir, 'news')]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^newsreader: indexed 1 file in /);
    expect(stderr).toMatch(/: 1 added, 0 changed, 0 removed, 0 unchanged; /);
    const size = /\(([^)]+)\)\n$/.exec(stderr)?.[1];
    const ls = execFileSync('ls', ['-lh', db], { encoding: 'utf8' }).split(/\s+/)[4];
    expect(size).toBe(ls);
  });

  it('formats sizes as ls -lh does', () => {
    expect([0, 1023, 1024, 4_706_304, 10 * 1024, 10 * 1024 + 1, 1024 * 1024 - 1, 5 * 1024 ** 3].map(formatSize)).toEqual([
      '0', '1023', '1.0K', '4.5M', '10K', '11K', '1.0M', '5.0G',
    ]);
  });

  it('reads the PATHs that exist and warns about a missing one; exits 2 when none exists', async () => {
    const dir = tempDir();
    writeArticle(dir, 'news/a.txt', articleText('A', 'Sep 6, 2016'));
    const missing = path.join(dir, 'missing');
    const db = path.join(dir, 'library.db');
    const some = await runCli(['index', '--db', db, missing, path.join(dir, 'news')]);
    expect(some.code).toBe(0);
    expect(some.stderr.split('\n')[0]).toBe(`newsreader: warning: ${missing}: no such file or directory`);
    expect(some.stderr).toMatch(/indexed 1 file in/);
    const none = await runCli(['index', '--db', db, missing]);
    expect(none.code).toBe(2);
  });

  it('refuses --json, which only the listing and search print', async () => {
    const result = await runCli(['--json', 'index']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^newsreader: index: --json applies to the listing and search/);
  });
});
