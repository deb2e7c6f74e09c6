/**
 * The engine keeps the did-you-mean vocabulary while the index it comes from is unchanged:
 * the reader's own writes to the library (marks, the saved view, the search history) do not
 * make the next query that finds nothing read every word again, and new articles do.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/library/store/sqlite-library.js';
import { SearchEngine } from '../../src/search/engine.js';
import { fixtureDbFromTexts, type FixtureDb } from './fixture-db.js';

const article = (headline: string, body: string): string => `${headline}\n\n${body}\n`;

let fixture: FixtureDb;
let engine: SearchEngine;
/** The folder the fixture's texts were written to and indexed from. */
let libraryDir: string;

beforeAll(async () => {
  fixture = await fixtureDbFromTexts([
    { path: 'world/aleppo.txt', text: article('Aleppo talks resume', 'Diplomats met in Geneva to discuss the siege of Aleppo.') },
    { path: 'world/kerry.txt', text: article('Kerry flies to Moscow', 'The secretary of state held talks with his counterpart.') },
  ]);
  libraryDir = path.join(path.dirname(fixture.dbPath), 'library');
  engine = new SearchEngine(fixture.dbPath);
});

afterAll(() => {
  engine.close();
  fixture.remove();
});

describe('the did-you-mean vocabulary', () => {
  it('is read once while only the reader writes to the library', () => {
    expect(engine.search('alepo', 10)).toMatchObject({ total: 0, suggestion: 'aleppo' });
    expect(engine.vocabularyReads).toBe(1);

    const id = fixture.articles[0]?.id ?? '';
    fixture.setState(id, { read: true, starred: true });
    const reader = openLibrary({ paths: [libraryDir], db: fixture.dbPath });
    try {
      reader.memory.rememberSearch('alepo');
      reader.memory.saveView({ sort: 'newest', unreadOnly: true, starredOnly: false, selectedKey: null, selected: 1, top: 0 });
    } finally {
      reader.close();
    }

    expect(engine.search('moscw', 10)).toMatchObject({ total: 0, suggestion: 'moscow' });
    expect(engine.vocabularyReads).toBe(1);
  });

  it('is read again when an article brings new words', async () => {
    const reads = engine.vocabularyReads;
    writeFileSync(path.join(libraryDir, 'world', 'zebrafish.txt'), article('Zebrafish regrow hearts', 'Scientists studied zebrafish in a laboratory.'));
    const library = openLibrary({ paths: [libraryDir], db: fixture.dbPath });
    try {
      await library.refresh().done;
    } finally {
      library.close();
    }

    expect(engine.search('zebrafsh', 10)).toMatchObject({ total: 0, suggestion: 'zebrafish' });
    expect(engine.vocabularyReads).toBe(reads + 1);
  });
});
