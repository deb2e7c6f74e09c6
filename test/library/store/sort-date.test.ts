/**
 * Undated articles sort by their file's modification time, in the store's views, in
 * search results and in the listing alike; a file added later is the newest.
 */
import Database from 'better-sqlite3';
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../../src/library/load-all.js';
import { migrate } from '../../../src/library/store/migrations.js';
import { openStore } from '../../../src/library/store/open.js';
import { openLibrary } from '../../../src/library/store/sqlite-library.js';
import { SearchEngine } from '../../../src/search/engine.js';
import { articleText, tempDir, writeArticle } from './helpers.js';

function stamp(file: string, iso: string): void {
  utimesSync(file, new Date(iso), new Date(iso));
}

/** Two dated articles and two undated ones whose files were written between and after them. */
function library(): { dir: string; news: string } {
  const dir = tempDir();
  const news = path.join(dir, 'news');
  writeArticle(news, 'old.txt', articleText('Old oil', 'Sep 1, 2016'));
  writeArticle(news, 'new.txt', articleText('New oil', 'Sep 9, 2016'));
  stamp(writeArticle(news, 'between.txt', 'Between oil\n\nUndated oil story.\n'), '2016-09-05T10:00:00Z');
  stamp(writeArticle(news, 'latest.txt', 'Latest oil\n\nUndated oil story, added last.\n'), '2016-09-20T10:00:00Z');
  return { dir, news };
}

const EXPECTED = ['Latest oil', 'New oil', 'Between oil', 'Old oil'];

describe('the sort date', () => {
  it('orders undated articles by modification time in the views, newest and oldest', async () => {
    const { dir, news } = library();
    const lib = openLibrary({ paths: [news], db: path.join(dir, 'library.db') });
    await lib.refresh().done;
    expect(lib.page({ sort: 'newest' }, 0, 10).map((r) => r.headline)).toEqual(EXPECTED);
    expect(lib.page({ sort: 'oldest' }, 0, 10).map((r) => r.headline)).toEqual([...EXPECTED].reverse());
    // The date field stays what the article says: null for an undated one.
    expect(lib.page({ sort: 'newest' }, 0, 1)[0]?.date).toBeNull();
    lib.close();
  });

  it('follows a file touched later', async () => {
    const { dir, news } = library();
    const lib = openLibrary({ paths: [news], db: path.join(dir, 'library.db') });
    await lib.refresh().done;
    stamp(path.join(news, 'between.txt'), '2016-10-01T00:00:00Z');
    await lib.refresh().done;
    expect(lib.page({ sort: 'newest' }, 0, 10).map((r) => r.headline)).toEqual(['Between oil', 'Latest oil', 'New oil', 'Old oil']);
    lib.close();
  });

  it('orders the listing the same way', async () => {
    const { news } = library();
    expect((await loadArticles([news])).articles.map((a) => a.headline)).toEqual(EXPECTED);
  });

  it('breaks ties between equal scores by it in search, and orders filter-only searches by it', async () => {
    const { dir, news } = library();
    const file = path.join(dir, 'library.db');
    const lib = openLibrary({ paths: [news], db: file });
    await lib.refresh().done;
    lib.close();
    const engine = new SearchEngine(file);
    expect(engine.search('is:unread', 10).hits.map((h) => h.headline)).toEqual(EXPECTED);
    engine.close();
  });

  it('is added to a library from the release before, whose rows with references are read again', () => {
    const file = path.join(tempDir(), 'library.db');
    const db = new Database(file);
    migrate(db, 4);
    const insert = db.prepare(
      `INSERT INTO articles (id, path, root, section, headline, standfirst, date, source, words, size, mtime_ms, ino, hash, blocks, warnings, body)
       VALUES (?, ?, '/lib', NULL, ?, NULL, ?, NULL, 3, 10, ?, 1, 'h', ?, '[]', 'b')`,
    );
    insert.run('a', '/lib/a.txt', 'Caf&#233;', null, Date.parse('2016-09-05T10:00:00.250Z'), JSON.stringify([{ kind: 'headline', lines: ['Caf&#233;'] }]));
    insert.run('b', '/lib/b.txt', 'Plain', '2016-09-06', 1, JSON.stringify([{ kind: 'headline', lines: ['Plain'] }]));
    db.close();
    const store = openStore(file);
    expect(store.db.prepare('SELECT path, sort_date, size, hash FROM articles ORDER BY sort_date DESC, path').all()).toEqual([
      { path: '/lib/b.txt', sort_date: '2016-09-06', size: 10, hash: 'h' },
      { path: '/lib/a.txt', sort_date: '2016-09-05T10:00:00.250Z', size: -1, hash: '' },
    ]);
    const plan = store.db.prepare('EXPLAIN QUERY PLAN SELECT rowid FROM articles a ORDER BY a.sort_date DESC, a.path LIMIT 5').all();
    expect(JSON.stringify(plan)).toContain('articles_by_date');
    store.db.close();
  });
});
