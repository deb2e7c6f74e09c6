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
import { isBigJob, type Refresh, type RefreshProgress, type RefreshSummary } from '../library/store/refresh.js';
import { openLibrary } from '../library/store/sqlite-library.js';
import { storedArticles } from '../library/store/stored-articles.js';
import { fullHeapForIndexing } from './reader-heap.js';
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
import type { ReaderMemory } from '../library/reader-memory.js';
import { createOutsideTools } from './external.js';
import { DEFAULT_SETTINGS, type Settings } from '../config/settings.js';
import { themeOf } from '../terminal/theme.js';

/**
 * Below this many articles the reader searches on its own thread: the broadest query takes
 * a few milliseconds at 2,000 articles, about 10 at 20,000, while a search worker takes
 * 35 ms and a V8 heap of its own to start.
 */
const SEARCH_HERE_ARTICLES = 5_000;

/**
 * From this many articles the search worker starts as soon as the first frame is drawn:
 * at 100,000 the first search that matches nothing waited 150-190 ms for the worker to
 * start and read the index's words for its did-you-mean. Smaller libraries keep the
 * memory until '/' is pressed (at 20,000 a worker from launch would cost 1.1x newsboat's).
 */
const EARLY_SEARCH_WORKER_ARTICLES = 50_000;

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
  /** Where the last view and the searches are kept between runs. */
  memory?: ReaderMemory | null;
  /** Called after the editor exits, so the library reads the edited file again. */
  onEdited?: () => void;
  /** The config file's settings: keys, theme, mark-read delay, sort, mouse. */
  settings?: Settings;
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
  memory = null,
  onEdited,
  settings = DEFAULT_SETTINGS,
  fetchOnStart = false,
  fetchEveryMinutes = 0,
}: ReaderOptions): Promise<number> {
  const { stdin } = process;
  if (!stdin.isTTY) return noTerminal();
  const screen = first?.screen ?? new Screen(1, { mouse: settings.mouse });
  const theme = themeOf(settings.theme, settings.colors, colour);
  // Ink -> the FrameWriter (only the rows that changed) -> the ReaderOutput (colour taken
  // out when asked; nothing while suspended) -> the terminal.
  const output = new ReaderOutput(process.stdout, { colour });
  const frames = new FrameWriter(output.stream);
  if (first?.rows) frames.assume(first.rows);
  let status = 0;
  let instance: ReturnType<typeof render> | null = null;
  /** Another program has the terminal (pager, editor, a piped command). */
  let away = false;

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
    // Ctrl-C while another program has the terminal is that program's (less, vi), as in a shell.
    if (away && signal === 'SIGINT') return;
    output.hold();
    screen.leave();
    process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 1));
  };
  // Nothing is drawn from here until the reader is continued: keys read together with the
  // Ctrl-Z may already have asked for a frame, and it must not land on the shell's screen.
  const suspend = (): void => {
    // Ctrl-Z in the pager stops it and the reader with it; `fg` continues both, and the
    // pager redraws its own screen.
    if (away) {
      process.kill(process.pid, 'SIGSTOP');
      return;
    }
    output.hold();
    screen.leave();
    if (stdin.isTTY) stdin.setRawMode(false);
    process.kill(process.pid, 'SIGSTOP');
  };
  const resume = (): void => {
    if (away) return;
    if (stdin.isTTY) stdin.setRawMode(true);
    screen.enter();
    output.release();
    // The whole screen again: the FrameWriter forgets what it showed, and the resize
    // that `redraw` emits has Ink write a frame.
    frames.reset();
    output.redraw();
  };
  /** Ctrl-L: clear the screen, whatever was written on it, and draw it all again. */
  const redrawScreen = (): void => {
    screen.clear();
    frames.reset();
    output.redraw();
  };
  /**
   * Give the terminal to another program while `run` runs, as Ctrl-Z does but without
   * stopping: the screen put away, raw mode off, and stdin no longer read, so every key
   * reaches the program; then the reader's screen back, drawn whole.
   */
  const handOver = async <T,>(run: () => Promise<T>): Promise<T> => {
    away = true;
    output.hold();
    const readers = stdin.listeners('readable') as (() => void)[];
    stdin.removeAllListeners('readable');
    if (stdin.isTTY) stdin.setRawMode(false);
    // The stream stops reading the terminal once it is paused with no reader left (a tick later).
    await new Promise((resolve) => process.nextTick(resolve));
    stdin.pause();
    screen.leave();
    try {
      return await run();
    } finally {
      if (stdin.isTTY) stdin.setRawMode(true);
      for (const reader of readers) stdin.on('readable', reader);
      away = false;
      resume();
    }
  };
  /** Show `message` under a finished command's output and wait for a key, so the output can be read. */
  const waitForKey = (message: string): Promise<void> =>
    new Promise((resolve) => {
      process.stdout.write(`\r\n${message}`);
      if (stdin.isTTY) stdin.setRawMode(true);
      stdin.once('data', () => {
        stdin.pause();
        // The message is the reader's, not part of the command's output: it goes.
        process.stdout.write('\r\u001b[2K');
        resolve();
      });
      stdin.resume();
    });
  const tools = createOutsideTools({
    handOver,
    waitForKey,
    ...(onEdited === undefined ? {} : { onEdited }),
  });
  const quit = (exitStatus: number, restorable: boolean): void => {
    status = exitStatus;
    // The screen as the next launch will restore it: that launch can draw it before Ink loads.
    if (restorable && frames.rows !== null) first?.rememberAtQuit(colour ? frames.rows : frames.rows.map(withoutColour));
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
        notice={notice}
        memory={memory}
        tools={tools}
        keymap={settings.keys}
        theme={theme}
        markReadAfter={settings.markReadAfter}
        sort={settings.sort}
        fetchOnStart={fetchOnStart}
        fetchEveryMinutes={fetchEveryMinutes}
        {...(first === null ? {} : { restored: first.restored })}
      />
    </ErrorBoundary>
  );

  // However the process ends with the library open (a signal, or the terminal gone and a
  // write failing first), the next launch may draw this one's frame before loading.
  const onExit = (): void => first?.stampAtAbruptExit();
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', onExit);
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
    // Raw mode before the alternate screen: a key typed in between would otherwise be echoed
    // onto the reader's screen (and Enter scroll it) before Ink turns echo off itself.
    stdin.setRawMode(true);
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
    process.off('exit', onExit);
    process.off('SIGTSTP', suspend);
    process.off('SIGCONT', resume);
    process.off('uncaughtException', fail);
    process.off('unhandledRejection', fail);
    // The searcher goes first: its worker's last messages must not reach a closed library.
    searcher?.close();
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
  options: { db?: string | undefined; colour?: boolean; first?: FirstScreen | null; settings?: Settings; fetchOnStart?: boolean; fetchEveryMinutes?: number } = {},
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
    // Asked at each query: a library still being indexed may outgrow it.
    searchHere: () => library.db.open && storedArticles(library.db) < SEARCH_HERE_ARTICLES,
    // The first search of a large library does not wait for the worker to start.
    whileWorkerStarts: true,
    onWorkerStop: (message, restarted) => background.set('search', sanitize(restarted ? 'search restarted after its worker stopped' : message)),
    // Shown at once, and printed again once the terminal is back.
    onWarning: (message) => {
      searchWarnings.push(message);
      background.set('search', sanitize(message));
    },
  });
  const refresh = library.refresh();
  // A big indexing job gets V8's optimising compiler and young generation back.
  let indexingHeap = false;
  const stopWatchingJob = refresh.onProgress((progress) => {
    if (indexingHeap || !isBigJob(progress)) return;
    indexingHeap = true;
    fullHeapForIndexing();
    queueMicrotask(() => stopWatchingJob());
  });
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
    // An edited file is read again; a library with a feed URL among its roots is not walked
    // again, which would fetch the URL once more.
    const onEdited = library.roots.some((root) => /^https?:\/\//i.test(root)) ? undefined : () => void library.refresh().done.catch(() => undefined);
    const settings = options.settings ?? DEFAULT_SETTINGS;
    // Runs once the reader has drawn its first frame and waits for keys.
    if (storedArticles(library.db) >= EARLY_SEARCH_WORKER_ARTICLES) setImmediate(() => searcher.startEarly());
    const status = await runReader({
      library,
      searcher,
      refresh,
      notice: library.notice,
      colour: options.colour ?? true,
      first,
      background,
      settings,
      memory: library.memory,
      fetchOnStart: options.fetchOnStart ?? false,
      fetchEveryMinutes: options.fetchEveryMinutes ?? 0,
      ...(onEdited === undefined ? {} : { onEdited }),
    });
    await finished;
    if (summary !== null) printWarnings((summary as RefreshSummary).warnings);
    printWarnings(searchWarnings.map((message) => ({ path: library.file, message })));
    if (failure !== null) printError(failure instanceof Error ? failure.message : String(failure));
    searcher.close();
    // Every connection to the library is closed once the search worker has stopped: the
    // refresh's worker closed its own before it finished (one cut short may still be open).
    await searcher.whenStopped();
    if (summary !== null && !(summary as RefreshSummary).cancelled) first?.stampAtExit();
    return status;
  } finally {
    searcher.close();
  }
}
