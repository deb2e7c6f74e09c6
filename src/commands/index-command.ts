/**
 * `newsreader index [PATH...]`: build or refresh the library database without opening the
 * reader. On a terminal, stderr shows a progress bar (files done / total, rate, ETA);
 * otherwise one summary line at the end, so logs and cron mails stay short.
 */
import { statSync } from 'node:fs';
import { UnreadablePathsError, assertSomePathExists } from '../library/find.js';
import { StoreError } from '../library/store/open.js';
import type { RefreshProgress, RefreshSummary } from '../library/store/refresh.js';
import { openLibrary } from '../library/store/sqlite-library.js';
import { bundledSeedsPath } from '../library/package-files.js';
import { sanitize } from '../terminal/sanitize.js';
import { EXIT_ERROR, PROGRAM, commandArgs, printError, printWarnings, type GlobalOptions } from './output.js';
import { plural } from '../terminal/plural.js';
import { bar, StatusLine } from './progress.js';

export const INDEX_USAGE = `Usage: ${PROGRAM} index [--db FILE] [PATH...]

Build or refresh the library database from each PATH (default: the bundled articles):
only files that changed are read again, articles whose files are gone are dropped.

Options:
  --db FILE     the library database (default: NEWSREADER_DB, else the data folder)
  -h, --help    show this help
`;

export interface IndexOptions {
  db?: string | undefined;
  /** Where progress and the summary go; stderr by default. */
  stream?: NodeJS.WriteStream;
}

/**
 * Slices for the non-interactive index: nobody is waiting on key presses, so favour
 * throughput (bigger transactions mean fewer FTS5 segments to merge).
 */
const INDEX_SLICE_MS = 2000;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/**
 * A size as `ls -lh` prints it, so the two can be compared at a glance: powers of 1024,
 * one decimal below 10 and rounded up (4706304 -> 4.5M), bytes with no unit.
 */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return String(bytes);
  if (value < 10) {
    const tenths = Math.ceil(value * 10) / 10;
    if (tenths < 10) return `${tenths.toFixed(1)}${units[unit]}`;
  }
  const whole = Math.ceil(value);
  return whole >= 1024 && unit < units.length - 1 ? `1.0${units[unit + 1]}` : `${whole}${units[unit]}`;
}


/** One line of the progress bar: `[#####-----] 1234/2225  55%  5,120 files/s  ETA 00:01`. */
export function progressLine(progress: RefreshProgress, elapsedSeconds: number): string {
  if (progress.phase === 'walking') return 'finding files…';
  const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
  const rate = elapsedSeconds > 0 ? progress.done / elapsedSeconds : 0;
  const eta = rate > 0 ? (progress.total - progress.done) / rate : Number.NaN;
  return (
    `${bar(fraction)} ${progress.done}/${progress.total} ` +
    `${Math.floor(fraction * 100)}%  ${Math.round(rate).toLocaleString('en-US')} files/s  ETA ${formatDuration(eta)}`
  );
}

function databaseSize(file: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // no WAL file after a clean close
    }
  }
  return total;
}

/** The line printed when indexing ends, on a terminal or not. */
export function summaryLine(summary: RefreshSummary, file: string, sizeBytes: number): string {
  const seconds = summary.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.total / seconds) : summary.total;
  return (
    `indexed ${plural(summary.total, 'file', 'files')} in ${seconds.toFixed(2)} s (${rate.toLocaleString('en-US')} files/s): ` +
    `${summary.added} added, ${summary.updated} changed, ${summary.removed} removed, ${summary.unchanged} unchanged; ` +
    `${file} (${formatSize(sizeBytes)})`
  );
}

/** `newsreader [--db F] index [--db F] [PATH...]`: the arguments after `index`. */
export async function indexMain(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  if (globals.json === true) {
    printError('index: --json applies to the listing and search, not to index (see index --help)');
    return EXIT_ERROR;
  }
  const parsed = commandArgs(argv, 'index', INDEX_USAGE);
  if (typeof parsed === 'number') return parsed;
  const paths = parsed.positionals.length > 0 ? parsed.positionals : [bundledSeedsPath()];
  return indexCommand(paths, { db: parsed.values.db ?? globals.db });
}

export async function indexCommand(paths: string[], options: IndexOptions = {}): Promise<number> {
  const stream = options.stream ?? process.stderr;
  let library;
  try {
    await assertSomePathExists(paths);
    library = openLibrary({ paths, db: options.db });
  } catch (error) {
    if (error instanceof StoreError || error instanceof UnreadablePathsError) {
      printError(error.message);
      return EXIT_ERROR;
    }
    throw error;
  }
  if (library.notice !== null) printError(library.notice);
  const status = new StatusLine(stream);
  const started = performance.now();
  const refresh = library.refresh({ sliceMs: INDEX_SLICE_MS, buildIndexesLast: true });
  refresh.onProgress((progress) => {
    status.draw(() => progressLine(progress, (performance.now() - started) / 1000), progress.phase === 'done');
  });
  let summary: RefreshSummary;
  try {
    summary = await refresh.done;
  } catch (error) {
    status.clear();
    library.close();
    if (error instanceof UnreadablePathsError || error instanceof StoreError) {
      printError(error.message);
      return EXIT_ERROR;
    }
    throw error;
  }
  status.clear();
  // Closing checkpoints the write-ahead log into the database file, so the size printed
  // is the one `ls -lh` shows afterwards.
  library.close();
  printWarnings(summary.warnings);
  // The database path is the user's text: sanitised like every path printed.
  stream.write(`${PROGRAM}: ${sanitize(summaryLine(summary, library.file, databaseSize(library.file)))}\n`);
  return 0;
}
