import type Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/library/store/sqlite-library.js';
import { INCOMPLETE_MARK, vocabularyComplete, VocabularyWriter } from '../../../src/library/store/vocabulary.js';
import { SearchEngine } from '../../../src/search/engine.js';
import { articleText, tempDir, writeArticle } from './helpers.js';

/** The vocabulary as the full-text index itself has it: every word and its article count. */
function fromIndex(db: Database.Database): Record<string, number> {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_vocab USING fts5vocab(main, articles_fts, 'row')");
  const rows = db.prepare('SELECT term, doc FROM temp.check_vocab').raw().all() as [string, number][];
  return Object.fromEntries(rows);
}

function stored(db: Database.Database): Record<string, number> {
  const rows = db.prepare('SELECT term, docs FROM vocabulary WHERE term <> ?').raw().all(INCOMPLETE_MARK) as [string, number][];
  return Object.fromEntries(rows);
}

function setup() {
  const dir = tempDir();
  const news = path.join(dir, 'news');
  writeArticle(news, 'world/syria.txt', articleText('Syria talks end without deal', 'Sep 6, 2016', 'Diplomats in Geneva met again.'));
  writeArticle(news, 'business/oil.txt', articleText('Oil prices rise', 'Sep 4, 2016', 'Brent crude rose in Géneva trading.'));
  const db = path.join(dir, 'library.db');
  return { news, db, lib: openLibrary({ paths: [news], db }) };
}

describe('the vocabulary the refresh keeps', () => {
  it('holds every indexed word with its article count after a small refresh', async () => {
    const { lib } = setup();
    await lib.refresh().done;
    expect(stored(lib.db)).toEqual(fromIndex(lib.db));
    expect(stored(lib.db)).toMatchObject({ geneva: 2, diplomats: 1, syria: 1, reuters: 2 });
    expect(vocabularyComplete(lib.db)).toBe(true);
    lib.close();
  });

  it('adds the words of articles added later, in the same transaction as the articles', async () => {
    const { lib, news } = setup();
    await lib.refresh().done;
    writeArticle(news, 'science/fish.txt', articleText('Zebrafish regrow hearts', 'Sep 7, 2016'));
    await lib.refresh().done;
    expect(stored(lib.db)).toMatchObject({ zebrafish: 1, regrow: 1, syria: 1 });
    lib.close();
  });

  it('is rebuilt from the index when a bulk refresh left it incomplete', async () => {
    const { lib } = setup();
    await lib.refresh().done;
    // As a bulk refresh killed midway leaves it: marked, and missing words.
    new VocabularyWriter(lib.db).markIncomplete();
    lib.db.prepare("DELETE FROM vocabulary WHERE term IN ('syria', 'brent')").run();
    lib.db.prepare("UPDATE vocabulary SET docs = 99 WHERE term = 'oil'").run();
    expect(vocabularyComplete(lib.db)).toBe(false);
    const summary = await lib.refresh().done;
    expect(summary).toMatchObject({ added: 0, unchanged: 2 });
    expect(vocabularyComplete(lib.db)).toBe(true);
    expect(stored(lib.db)).toEqual(fromIndex(lib.db));
    lib.close();
  });

  it('is rebuilt the same in one go as in slices', async () => {
    const { lib } = setup();
    await lib.refresh().done;
    const writer = new VocabularyWriter(lib.db);
    for (const sliceMs of [0, 5000]) {
      writer.markIncomplete();
      lib.db.prepare("UPDATE vocabulary SET docs = 99 WHERE term = 'oil'").run();
      await writer.rebuild(() => Promise.resolve(true), sliceMs);
      expect(vocabularyComplete(lib.db)).toBe(true);
      expect(stored(lib.db)).toEqual(fromIndex(lib.db));
    }
    lib.close();
  });

  it('stops rebuilding when told to, leaving the mark for the next refresh', async () => {
    const { lib } = setup();
    await lib.refresh().done;
    const writer = new VocabularyWriter(lib.db);
    writer.markIncomplete();
    let transactions = 0;
    await writer.rebuild(() => Promise.resolve(++transactions <= 3), 0);
    expect(vocabularyComplete(lib.db)).toBe(false);
    await writer.rebuild(() => Promise.resolve(true), 0);
    expect(vocabularyComplete(lib.db)).toBe(true);
    lib.close();
  });

  it('gives the search its did-you-mean', async () => {
    const { lib, db } = setup();
    await lib.refresh().done;
    lib.close();
    const engine = new SearchEngine(db);
    expect(engine.search('diplomets', 10)).toMatchObject({ total: 0, suggestion: 'diplomats' });
    expect(engine.search('syria crde', 10)).toMatchObject({ total: 0, suggestion: null });
    expect(engine.search('oil crde', 10)).toMatchObject({ total: 0, suggestion: 'oil crude' });
    engine.close();
  });
});
