/**
 * Rendering the reader with ink-testing-library and driving it like a user: `press` types
 * a key and waits until the screen has caught up.
 */
import { render } from 'ink-testing-library';
import { type Mock, vi } from 'vitest';
import type { Library } from '../../src/library/library.js';
import type { ReaderMemory } from '../../src/library/reader-memory.js';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import type { Searcher } from '../../src/search/searcher.js';
import { SqliteSearcher } from '../../src/search/sqlite-searcher.js';
import { HeldSearcher } from '../fakes/held-searcher.js';
import { fixtureDbFromPaths, type FixtureDb } from '../search/fixture-db.js';
import { App, type AppProps } from '../../src/ui/App.js';

/** What the config file sets on the App. */
export type ReaderSettings = Pick<AppProps, 'keymap' | 'theme' | 'markReadAfter' | 'sort'>;
import { keySequence } from '../key-sequences.js';
import { seedsDir } from '../../kit/shared-dir.js';

export { keySequence };

/** A macrotask turn: effects have run and Ink has written the frame. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Wait until `condition` holds, turning the event loop. The searcher answers from a worker
 * thread that takes a while to start; the deadline only turns a hang into a failure.
 */
export async function until(condition: () => boolean, what: string | (() => string) = 'condition'): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await tick();
  }
}

export interface Reader {
  frame: () => string;
  /** Every frame drawn so far, oldest first. */
  frames: () => readonly string[];
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
  memory?: ReaderMemory | null;
  width: number;
  height: number;
  /** Settings of the App: keys, theme, mark-read delay, sort. */
  settings?: ReaderSettings;
}): Promise<Reader> {
  const quit = vi.fn();
  const tree = (size: { width: number; height: number }) => (
    <App library={options.library} searcher={options.searcher ?? null} memory={options.memory ?? null} size={size} onQuit={quit} {...options.settings} />
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
  // Keys written before the reader listens would be lost: wait for its first effects (a
  // slow first commit under load left them unrun after one turn).
  await until(() => instance.stdin.listenerCount('readable') > 0, 'the reader to read keys');
  const reader: Reader = {
    frame,
    frames: () => instance.frames,
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

/** Close what `openStored` opened: the reader first, then the searcher and the library. */
export interface Stored {
  reader: Reader;
  library: SqliteLibrary;
  /** The real searcher, watched (null when opened without search). */
  searcher: HeldSearcher | null;
  close: () => void;
}

/**
 * The reader over a fixture database through the real store and searcher, as the command
 * opens it: `SqliteLibrary` for the list, `SqliteSearcher` (behind a `HeldSearcher` that
 * records queries and, with `hold`, keeps answers back) for search.
 */
export async function openStored(
  dbPath: string,
  options: { width?: number; height?: number; search?: boolean; hold?: boolean; settings?: ReaderSettings } = {},
): Promise<Stored> {
  const library = openLibrary({ paths: [], db: dbPath });
  const searcher = options.search === false ? null : new HeldSearcher(new SqliteSearcher(dbPath), { hold: options.hold ?? false });
  const reader = await renderReader({
    library,
    searcher,
    width: options.width ?? 100,
    height: options.height ?? 30,
    ...(options.settings === undefined ? {} : { settings: options.settings }),
  });
  return {
    reader,
    library,
    searcher,
    close() {
      reader.unmount();
      searcher?.close();
      library.close();
    },
  };
}

/** The seed article in a database of its own. */
export function seedFixture(): Promise<FixtureDb> {
  return fixtureDbFromPaths([seedsDir]);
}

/** The text of an article in the seed format, dated `date` (YYYY-MM-DD). */
export function articleText(headline: string, date: string, body: string): string {
  const month = new Date(`${date}T12:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const [year, , day] = date.split('-');
  return `${headline}\n\nUpdated ${month} ${Number(day)}, ${year}\n\n${body}\n`;
}

/** The status bar: the frame's last line. */
export function statusLine(r: Reader): string {
  return r.frame().split('\n').at(-1) ?? '';
}

/** The search field's line, or '' when it is closed. */
export function fieldLine(r: Reader): string {
  return r.frame().split('\n').find((line) => line.startsWith('/')) ?? '';
}
