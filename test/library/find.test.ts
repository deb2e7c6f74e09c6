import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnreadablePathsError, assertSomePathExists, findArticleFiles } from '../../src/library/find.js';
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
  it('walks folders for *.txt, skips hidden folders, follows symlinks without looping, and says so', async () => {
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
    expect(warnings).toEqual([{ path: path.join(root, 'world', 'loop'), message: `skipped: the same folder as ${root}, already read` }]);
  });

  it('warns about a PATH that loops on itself, and reads the others', async () => {
    const root = tree();
    symlinkSync(path.join(root, 'loop-b'), path.join(root, 'loop-a'));
    symlinkSync(path.join(root, 'loop-a'), path.join(root, 'loop-b'));
    const { files, warnings } = await findArticleFiles([path.join(root, 'loop-a'), path.join(root, 'world', 'europe')]);
    expect(files.map((f) => path.basename(f.path))).toEqual(['b.txt']);
    expect(warnings).toContainEqual({ path: path.join(root, 'loop-a'), message: 'too many levels of symbolic links' });
  });

  it('reads a file named explicitly whatever its name', async () => {
    const root = tree();
    const named = path.join(root, 'world', 'notes.md');
    const { files } = await findArticleFiles([named]);
    expect(files).toEqual([{ path: named, section: null, root: named }]);
  });

  it('refuses PATHs when none exists, naming each', async () => {
    const failure = findArticleFiles(['/no/such/place', '/no/other']);
    await expect(failure).rejects.toBeInstanceOf(UnreadablePathsError);
    await expect(failure).rejects.toThrow('/no/such/place: no such file or directory; /no/other: no such file or directory');
    await expect(assertSomePathExists(['/no/such/place'])).rejects.toThrow('/no/such/place: no such file or directory');
  });

  it('warns about a missing PATH beside others and reads those', async () => {
    const root = tree();
    const missing = path.join(root, 'gone');
    const { files, warnings, unreadableRoots } = await findArticleFiles([missing, path.join(root, 'world', 'europe')]);
    expect(files.map((f) => path.basename(f.path))).toEqual(['b.txt']);
    expect(warnings).toEqual([{ path: missing, message: 'no such file or directory' }]);
    expect(unreadableRoots).toEqual([missing]);
    await expect(assertSomePathExists([missing, root])).resolves.toBeUndefined();
  });
});

describe('loadArticles', () => {
  it('sorts undated articles by their file modification time among the dated ones', async () => {
    const root = tree();
    const stamp = (name: string, iso: string) => utimesSync(path.join(root, name), new Date(iso), new Date(iso));
    stamp('world/europe/b.txt', '2016-09-06T12:00:00Z');
    writeFileSync(path.join(root, 'later.txt'), 'Later undated\n\nBody.\n');
    stamp('later.txt', '2016-09-08T00:00:00Z');
    const { articles } = await loadArticles([root]);
    expect(articles.map((a) => [a.headline, a.date])).toEqual([
      ['Later undated', null],
      ['Top story', '2016-09-07'],
      ['Europe story', null],
      ['World story', '2016-09-06'],
    ]);
  });

  it('loads the rest and warns about empty, blank and binary files, newest first', async () => {
    const root = tree();
    const { articles, warnings } = await loadArticles([root]);
    // The undated story sorts by its file's modification time: today, newer than 2016.
    expect(articles.map((a) => a.headline)).toEqual(['Europe story', 'Top story', 'World story']);
    expect(warnings.map((w) => [path.basename(w.path), w.message])).toEqual([
      ['loop', `skipped: the same folder as ${root}, already read`],
      ['binary.txt', 'binary file (NUL bytes) skipped'],
      ['blank.txt', 'no text (whitespace only) skipped'],
      ['empty.txt', 'empty file skipped'],
    ]);
  });
});
