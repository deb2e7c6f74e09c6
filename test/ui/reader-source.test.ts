import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import { initialState } from '../../src/state/reducer.js';
import { ReaderSource } from '../../src/ui/reader-source.js';

const opened: SqliteLibrary[] = [];
afterEach(() => {
  for (const lib of opened.splice(0)) lib.close();
});

function text(layout: ReturnType<ReaderSource['layout']>): string {
  return layout.lines.map((line) => line.segments.map((s) => s.text).join('')).join('\n');
}

describe('the reader source after the library changes', () => {
  it('lays out an article edited in place anew, not from the layout of its old text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-source-'));
    const file = path.join(dir, 'story.txt');
    writeFileSync(file, 'A headline\n\nThe first version of the body.\n');
    const library = openLibrary({ paths: [dir], db: path.join(dir, 'library.db') });
    opened.push(library);
    await library.refresh().done;
    const source = new ReaderSource(library);
    const state = initialState({ width: 120, height: 40, count: library.count({ sort: 'newest' }), canSearch: false });
    expect(text(source.layout(state))).toContain('The first version of the body.');

    writeFileSync(file, 'A headline\n\nThe corrected body, longer than the first.\n');
    await library.refresh().done;
    source.changed('articles');
    const after = text(source.layout(state));
    expect(after).toContain('The corrected body, longer than the first.');
    expect(after).not.toContain('The first version');
  });
});

describe('the rows the reader source hands the list', () => {
  async function library50(): Promise<{ library: SqliteLibrary; count: number }> {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-source-'));
    for (let i = 0; i < 50; i++) writeFileSync(path.join(dir, `story-${String(i).padStart(2, '0')}.txt`), `Headline number ${i}\n\nBody ${i}.\n`);
    const library = openLibrary({ paths: [dir], db: path.join(dir, 'library.db') });
    opened.push(library);
    await library.refresh().done;
    return { library, count: library.count({ sort: 'newest' }) };
  }

  it('keeps the same object for a row still on screen after a scroll, and reads the library once a screenful', async () => {
    const { library, count } = await library50();
    let pages = 0;
    const page = library.page.bind(library);
    library.page = (...args) => {
      pages++;
      return page(...args);
    };
    const source = new ReaderSource(library);
    const state = initialState({ width: 120, height: 40, count, canSearch: false });
    const first = source.rows(state, 0, 10);
    const scrolled = source.rows(state, 1, 10);
    expect(scrolled.slice(0, 9)).toEqual(first.slice(1));
    for (let i = 0; i < 9; i++) expect(scrolled[i]).toBe(first[i + 1]);
    for (let top = 2; top <= 10; top++) source.rows(state, top, 10);
    expect(pages).toBe(1);
    // Far down, the library is read again; rows read before and unchanged keep their objects.
    const far = source.rows(state, 25, 10);
    expect(pages).toBe(2);
    expect(far.map((row) => row?.headline)).toEqual(Array.from({ length: 10 }, (_, i) => library.page({ sort: 'newest' }, 25 + i, 1)[0]?.headline));
    const back = source.rows(state, 20, 10);
    expect(back[5]).toBe(far[0]);
  });

  it('hands a new object for a row whose marks changed', async () => {
    const { library, count } = await library50();
    const source = new ReaderSource(library);
    const state = initialState({ width: 120, height: 40, count, canSearch: false });
    const before = source.rows(state, 0, 10);
    const marked = before[3];
    if (!marked) throw new Error('no row 3');
    library.setRead([marked.id], true);
    source.changed('marks');
    const after = source.rows(state, 0, 10);
    expect(after[3]).not.toBe(marked);
    expect(after[3]?.read).toBe(true);
    expect(after[4]).toBe(before[4]);
  });
});
