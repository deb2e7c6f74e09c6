/**
 * The first screen before Ink and React have loaded. Loading them and rendering the first
 * frame is most of a launch, while the library is open in a few milliseconds. So the
 * reader remembers the first frame Ink drew, beside the library database (as SQLite keeps
 * its -wal file), with a fingerprint of everything that frame depends on: the build, the
 * terminal's size and colour settings, and the rows and article at the top of the list.
 * A launch that finds the same fingerprint draws that frame at once; Ink's own first frame
 * then changes only rows that differ (the FrameWriter starts from the remembered rows), so
 * nothing flashes or moves. Any other launch starts as before and remembers its frame.
 *
 * This module must not import Ink or React: it runs before they load.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { assertSomePathExists } from '../library/find.js';
import { openLibrary, type SqliteLibrary } from '../library/store/sqlite-library.js';
import { BEGIN_SYNC, END_SYNC, frameUpdate } from '../terminal/frame-writer.js';
import { Screen } from '../terminal/screen.js';
import { DEFAULT_SETTINGS, type Settings } from '../config/settings.js';
import { libraryView, unreadView } from '../state/view.js';
import { restoredView, type RestoredView } from '../ui/restore-view.js';

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
}

/** Environment that changes how Ink styles a frame (chalk's colour level reads these). */
const STYLE_ENV = /^(TERM|COLORTERM|TERM_PROGRAM|NO_COLOR|FORCE_COLOR|CI|CONTINUOUS_INTEGRATION)$/;

interface Remembered {
  fingerprint: string;
  rows: string[];
}

/**
 * Everything the first frame depends on, as one string kept whole beside the frame (a few
 * KB): comparing it costs less than loading a hash function, which would bring OpenSSL
 * into the launch.
 */
function fingerprintOf(library: SqliteLibrary, columns: number, rows: number, settings: Settings, restored: RestoredView): string {
  let build = '';
  try {
    const entry = statSync(process.argv[1] ?? '');
    build = `${entry.size}:${entry.mtimeMs}`;
  } catch {
    // Run some other way (tests from source): the rest still tells frames apart.
  }
  const env = Object.entries(process.env)
    .filter(([name]) => STYLE_ENV.test(name))
    // Code-unit order: the names are ASCII, and a locale's collation would load ICU's tables (2 MiB).
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
  return JSON.stringify({ version: 4, build, columns, rows, env, look, notice: library.notice, count: restored.count, unread, shown, top });
}

// eslint-disable-next-line no-control-regex -- SGR (colour and style) escapes
const SGR = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A row as Ink draws one: text and SGR styles, nothing that could move the cursor or talk to the terminal. */
function drawable(row: unknown): row is string {
  return typeof row === 'string' && !CONTROL.test(row.replace(SGR, ''));
}

function read(file: string, height: number): Remembered | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Remembered>;
    if (typeof parsed.fingerprint !== 'string' || !Array.isArray(parsed.rows)) return null;
    // The file is ours, but it goes to the terminal: anything but plain styled rows is refused.
    if (parsed.rows.length > height || !parsed.rows.every(drawable)) return null;
    return { fingerprint: parsed.fingerprint, rows: parsed.rows };
  } catch {
    return null;
  }
}

/**
 * Open the library and, when a remembered first frame fits it and this terminal, draw it.
 * Null when the library cannot be opened here: the reader then opens it and says why.
 */
export async function showFirstScreen(
  paths: string[],
  options: { db?: string | undefined; settings?: Settings } = {},
): Promise<FirstScreen | null> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const { stdin, stdout } = process;
  if (!stdin.isTTY || !stdout.isTTY) return null;
  let library: SqliteLibrary;
  try {
    await assertSomePathExists(paths);
    library = openLibrary({ paths, ...(options.db === undefined ? {} : { db: options.db }) });
  } catch {
    return null;
  }
  const columns = stdout.columns || 80;
  const height = stdout.rows || 24;
  const file = `${library.file}-screen`;
  const restored = restoredView(library, library.memory, settings.sort);
  const fingerprint = fingerprintOf(library, columns, height, settings, restored);
  const remembered = read(file, height);
  const screen = new Screen(1, { mouse: settings.mouse });
  let rows: readonly string[] | null = null;
  // Keys typed from now on wait for the reader instead of echoing over the screen, whether
  // or not a remembered frame is drawn.
  stdin.setRawMode(true);
  if (remembered !== null && remembered.fingerprint === fingerprint) {
    screen.enter();
    stdout.write(BEGIN_SYNC + frameUpdate(null, remembered.rows, height) + END_SYNC);
    rows = remembered.rows;
  }
  const write = (print: string, frame: readonly string[]): void => {
    try {
      // Written whole, then renamed: a reader starting meanwhile never sees half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify({ fingerprint: print, rows: frame }));
      renameSync(`${file}.tmp`, file);
    } catch {
      // A read-only folder: launches simply start without a remembered frame.
    }
  };
  const remember = (frame: readonly string[]): void => {
    if (rows !== null && frame.length === rows.length && frame.every((row, i) => row === rows?.[i])) return;
    write(fingerprint, frame);
  };
  const rememberAtQuit = (frame: readonly string[]): void => {
    const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
    if (frame.length !== size.rows) return;
    // The view just saved, as the next launch will restore it.
    write(fingerprintOf(library, size.columns, size.rows, settings, restoredView(library, library.memory, settings.sort)), frame);
  };
  return { library, screen, rows, restored, remember, rememberAtQuit };
}
