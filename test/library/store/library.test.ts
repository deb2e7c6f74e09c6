import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareNewestFirst, type LibraryView } from '../../../src/library/library.js';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { generateCorpus } from '../../../kit/corpus-generator.js';
import { suiteTempDir } from './helpers.js';

let lib: SqliteLibrary;

beforeAll(async () => {
  const { dir, remove } = suiteTempDir();
  generateCorpus({ count: 120, seed: 3, out: path.join(dir, 'corpus') });
  lib = openLibrary({ paths: [path.join(dir, 'corpus')], db: path.join(dir, 'library.db') });
  await lib.refresh().done;
  return () => {
    lib.close();
    remove();
  };
});

function all(view: LibraryView) {
  const rows = [];
  for (let offset = 0; ; offset += 7) {
    const page = lib.page(view, offset, 7);
    rows.push(...page);
    if (page.length < 7) break;
  }
  return rows;
}

describe('the Library over the store', () => {
  it('pages through the whole view in the newest-first order of --json', () => {
    const rows = all({ sort: 'newest' });
    expect(rows).toHaveLength(120);
    expect(lib.count({ sort: 'newest' })).toBe(120);
    expect([...rows].sort(compareNewestFirst)).toEqual(rows);
    expect(new Set(rows.map((r) => r.key)).size).toBe(120);
    for (const row of rows) expect(row.key).toMatch(/^\d+$/);
  });

  it('sorts oldest first as the exact reverse, and by headline', () => {
    const newest = all({ sort: 'newest' });
    expect(all({ sort: 'oldest' })).toEqual([...newest].reverse());
    const byHeadline = all({ sort: 'headline' }).map((r) => r.headline.toLowerCase());
    expect(byHeadline).toEqual([...byHeadline].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('returns empty pages past the end and for a zero limit', () => {
    expect(lib.page({ sort: 'newest' }, 500, 10)).toEqual([]);
    expect(lib.page({ sort: 'newest' }, 0, 0)).toEqual([]);
  });

  it('loads one article whole, with blocks, credits and warnings', () => {
    const first = lib.page({ sort: 'newest' }, 0, 1)[0];
    const article = lib.article(first?.key ?? '');
    expect(article?.headline).toBe(first?.headline);
    expect(article?.blocks[0]?.kind).toBe('headline');
    expect(article?.blocks.some((b) => b.kind === 'dateline')).toBe(true);
    expect(Array.isArray(article?.credits)).toBe(true);
    expect(lib.article('999999')).toBeNull();
    expect(lib.article('not-a-key')).toBeNull();
  });

  it('filters unread and starred views as state changes, with timestamps', () => {
    const [a, b, c] = lib.page({ sort: 'newest' }, 0, 3);
    const changes: string[] = [];
    const unsubscribe = lib.subscribe((change) => changes.push(change));
    lib.setState(a?.id ?? '', { read: true });
    lib.setState(b?.id ?? '', { read: true, starred: true });
    lib.setState(c?.id ?? '', { starred: true });
    expect(changes).toEqual(['marks', 'marks', 'marks']);
    unsubscribe();
    expect(lib.count({ sort: 'newest', unreadOnly: true })).toBe(118);
    expect(lib.count({ sort: 'newest', starredOnly: true })).toBe(2);
    expect(lib.count({ sort: 'newest', unreadOnly: true, starredOnly: true })).toBe(1);
    expect(all({ sort: 'newest', starredOnly: true }).map((r) => r.key)).toEqual([b?.key, c?.key]);
    expect(all({ sort: 'newest', unreadOnly: true }).map((r) => r.key)).not.toContain(a?.key);
    const state = lib.state(b?.id ?? '');
    expect(state).toMatchObject({ read: true, starred: true });
    expect(state.readAt).toBeGreaterThan(0);
    lib.setState(b?.id ?? '', { read: false });
    expect(lib.state(b?.id ?? '')).toMatchObject({ read: false, readAt: null, starred: true });
    expect(lib.state('unknown-id')).toEqual({ read: false, starred: false, readAt: null, starredAt: null });
  });

  it('tells subscribers of marks set through another connection to the same store', async () => {
    const other = openLibrary({ paths: lib.roots, db: lib.file });
    try {
      const [row] = lib.page({ sort: 'newest' }, 0, 1);
      const changes: string[] = [];
      const heard = new Promise<void>((resolve) => {
        const unsubscribe = lib.subscribe((change) => {
          changes.push(change);
          unsubscribe();
          resolve();
        });
      });
      other.setState(row!.id, { starred: true });
      await heard;
      expect(changes).toEqual(['articles']);
      expect(lib.state(row!.id).starred).toBe(true);
      other.setState(row!.id, { starred: false });
    } finally {
      other.close();
    }
  });
});
