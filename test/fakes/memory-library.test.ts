import { describe, expect, it, vi } from 'vitest';
import { loadArticles } from '../../src/library/load-all.js';
import { MemoryLibrary } from './memory-library.js';
import { bbcDir } from '../shared-dir.js';
import path from 'node:path';

describe('MemoryLibrary', async () => {
  const { articles } = await loadArticles([path.join(bbcDir, 'tech')]);
  const library = new MemoryLibrary(articles);

  it('counts and pages a view', () => {
    const count = library.count({ sort: 'newest' });
    expect(count).toBe(articles.length);
    const page = library.page({ sort: 'newest' }, count - 2, 10);
    expect(page).toHaveLength(2);
    expect(library.article(page[0]!.key)?.headline).toBe(page[0]!.headline);
    expect(library.article('nope')).toBeNull();
  });

  it('sorts by headline', () => {
    const page = library.page({ sort: 'headline' }, 0, 50).map((r) => r.headline);
    const sorted = [...page].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true, ignorePunctuation: true }));
    expect(page).toEqual(sorted);
  });

  it('keeps read and star state, filters by it and tells subscribers', () => {
    const listener = vi.fn();
    const off = library.subscribe(listener);
    const [first] = library.page({ sort: 'newest' }, 0, 1);
    library.setState(first!.id, { read: true, starred: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(library.state(first!.id)).toMatchObject({ read: true, starred: true });
    expect(library.page({ sort: 'newest' }, 0, 1)[0]).toMatchObject({ read: true, starred: true });
    expect(library.count({ sort: 'newest', starredOnly: true })).toBe(1);
    expect(library.count({ sort: 'newest', unreadOnly: true })).toBe(articles.length - 1);
    library.setState(first!.id, { read: true });
    expect(listener).toHaveBeenCalledTimes(1);
    off();
  });
});
