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
