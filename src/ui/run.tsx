/**
 * Starting the interactive reader and keeping the terminal safe around it: the alternate
 * screen and the cursor are restored on every way out (q, Ctrl-C, SIGTERM, SIGHUP, an
 * uncaught error), Ctrl-Z suspends like any other program, and `fg` redraws.
 */
import { render } from 'ink';
import { printError, printWarnings } from '../commands/output.js';
import { loadArticles } from '../library/load-all.js';
import type { Library } from '../library/library.js';
import { MemoryLibrary } from '../library/memory-library.js';
import type { Searcher } from '../search/searcher.js';
import { Screen } from '../terminal/screen.js';
import { App } from './App.js';
import { ErrorBoundary } from './ErrorBoundary.js';

/** Exit status when the reader cannot run here (no terminal to read keys from). */
export const EXIT_NO_TERMINAL = 2;

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export interface ReaderOptions {
  library: Library;
  /** The full-text searcher; without one, `/` says search is not available. */
  searcher?: Searcher | null;
}

function noTerminal(): number {
  printError('the reader needs a terminal on standard input; to list the articles: newsreader PATH | cat');
  return EXIT_NO_TERMINAL;
}

/** Run the reader until the user quits; resolves with the exit status. */
export async function runReader({ library, searcher = null }: ReaderOptions): Promise<number> {
  const { stdin } = process;
  if (!stdin.isTTY) return noTerminal();
  const screen = new Screen();
  let redraw = 0;
  let status = 0;
  let instance: ReturnType<typeof render> | null = null;

  const fail = (error: unknown): void => {
    instance?.unmount();
    screen.leave();
    printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    instance?.unmount();
    screen.leave();
    process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 1));
  };
  const suspend = (): void => {
    screen.leave();
    if (stdin.isTTY) stdin.setRawMode(false);
    process.kill(process.pid, 'SIGSTOP');
  };
  const resume = (): void => {
    if (stdin.isTTY) stdin.setRawMode(true);
    screen.enter();
    redraw += 1;
    instance?.rerender(tree());
    // The terminal may have been resized while we were stopped.
    process.stdout.emit('resize');
  };
  const quit = (): void => {
    instance?.unmount();
  };
  const tree = () => (
    <ErrorBoundary onError={fail}>
      <App library={library} searcher={searcher} onQuit={quit} onSuspend={suspend} redraw={redraw} />
    </ErrorBoundary>
  );

  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('SIGTSTP', suspend);
  process.on('SIGCONT', resume);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  try {
    screen.enter();
    instance = render(tree(), { exitOnCtrlC: false, patchConsole: false });
    await instance.waitUntilExit();
  } catch (error) {
    screen.leave();
    printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    status = 1;
  } finally {
    screen.leave();
    for (const signal of signals) process.off(signal, onSignal);
    process.off('SIGTSTP', suspend);
    process.off('SIGCONT', resume);
    process.off('uncaughtException', fail);
    process.off('unhandledRejection', fail);
    library.close();
  }
  return status;
}

/** Load the articles under `paths` into memory and read them. */
export async function openReader(paths: string[], searcher: Searcher | null = null): Promise<number> {
  if (!process.stdin.isTTY) return noTerminal();
  const { articles, warnings } = await loadArticles(paths);
  printWarnings(warnings);
  return runReader({ library: new MemoryLibrary(articles), searcher });
}
