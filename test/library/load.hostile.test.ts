/** Files that change under the reader: deleted, truncated, grown, replaced, or not files at all. */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { appendFile, mkdtemp, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findArticleFiles } from '../../src/library/find.js';
import { readAtMost } from '../../src/library/read-file.js';
import { parseFile, type ParseOutcome } from '../../src/library/store/parse-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'newsreader-load-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** What the library makes of a file at refresh: the parse every found file goes through. */
function load(file: { path: string; section: null; root: string }): ParseOutcome {
  return parseFile({ file, knownHash: null });
}

async function foundFile(name: string, content: string): Promise<{ path: string; section: null; root: string }> {
  const full = path.join(dir, name);
  await writeFile(full, content);
  return { path: full, section: null, root: full };
}

describe('a file that changes between finding and reading', () => {
  it('deleted after it was found: a warning', async () => {
    const file = await foundFile('a.txt', 'Headline\n\nBody.\n');
    const found = await findArticleFiles([dir]);
    expect(found.files.map((f) => f.path)).toEqual([file.path]);
    await unlink(file.path);
    expect(load(file)).toEqual({ kind: 'skip', warning: 'no such file or directory', bytes: 0 });
  });

  it('truncated to nothing after it was found: skipped as empty', async () => {
    const file = await foundFile('a.txt', 'Headline\n\nBody.\n');
    await truncate(file.path, 0);
    expect(load(file)).toEqual({ kind: 'skip', warning: 'empty file skipped', bytes: 0 });
  });
});

describe('readAtMost, reading an open file', () => {
  it('reads what is there when the file is truncated after it was opened', async () => {
    const file = await foundFile('a.txt', 'x'.repeat(100_000));
    const fd = openSync(file.path, 'r');
    try {
      await truncate(file.path, 10);
      expect(readAtMost(fd, 1_000_000)?.toString()).toBe('x'.repeat(10));
    } finally {
      closeSync(fd);
    }
  });

  it('still reads a file deleted after it was opened', async () => {
    const file = await foundFile('a.txt', 'Headline\n');
    const fd = openSync(file.path, 'r');
    try {
      await unlink(file.path);
      expect(readAtMost(fd, 1_000)?.toString()).toBe('Headline\n');
    } finally {
      closeSync(fd);
    }
  });

  it('reads past the size seen at open when the file grows, but never past the limit', async () => {
    const file = await foundFile('a.txt', 'abc');
    const first = openSync(file.path, 'r');
    const second = openSync(file.path, 'r');
    try {
      await appendFile(file.path, 'def');
      expect(readAtMost(first, 6)?.toString()).toBe('abcdef');
      await appendFile(file.path, 'g');
      expect(readAtMost(second, 6)).toBe(null);
    } finally {
      closeSync(first);
      closeSync(second);
    }
  });
});

describe('things that are not regular files', () => {
  it('a FIFO is reported without waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    expect(load({ path: fifo, section: null, root: fifo })).toEqual({ kind: 'skip', warning: 'not a regular file', bytes: 0 });
    const found = await findArticleFiles([dir]);
    expect(found.files).toEqual([]);
    expect(found.warnings).toEqual([{ path: fifo, message: 'not a regular file' }]);
  });

  it('a directory named like an article is walked, not read', async () => {
    expect(load({ path: dir, section: null, root: dir })).toEqual({ kind: 'skip', warning: 'not a regular file', bytes: 0 });
  });
});
