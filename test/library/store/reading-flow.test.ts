import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleSummary, LibraryView } from '../../../src/library/library.js';
import { openLibrary, type SqliteLibrary } from '../../../src/library/store/sqlite-library.js';
import { generateCorpus } from '../../../kit/corpus-generator.js';
import { tempDir } from './helpers.js';

let lib: SqliteLibrary;
let dir: string;

beforeEach(async () => {
  dir = tempDir();
  generateCorpus({ count: 600, seed: 5, out: path.join(dir, 'corpus') });
  lib = openLibrary({ paths: [path.join(dir, 'corpus')], db: path.join(dir, 'library.db') });
  await lib.refresh().done;
  return () => lib.close();
});

function all(view: LibraryView): ArticleSummary[] {
  return lib.page(view, 0, 10_000);
}

/** The rows of the view that are unread, by their place in it. */
function unreadRows(view: LibraryView): number[] {
  return all(view).flatMap((row, i) => (row.read ? [] : [i]));
}

describe('the reading flow over the store', () => {
  it('finds the next and previous unread row, near and far beyond the first page looked at', () => {
    const view: LibraryView = { sort: 'newest' };
    const rows = all(view);
    // Everything read but rows 3, 450 and 599: 450 is past the rows looked at directly.
    lib.setRead(rows.map((r) => r.id), true);
    lib.setRead([rows[3], rows[450], rows[599]].map((r) => (r as ArticleSummary).id), false);
    expect(unreadRows(view)).toEqual([3, 450, 599]);
    expect(lib.findUnread(view, 0, 1)).toBe(3);
    expect(lib.findUnread(view, 3, 1)).toBe(450);
    expect(lib.findUnread(view, 450, 1)).toBe(599);
    expect(lib.findUnread(view, 599, 1)).toBeNull();
    expect(lib.findUnread(view, 599, -1)).toBe(450);
    expect(lib.findUnread(view, 450, -1)).toBe(3);
    expect(lib.findUnread(view, 3, -1)).toBeNull();
    // From before the first row: the first unread row itself.
    const oldest = unreadRows({ sort: 'oldest' });
    expect(lib.findUnread({ sort: 'oldest' }, -1, 1)).toBe(oldest[0]);
    expect(lib.findUnread({ sort: 'oldest' }, oldest[0] as number, 1)).toBe(oldest[1]);
    const byHeadline = unreadRows({ sort: 'headline' });
    expect(lib.findUnread({ sort: 'headline' }, byHeadline[0] as number, 1)).toBe(byHeadline[1]);
  });

  it('keeps an article read in an unread view in it, from the time the view began', () => {
    const since = Date.now();
    const view: LibraryView = { sort: 'newest', unreadOnly: true, readSince: since };
    const before = all(view);
    expect(lib.count(view)).toBe(600);
    lib.setState((before[0] as ArticleSummary).id, { read: true });
    // Still there, marked read; a view of what is unread now leaves it out.
    expect(all(view).map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(all(view)[0]?.read).toBe(true);
    expect(lib.count(view)).toBe(600);
    expect(lib.count({ sort: 'newest', unreadOnly: true })).toBe(599);
    expect(all({ sort: 'newest', unreadOnly: true })[0]?.id).toBe(before[1]?.id);
    // A view begun after the read leaves it out too.
    const later: LibraryView = { ...view, readSince: Date.now() + 1 };
    expect(lib.count(later)).toBe(599);
    expect(all(later)).toHaveLength(599);
  });

  it('marks every unread article of a view read, and undoes it with the ids it returns', () => {
    const rows = all({ sort: 'newest' });
    lib.setState((rows[0] as ArticleSummary).id, { read: true, starred: true });
    const readAt = lib.state((rows[0] as ArticleSummary).id).readAt;
    lib.setState((rows[1] as ArticleSummary).id, { starred: true });
    const marked = lib.markAllRead({ sort: 'newest', starredOnly: true });
    expect(marked).toEqual([(rows[1] as ArticleSummary).id]);
    expect(lib.state((rows[1] as ArticleSummary).id)).toMatchObject({ read: true, starred: true });
    // Already read keeps the time it was first read.
    expect(lib.state((rows[0] as ArticleSummary).id).readAt).toBe(readAt);

    const everything = lib.markAllRead({ sort: 'newest' });
    expect(everything).toHaveLength(598);
    expect(lib.count({ sort: 'newest', unreadOnly: true })).toBe(0);
    lib.setRead(everything, false);
    expect(lib.count({ sort: 'newest', unreadOnly: true })).toBe(598);
    expect(lib.state((rows[1] as ArticleSummary).id)).toMatchObject({ read: true, starred: true });
  });

  it('tells where an article is in a view, or that it is not in it', () => {
    const view: LibraryView = { sort: 'headline' };
    const rows = all(view);
    expect(lib.position(view, (rows[0] as ArticleSummary).key)).toBe(0);
    expect(lib.position(view, (rows[377] as ArticleSummary).key)).toBe(377);
    expect(lib.position({ sort: 'newest', starredOnly: true }, (rows[377] as ArticleSummary).key)).toBe(-1);
    expect(lib.position(view, 'not-a-key')).toBe(-1);
    // In an unread view, an article read since the view began is still in it.
    const since = Date.now();
    lib.setState((rows[5] as ArticleSummary).id, { read: true });
    const unread: LibraryView = { sort: 'headline', unreadOnly: true, readSince: since };
    expect(lib.position(unread, (rows[5] as ArticleSummary).key)).toBe(5);
    expect(lib.position({ sort: 'headline', unreadOnly: true }, (rows[5] as ArticleSummary).key)).toBe(-1);
  });
});

describe('the reader memory', () => {
  it('keeps the last view per set of library paths, across opening the library again', () => {
    lib.memory.saveView({ sort: 'oldest', unreadOnly: true, starredOnly: false, selectedKey: '7', selected: 12, top: 3 });
    lib.close();
    lib = openLibrary({ paths: [path.join(dir, 'corpus')], db: path.join(dir, 'library.db') });
    expect(lib.memory.lastView()).toEqual({ sort: 'oldest', unreadOnly: true, starredOnly: false, selectedKey: '7', selected: 12, top: 3 });
    const other = openLibrary({ paths: [dir], db: path.join(dir, 'library.db') });
    expect(other.memory.lastView()).toBeNull();
    other.close();
  });

  it('keeps each query searched once, the latest first, and ignores a bad saved view', () => {
    for (const q of ['oil', 'gas', 'oil', '  ', 'yukos']) lib.memory.rememberSearch(q);
    expect(lib.memory.searches()).toEqual(['yukos', 'oil', 'gas']);
    lib.db.prepare("INSERT INTO reader_views (roots, view, saved_at) VALUES (?, '{\"sort\":\"sideways\"}', 0) ON CONFLICT (roots) DO UPDATE SET view = excluded.view").run(
      JSON.stringify([path.join(dir, 'corpus')]),
    );
    expect(lib.memory.lastView()).toBeNull();
  });
});
