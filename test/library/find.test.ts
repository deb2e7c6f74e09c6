import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingPathError, findArticleFiles } from '../../src/library/find.js';
import { loadArticles } from '../../src/library/load-all.js';

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'newsreader-find-'));
  mkdirSync(path.join(root, 'world', 'europe'), { recursive: true });
  mkdirSync(path.join(root, '.hidden'));
  writeFileSync(path.join(root, 'top.txt'), 'Top story\n\nUpdated Sep 7, 2016\n\nBody.\n');
  writeFileSync(path.join(root, 'world', 'a.txt'), 'World story\n\nUpdated Sep 6, 2016\n\nBody.\n');
  writeFileSync(path.join(root, 'world', 'europe', 'b.txt'), 'Europe story\n\nBody.\n');
  writeFileSync(path.join(root, 'world', 'notes.md'), 'not an article');
  writeFileSync(path.join(root, '.hidden', 'c.txt'), 'Hidden\n');
  writeFileSync(path.join(root, 'empty.txt'), '');
  writeFileSync(path.join(root, 'blank.txt'), ' \n\u00a0\n');
  writeFileSync(path.join(root, 'binary.txt'), Buffer.from([0x48, 0, 0x49]));
  symlinkSync(root, path.join(root, 'world', 'loop'));
  return root;
}

describe('findArticleFiles', () => {
  it('walks folders for *.txt, skips hidden folders, follows symlinks without looping', async () => {
    const root = tree();
    const { files, warnings } = await findArticleFiles([root]);
    expect(files.map((f) => [path.relative(root, f.path), f.section])).toEqual([
      ['binary.txt', null],
      ['blank.txt', null],
      ['empty.txt', null],
      ['top.txt', null],
      ['world/a.txt', 'world'],
      ['world/europe/b.txt', 'world/europe'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads a file named explicitly whatever its name', async () => {
    const root = tree();
    const named = path.join(root, 'world', 'notes.md');
    const { files } = await findArticleFiles([named]);
    expect(files).toEqual([{ path: named, section: null, root: named }]);
  });

  it('refuses a PATH that does not exist', async () => {
    await expect(findArticleFiles(['/no/such/place'])).rejects.toBeInstanceOf(MissingPathError);
  });
});

describe('loadArticles', () => {
  it('loads the rest and warns about empty, blank and binary files, newest first', async () => {
    const root = tree();
    const { articles, warnings } = await loadArticles([root]);
    expect(articles.map((a) => a.headline)).toEqual(['Top story', 'World story', 'Europe story']);
    expect(warnings.map((w) => [path.basename(w.path), w.message])).toEqual([
      ['binary.txt', 'binary file (NUL bytes) skipped'],
      ['blank.txt', 'no text (whitespace only) skipped'],
      ['empty.txt', 'empty file skipped'],
    ]);
  });
});
