/**
 * Starting the interactive reader and keeping the terminal safe around it: the alternate
 * screen and the cursor are restored on every way out (q, Ctrl-C, SIGTERM, SIGHUP, an
 * uncaught error), Ctrl-Z suspends like any other program, and `fg` redraws.
 */
import { render } from 'ink';
import { printError, printWarnings } from './output.js';
import { assertSomePathExists } from '../library/find.js';
import type { Library } from '../library/library.js';
import { StoreError } from '../library/store/open.js';
import type { Refresh, RefreshProgress, RefreshSummary } from '../library/store/refresh.js';
import { openLibrary } from '../library/store/sqlite-library.js';
import type { Searcher } from '../search/searcher.js';
import { SqliteSearcher } from '../search/sqlite-searcher.js';
import { withoutColour } from '../terminal/colour.js';
import { FrameWriter } from '../terminal/frame-writer.js';
import { ReaderOutput } from '../terminal/reader-output.js';
import { sanitize } from '../terminal/sanitize.js';
import { Screen } from '../terminal/screen.js';
import { App, type AppProps } from '../ui/App.js';
import { BackgroundStatus, useBackgroundStatus } from '../ui/background-status.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import type { FirstScreen } from './first-screen.js';

/** Exit status when the reader cannot run here (no terminal to read keys from). */
export const EXIT_NO_TERMINAL = 2;

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

export interface ReaderOptions {
  library: Library;
  /** The full-text searcher; without one, `/` says search is not available. */
  searcher?: Searcher | null;
  /** A refresh running in the background, shown in the status bar until it ends. */
  refresh?: Refresh | null;
  /** A message for the status bar at start. */
  notice?: string | null;
  /** Whether to draw in colour; without it, inverse, bold and underline still show. */
  colour?: boolean;
  /** The screen drawn before Ink loaded (see first-screen.ts), to continue from. */
  first?: FirstScreen | null;
  /** What else runs in the background (the search worker's health), for the status bar. */
  background?: BackgroundStatus;
  /** `--fetch` and `--fetch-every`: fetch the subscribed feeds at start, and every so many minutes. */
  fetchOnStart?: boolean;
  fetchEveryMinutes?: number;
}

/** The status-bar text for a refresh's progress, or null when there is nothing to say. */
export function activityText(progress: RefreshProgress): string | null {
  switch (progress.phase) {
    case 'walking':
      return 'looking for articles…';
    case 'checking':
    case 'indexing': {
      if (progress.total === 0) return null;
      const restarted = progress.restarts === 0 ? '' : ' · a parse worker stopped and was restarted';
      return `indexing ${progress.done}/${progress.total}${restarted}`;
    }
    default:
      return null;
  }
}

