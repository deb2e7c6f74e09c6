/**
 * The first screen before Ink and React have loaded. Loading them and rendering the first
 * frame is most of a launch, while the library is open in a few milliseconds. So the
 * reader remembers the first frame Ink drew, beside the library database (as SQLite keeps
 * its -wal file), with a fingerprint of everything that frame depends on: the build, the
 * terminal's size and colour settings, and the rows and article at the top of the list.
 * A launch that finds the same fingerprint draws that frame at once; Ink's own first frame
 * then changes only rows that differ (the FrameWriter starts from the remembered rows), so
 * nothing flashes or moves. Any other launch starts as before and remembers its frame.
 * A launch that finds the files as one of these launches left them at its end (their
 * stamp, launch-stamp.ts) draws the frame sooner still, before this module loads
 * (early-frame.ts); it is checked here all the same.
 *
 * This module must not import Ink or React: it runs before they load.
 */
import { assertSomePathExists } from '../library/find.js';
import { openLibrary, type SqliteLibrary } from '../library/store/sqlite-library.js';
import { BEGIN_SYNC, END_SYNC, frameUpdate } from '../terminal/frame-writer.js';
import { Screen, terminalSize } from '../terminal/screen.js';
import { DEFAULT_SETTINGS, type Settings } from '../config/settings.js';
import { libraryView, unreadView } from '../state/view.js';
import { restoredView, type RestoredView } from '../ui/restore-view.js';
import type { EarlyFrame } from './early-frame.js';
import { buildStamp, frameEnv, launchStamp, STYLE_ENV, type Launch } from './launch-stamp.js';
import { readRemembered, rememberedFile, writeRemembered } from './remembered-frame.js';

/** What the reader takes over from the first screen. */
export interface FirstScreen {
  library: SqliteLibrary;
  /** The alternate screen, entered when a remembered frame was drawn. */
  screen: Screen;
  /** The rows drawn, or null when no remembered frame fit. */
  rows: readonly string[] | null;
  /** The view the reader opens in, as the first screen read it (the App need not read it again). */
  restored: RestoredView;
  /** Keep Ink's first frame for the next launch. */
  remember(rows: readonly string[]): void;
  /**
   * Keep the last frame for the next launch: at a quit that leaves the screen as the next
   * launch will restore it (the list, no search, no message), after the view was saved.
   * Without it, a launch after the reader moved would never find its frame.
   */
  rememberAtQuit(rows: readonly string[]): void;
  /**
   * Once every connection to the library is closed, after a quit that remembered its frame:
   * keep this launch's stamp with it, so the next launch can draw it before loading
   * anything else. The library's files change as it closes, hence not at the quit itself.
   */
  stampAtExit(): void;
  /**
   * On the way out with the library still open (a signal, the terminal gone): when the
   * remembered frame still shows the library, keep this launch's stamp with it. Reading the
   * files drops this process's SQLite locks, so nothing may use the library after this.
   */
  stampAtAbruptExit(): void;
}

/**
 * Everything the first frame depends on, as one string kept whole beside the frame (a few
 * KB): comparing it costs less than loading a hash function, which would bring OpenSSL
 * into the launch.
 */
