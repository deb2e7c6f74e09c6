/**
 * The reader's side of going outside, with tools that record what they are asked: what `v`,
 * `e`, `|` and `w` hand them for a real stored article, the notices that come back, and the
 * keys typed after a command that waits for its program, run only once it has finished.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type SqliteLibrary } from '../../src/library/store/sqlite-library.js';
import { App } from '../../src/ui/App.js';
import { NO_TOOLS_NOTICE, type OutsideTools, type SaveOutcome } from '../../src/ui/use-outside.js';
import { fixtureDbFromTexts, type FixtureDb } from '../search/fixture-db.js';
import { tick, until } from './harness.js';

const TEXT = 'Oil prices fall\n\nPrices fell on Tuesday, says https://example.org/oil.\n';
const SECOND = 'Markets rally\n\nShares rose, says http://example.com/markets.\n';

interface Call {
  tool: string;
  args: unknown[];
}

/** Tools that record each call; `pipe` waits until `release` is called, as a program would. */
function recordingTools(): { tools: OutsideTools; calls: Call[]; release: () => void } {
  const calls: Call[] = [];
  let release = (): void => undefined;
  const tools: OutsideTools = {
    openUrl: async (...args) => (calls.push({ tool: 'openUrl', args }), 'opened in the browser (test)'),
    page: async (...args) => (calls.push({ tool: 'page', args }), ''),
    edit: async (...args) => (calls.push({ tool: 'edit', args }), 'editor exited with status 1'),
    pipe: (...args) => {
      calls.push({ tool: 'pipe', args });
      return new Promise((resolve) => {
        release = () => resolve('| cat: exit status 0');
      });
    },
    save: async (...args): Promise<SaveOutcome> => {
      calls.push({ tool: 'save', args });
      return args[0] === 'taken.txt' && args[2] === false ? { status: 'exists', path: '/x/taken.txt' } : { status: 'saved', path: `/x/${args[0]}` };
    },
  };
  return { tools, calls, release: () => release() };
}

let fixture: FixtureDb | null = null;
let library: SqliteLibrary | null = null;
let unmount: (() => void) | null = null;

afterEach(() => {
  unmount?.();
  library?.close();
  fixture?.remove();
  fixture = library = unmount = null;
});

async function open(tools: OutsideTools | null) {
  fixture = await fixtureDbFromTexts([
    { path: 'a.txt', text: TEXT },
    { path: 'b.txt', text: SECOND },
  ]);
  library = openLibrary({ paths: [], db: fixture.dbPath });
  const instance = render(<App library={library} size={{ width: 100, height: 20 }} onQuit={() => undefined} tools={tools} />);
  unmount = () => instance.unmount();
  await tick();
  const frame = (): string => instance.lastFrame() ?? '';
  const status = (): string => frame().split('\n').at(-1) ?? '';
  const write = async (text: string): Promise<void> => {
    instance.stdin.write(text);
    for (let i = 0; i < 3; i++) await tick();
  };
  return { frame, status, write, selectedHeadline: () => frame().split('\n')[0] ?? '' };
}

describe('going outside from the reader', () => {
  it('says so when no tools are given, and still lists the links', async () => {
    const r = await open(null);
    await r.write('v');
    await until(() => r.status().includes(NO_TOOLS_NOTICE), 'the notice');
    await r.write('L');
    await until(() => r.frame().includes('Links (1)'), 'the link list');
  });

  it('hands v the file, e the file, and shows what they answer', async () => {
    const { tools, calls } = recordingTools();
    const r = await open(tools);
    const first = r.selectedHeadline().includes('Oil') ? 'a.txt' : 'b.txt';
    await r.write('v');
    await r.write('e');
    await until(() => r.status().includes('editor exited with status 1'), 'the editor notice');
    expect(calls.map((c) => c.tool)).toEqual(['page', 'edit']);
    expect(String(calls[0]?.args[0])).toMatch(new RegExp(`${first}$`));
  });

  it('| waits for the command before the keys typed after it, which then act in order', async () => {
    const { tools, calls, release } = recordingTools();
    const r = await open(tools);
    await r.write('|cat\rj');
    await until(() => calls.length === 1, 'the pipe');
    const [command, text] = calls[0]!.args as [string, string];
    expect(command).toBe('cat');
    expect(text.split('\n')[1]).toBe('no date');
    // j waits: the selection has not moved.
    expect(r.status()).toMatch(/^ 1\/2/);
    release();
    await until(() => /^ 2\/2/.test(r.status()), 'j ran after the command');
  });

  it('| shows the exit status the command ended with', async () => {
    const { tools, release } = recordingTools();
    const r = await open(tools);
    await r.write('|cat\r');
    release();
    await until(() => r.status().includes('| cat: exit status 0'), 'the exit status');
  });

  it('w offers a name from the headline, asks before overwriting, y overwrites', async () => {
    const { tools, calls } = recordingTools();
    const r = await open(tools);
    await r.write('w');
    await until(() => /save to: (oil-prices-fall|markets-rally)\.txt/.test(r.status()), 'the default name');
    await r.write('\u0015taken.txt\r');
    await until(() => r.status().includes('taken.txt exists: overwrite? (y/n)'), 'the question');
    await r.write('y');
    await until(() => r.status().includes('saved to /x/taken.txt'), 'saved');
    expect(calls.map((c) => [c.args[0], c.args[2]])).toEqual([
      ['taken.txt', false],
      ['taken.txt', true],
    ]);
  });
});