/** The status-bar text for a refresh that stopped with an error: what was indexed stays readable. */
export function refreshFailureText(error: unknown): string {
  return sanitize(`indexing failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** The App with the background status as it changes (see background-status.ts). */
function Reader({ background, ...props }: Omit<AppProps, 'activity'> & { background: BackgroundStatus }) {
  const activity = useBackgroundStatus(background);
  return <App {...props} activity={activity} />;
}

function noTerminal(): number {
  printError('the reader needs a terminal on standard input; to list the articles: newsreader PATH | cat');
  return EXIT_NO_TERMINAL;
}

/** Run the reader until the user quits; resolves with the exit status. */
export async function runReader({
  library,
  searcher = null,
  refresh = null,
  notice = null,
  colour = true,
  first = null,
  background = new BackgroundStatus(),
  fetchOnStart = false,
  fetchEveryMinutes = 0,
}: ReaderOptions): Promise<number> {
  const { stdin } = process;
  if (!stdin.isTTY) return noTerminal();
  const screen = first?.screen ?? new Screen();
  // Ink -> the FrameWriter (only the rows that changed) -> the ReaderOutput (colour taken
  // out when asked; nothing while suspended) -> the terminal.
  const output = new ReaderOutput(process.stdout, { colour });
  const frames = new FrameWriter(output.stream);
  if (first?.rows) frames.assume(first.rows);
  let redraw = 0;
  let status = 0;
  let instance: ReturnType<typeof render> | null = null;

  const fail = (error: unknown): void => {
    output.hold();
    instance?.unmount();
    screen.leave();
    printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  };
  // No last frame and no waiting for the refresh: the store commits in transactions, so
  // stopping between two of them loses nothing. Node puts the terminal's mode back on exit.
  const onSignal = (signal: NodeJS.Signals): void => {
    output.hold();
    screen.leave();
    process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 1));
  };
  // Nothing is drawn from here until the reader is continued: keys read together with the
  // Ctrl-Z may already have asked for a frame, and it must not land on the shell's screen.
  const suspend = (): void => {
    output.hold();
    screen.leave();
    if (stdin.isTTY) stdin.setRawMode(false);
    process.kill(process.pid, 'SIGSTOP');
  };
  const resume = (): void => {
    if (stdin.isTTY) stdin.setRawMode(true);
    screen.enter();
    output.release();
    frames.reset();
    redraw += 1;
    instance?.rerender(tree());
    output.redraw();
  };
  /** Ctrl-L: clear the screen, whatever was written on it, and draw it all again. */
  const redrawScreen = (): void => {
    screen.clear();
    frames.reset();
    output.redraw();
  };
  const quit = (exitStatus: number): void => {
    status = exitStatus;
    instance?.unmount();
  };
  const tree = () => (
    <ErrorBoundary onError={fail}>
      <Reader
        background={background}
        library={library}
        searcher={searcher}
        onQuit={quit}
        onSuspend={suspend}
        onRedraw={redrawScreen}
        redraw={redraw}
        notice={notice}
        fetchOnStart={fetchOnStart}
        fetchEveryMinutes={fetchEveryMinutes}
      />
    </ErrorBoundary>
  );

  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('SIGTSTP', suspend);
  process.on('SIGCONT', resume);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // Progress arrives every slice (~16 ms); the status redraws only when its words change.
  if (refresh !== null) {
    background.set('refresh', activityText(refresh.progress()));
    refresh.done.then(
      () => background.set('refresh', null),
      (error: unknown) => background.set('refresh', refreshFailureText(error)),
    );
  }
  const stopProgress = refresh?.onProgress((progress) => background.set('refresh', activityText(progress)));
  try {
    screen.enter();
    // Ink hands every frame to the FrameWriter, which writes only the rows that changed.
    instance = render(tree(), { exitOnCtrlC: false, patchConsole: false, debug: true, stdout: frames.stream, onRender: frames.onRender });
    // Ink drew its first frame in render(): the next launch can show it before Ink loads.
    // Remembered as the terminal got it: without colour when colour is off.
    if (frames.rows !== null) first?.remember(colour ? frames.rows : frames.rows.map(withoutColour));
    await instance.waitUntilExit();
  } catch (error) {
    screen.leave();
    printError(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    status = 1;
  } finally {
    stopProgress?.();
    // Whatever Ink still flushes belongs to the alternate screen, not the shell's.
    output.hold();
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

/**
 * Open the library database for `paths`, show what it already holds at once, and refresh
 * it from the files in the background while the user reads. Warnings about files that
 * could not be read are printed once the terminal is back.
 */
export async function openReader(
  paths: string[],
  options: { db?: string | undefined; colour?: boolean; first?: FirstScreen | null; fetchOnStart?: boolean; fetchEveryMinutes?: number } = {},
): Promise<number> {
  if (!process.stdin.isTTY) return noTerminal();
  const first = options.first ?? null;
  let library;
  if (first !== null) {
    library = first.library;
  } else {
    await assertSomePathExists(paths);
    try {
      library = openLibrary({ paths, ...(options.db === undefined ? {} : { db: options.db }) });
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      printError(error.message);
      return 2;
    }
  }
  const background = new BackgroundStatus();
  const searchWarnings: string[] = [];
  const searcher = new SqliteSearcher(library.file, {
    roots: library.roots,
    onWorkerStop: (message, restarted) => background.set('search', sanitize(restarted ? 'search restarted after its worker stopped' : message)),
    // Shown at once, and printed again once the terminal is back.
    onWarning: (message) => {
      searchWarnings.push(message);
      background.set('search', sanitize(message));
    },
  });
  const refresh = library.refresh();
  let summary: RefreshSummary | null = null;
  let failure: unknown = null;
  const finished = refresh.done.then(
    (result) => {
      summary = result;
    },
    (error: unknown) => {
      failure = error;
    },
  );
  try {
    const fetching = { fetchOnStart: options.fetchOnStart ?? false, fetchEveryMinutes: options.fetchEveryMinutes ?? 0 };
    const status = await runReader({ library, searcher, refresh, notice: library.notice, colour: options.colour ?? true, first, background, ...fetching });
    await finished;
    if (summary !== null) printWarnings((summary as RefreshSummary).warnings);
    printWarnings(searchWarnings.map((message) => ({ path: library.file, message })));
    if (failure !== null) printError(failure instanceof Error ? failure.message : String(failure));
    return status;
  } finally {
    searcher.close();
  }
}
