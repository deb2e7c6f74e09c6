import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../kit/corpus-generator.js';
import { articleFromBytes } from '../../../src/library/load.js';
import { blocksFromStored, storedBlocks } from '../../../src/library/store/stored-blocks.js';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { parseArticle } from '../../../src/article/parse.js';
import { suiteTempDir } from './helpers.js';

let lib: SqliteLibrary;
let cleanup: () => void;

beforeAll(async () => {
  const { dir, remove } = suiteTempDir();
  generateCorpus({ count: 40, seed: 11, out: path.join(dir, 'corpus') });
  lib = openLibrary({ paths: [path.join(dir, 'corpus')], db: path.join(dir, 'library.db') });
  await lib.refresh().done;
  cleanup = () => {
    lib.close();
    remove();
  };
});

afterAll(() => cleanup());

describe('blocks as stored (kind and lines; text derived on reading)', () => {
  it('reads every article back exactly as parsing its file gives it', () => {
    const rows = lib.page({ sort: 'newest' }, 0, 100);
    expect(rows).toHaveLength(40);
    for (const row of rows) {
      const stored = lib.article(row.key);
      const parsed = articleFromBytes(readFileSync(row.path), { path: row.path, section: stored?.section ?? null });
      if (!('article' in parsed)) throw new Error(parsed.warning);
      expect(stored).toEqual(parsed.article);
      expect(JSON.stringify(stored?.blocks)).toBe(JSON.stringify(parsed.article.blocks));
    }
  });

  it('keeps no text in the stored JSON, and derives it with surrounding spaces trimmed', () => {
    const article = parseArticle('Head line\n\n  first line  \n\tsecond\t\n', { path: 'a.txt', section: null });
    const json = storedBlocks(article.blocks);
    expect(json).not.toContain('"text"');
    expect(blocksFromStored(json)).toEqual(article.blocks);
    expect(blocksFromStored(json)[1]?.text).toBe('first line second');
  });

  it('still reads rows written with each block text', () => {
    const old = JSON.stringify([{ kind: 'paragraph', text: 'as stored', lines: ['as', 'stored'] }]);
    expect(blocksFromStored(old)).toEqual([{ kind: 'paragraph', text: 'as stored', lines: ['as', 'stored'] }]);
  });
});