function fingerprintOf(library: SqliteLibrary, columns: number, rows: number, settings: Settings, restored: RestoredView): string {
  const env = frameEnv(process.env, STYLE_ENV);
  // The view the reader opens in (src/ui/restore-view.ts) and every row of it that can be
  // on screen, with its marks; the article's id is a hash of its text. What is kept is
  // the view as shown, not as saved: quitting saves the view, and a saved view that puts
  // the reader where it was draws the same frame.
  const shown = {
    sort: restored.sort ?? settings.sort,
    unreadOnly: restored.unreadOnly ?? false,
    starredOnly: restored.starredOnly ?? false,
    selected: restored.selected ?? 0,
    top: restored.top ?? 0,
    source: null,
  };
  // What the config file changes on screen: the styles, the sort, the keys in the hints.
  const look = { theme: settings.theme, colors: settings.colors, sort: settings.sort, keys: settings.keys.bindings };
  const view = libraryView({ ...shown, readSince: restored.readSince ?? 0 });
  const top = library.page(view, shown.top, rows).map((row) => [row.key, row.id, row.headline, row.date, row.section, row.read, row.starred]);
  const unread = library.count(unreadView(shown));
  return JSON.stringify({ version: 4, build: buildStamp(), columns, rows, env, look, notice: library.notice, count: restored.count, unread, shown, top });
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

/**
 * Open the library and, when a remembered first frame fits it and this terminal, draw it
 * (unless cli.ts drew it already: `early`). `launch` and `stampable` (the config had no
 * error to say) let the frame be kept with this launch's stamp, for the next launch to draw
 * it before loading anything else. Null when the library cannot be opened here: the
 * reader then opens it and says why.
 */
export async function showFirstScreen(
  paths: string[],
  options: { db?: string | undefined; settings?: Settings; launch?: Launch; early?: EarlyFrame | null; stampable?: boolean } = {},
): Promise<FirstScreen | null> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const early = options.early ?? null;
  const { stdin, stdout } = process;
  if (!stdin.isTTY || !stdout.isTTY) return null;
  const { columns, rows: height } = terminalSize(stdout);
  const { launch } = options;
  const stampable = launch !== undefined && options.stampable === true;
  let library: SqliteLibrary;
  try {
    await assertSomePathExists(paths);
    library = openLibrary({ paths, ...(options.db === undefined ? {} : { db: options.db }) });
  } catch {
    return null;
  }
  const file = rememberedFile(library.file);
  const restored = restoredView(library, library.memory, settings.sort);
  const fingerprint = fingerprintOf(library, columns, height, settings, restored);
  const remembered = readRemembered(file, height);
  const matched = remembered !== null && remembered.fingerprint === fingerprint ? remembered : null;
  const screen = early?.screen ?? new Screen(1, { mouse: settings.mouse });
  // An early frame stays what is on screen even if it turned out stale: Ink's first frame
  // then puts right the rows that differ.
  let rows: readonly string[] | null = early?.rows ?? null;
  // Keys typed from now on wait for the reader instead of echoing over the screen, whether
  // or not a remembered frame is drawn.
  stdin.setRawMode(true);
  if (early === null && matched !== null) {
    screen.enter();
    stdout.write(BEGIN_SYNC + frameUpdate(null, matched.rows, height) + END_SYNC);
    rows = matched.rows;
  }
  const remember = (frame: readonly string[]): void => {
    if (matched !== null && sameRows(frame, matched.rows)) return;
    writeRemembered(file, { fingerprint, rows: [...frame], launch: null });
  };
  const fingerprintNow = (size: { columns: number; rows: number }): string =>
    fingerprintOf(library, size.columns, size.rows, settings, restoredView(library, library.memory, settings.sort));
  /** Keep `frame` with the stamp of the library's files as they are now (see launch-stamp.ts for when that may be read). */
  const stamped = (frame: { fingerprint: string; rows: string[] }, size: { columns: number; rows: number }): void => {
    if (!stampable) return;
    writeRemembered(file, { ...frame, launch: { stamp: launchStamp(launch, size), mouse: settings.mouse } });
  };
  let atQuit: { fingerprint: string; rows: string[] } | null = null;
  const rememberAtQuit = (frame: readonly string[]): void => {
    const size = terminalSize(stdout);
    if (frame.length !== size.rows) return;
    // The view just saved, as the next launch will restore it.
    atQuit = { fingerprint: fingerprintNow(size), rows: [...frame] };
    writeRemembered(file, { ...atQuit, launch: null });
  };
  const stampAtExit = (): void => {
    if (atQuit !== null) stamped(atQuit, terminalSize(stdout));
  };
  const stampAtAbruptExit = (): void => {
    if (!library.db.open) return;
    const size = terminalSize(stdout);
    const kept = readRemembered(file, size.rows);
    try {
      // Only a frame that still shows the library as it is now.
      if (kept !== null && kept.fingerprint === fingerprintNow(size)) stamped(kept, size);
    } catch {
      // The library went with the process (SQLITE_BUSY, a file removed): no stamp, and the exit goes on.
    }
  };
  return { library, screen, rows, restored, remember, rememberAtQuit, stampAtExit, stampAtAbruptExit };
}
