/**
 * Rendering the reader with ink-testing-library and driving it like a user: `press` types
 * a key and waits until the screen has caught up.
 */
import { render } from 'ink-testing-library';
import { type Mock, vi } from 'vitest';
import path from 'node:path';
import type { Article } from '../../src/article/types.js';
import { loadArticles } from '../../src/library/load-all.js';
import { compareNewestFirst, type Library } from '../../src/library/library.js';
import { MemoryLibrary } from '../fakes/memory-library.js';
import { FakeSearcher, type FakeSearcherOptions } from '../fakes/searcher.js';
import type { Searcher } from '../../src/search/searcher.js';
import { App } from '../../src/ui/App.js';
import { keySequence } from '../key-sequences.js';
import { bbcDir, seedsDir } from '../shared-dir.js';

export { keySequence };

/** A macrotask turn: effects have run and Ink has written the frame. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Wait until `condition` holds, turning the event loop; fail after `turns` turns. */
export async function until(condition: () => boolean, what = 'condition', turns = 500): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await tick();
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface Reader {
  frame: () => string;
  /** Type keys one by one, each time waiting for the screen to settle. */
  press: (...keys: string[]) => Promise<void>;
  /** Type raw text (several characters in one write, as a paste or a fast repeat). */
  type: (text: string) => Promise<void>;
  /** Send raw bytes as one read and return at once: the next write may race the frame. */
  write: (text: string) => void;
  waitFor: (pattern: string | RegExp) => Promise<void>;
  quit: Mock;
  rerender: (size: { width: number; height: number }) => Promise<void>;
  unmount: () => void;
}

/** Turns that a frame may take to appear: an Esc waits for Ink's escape-sequence timer. */
const SETTLE_TURNS = 3;

export async function renderReader(options: {
  library: Library;
  searcher?: Searcher | null;
  width: number;
  height: number;
}): Promise<Reader> {
  const quit = vi.fn();
  const tree = (size: { width: number; height: number }) => (
    <App library={options.library} searcher={options.searcher ?? null} size={size} onQuit={quit} />
  );
  const instance = render(tree({ width: options.width, height: options.height }));
  const frame = (): string => instance.lastFrame() ?? '';
  const settle = async (before: number, wantChange: boolean): Promise<void> => {
    // Wait for a new frame when one is due; then a few more turns for effects it triggers.
    if (wantChange) {
      for (let i = 0; i < 200 && instance.frames.length === before; i++) await tick();
    }
    for (let i = 0; i < SETTLE_TURNS; i++) await tick();
  };
  await tick();
  const reader: Reader = {
    frame,
    async press(...keys) {
      for (const key of keys) {
        const before = instance.frames.length;
        instance.stdin.write(keySequence(key));
        // An Esc alone is held back by Ink until it is sure no sequence follows.
        await settle(before, key === 'escape');
      }
    },
    async type(text) {
      const before = instance.frames.length;
      instance.stdin.write(text);
      await settle(before, false);
    },
    write(text) {
      instance.stdin.write(text);
    },
    async waitFor(pattern) {
      await until(() => (typeof pattern === 'string' ? frame().includes(pattern) : pattern.test(frame())), `${pattern}`);
    },
    quit,
    async rerender(size) {
      instance.rerender(tree(size));
      await settle(instance.frames.length, false);
    },
    unmount: () => instance.unmount(),
  };
  return reader;
}

let seed: Article[] | null = null;
let bbc: Article[] | null = null;

export async function seedArticles(): Promise<Article[]> {
  seed ??= (await loadArticles([seedsDir])).articles;
  return seed;
}

/**
 * The BBC corpus, loaded once per test file, in the order MemoryLibrary lists it: date,
 * then path. (The listing orders undated articles by file time, which the fake does not
 * know, and every BBC article is undated.)
 */
export async function bbcArticles(): Promise<Article[]> {
  bbc ??= (await loadArticles([bbcDir])).articles.sort(compareNewestFirst);
  return bbc;
}

export function bbcSection(section: string): string {
  return path.join(bbcDir, section);
}

export { MemoryLibrary };

/** The reader over `articles`, with a fake searcher over their text. */
export async function renderSearchableReader(
  articles: Article[],
  options: FakeSearcherOptions = {},
  width = 100,
  height = 30,
): Promise<{ reader: Reader; searcher: FakeSearcher; library: MemoryLibrary }> {
  const library = new MemoryLibrary(articles);
  const rows = library.page({ sort: 'newest' }, 0, library.count({ sort: 'newest' }));
  const bodies = new Map(rows.map((row) => [row.key, library.article(row.key)!.blocks.map((b) => b.text).join('\n')]));
  const searcher = new FakeSearcher(rows, { bodies, ...options });
  const reader = await renderReader({ library, searcher, width, height });
  return { reader, searcher, library };
}

/** The status bar: the frame's last line. */
export function statusLine(r: Reader): string {
  return r.frame().split('\n').at(-1) ?? '';
}

/** The search field's line, or '' when it is closed. */
export function fieldLine(r: Reader): string {
  return r.frame().split('\n').find((line) => line.startsWith('/')) ?? '';
}
