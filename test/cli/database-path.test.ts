/** The database path is the user's: what `--db` and NEWSREADER_DB may name, and what happens to it. */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), 'newsreader-db-path-'));
}

function articles(): string {
  const dir = folder();
  writeFileSync(path.join(dir, 'oil.txt'), 'Oil rises\n\nOil prices rose.\n');
  return dir;
}

const REFUSAL = /^newsreader: .*library\.db: not a newsreader library \([^)]+\); left untouched; use --db FILE or NEWSREADER_DB to choose another path\n$/;

describe('the library database path', () => {
  it.each([
    ['search', ['search', 'oil']],
    ['index', ['index']],
  ])('%s: --db naming a directory exits 2 with "is a directory"', async (_name, args) => {
    const dir = folder();
    const viaFlag = await runCli(['--db', dir, ...args, articles()]);
    expect(viaFlag.code).toBe(2);
    expect(viaFlag.stderr).toBe(`newsreader: ${dir}: is a directory; use --db FILE or NEWSREADER_DB to choose another path (a file in it: ${path.join(dir, 'library.db')})\n`);
    const viaEnv = await runCli([...args, articles()], { env: { NEWSREADER_DB: dir } });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toMatch(/is a directory/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['a text file', (file: string) => writeFileSync(file, 'shopping list\n')],
    [
      "another program's SQLite database",
      (file: string) => {
        const other = new Database(file);
        other.exec("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org')");
        other.close();
      },
    ],
  ])('refuses %s in one line, exit 2, and never renames or writes it', async (_name, make) => {
    const dir = folder();
    const file = path.join(dir, 'library.db');
    make(file);
    const bytes = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    for (const args of [['search', 'oil'], ['index']]) {
      const { code, stdout, stderr } = await runCli([...args, articles()], { env: { NEWSREADER_DB: file } });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(REFUSAL);
    }
    expect(readdirSync(dir)).toEqual(['library.db']);
    expect(readFileSync(file)).toEqual(bytes);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it('says a damaged library was moved aside when search is given no PATH', async () => {
    const file = path.join(folder(), 'library.db');
    expect((await runCli(['index'], { env: { NEWSREADER_DB: file } })).code).toBe(0);
    // Keep the 100-byte header (with our application_id), wreck the schema page after it.
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(file, bytes);
    const { stderr } = await runCli(['search', 'syria'], { env: { NEWSREADER_DB: file } });
    expect(stderr).toMatch(/library\.db was a damaged library database; moved it to .*library\.db\.corrupt-/);
  });

  it('search on a database that cannot be opened exits 2, never 1', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'file'), 'x');
    const { code, stderr } = await runCli(['search', '--db', path.join(dir, 'file', 'library.db'), 'oil', articles()]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
