/**
 * `newsreader index [PATH...]`: build or refresh the library database without opening the
 * reader. On a terminal, stderr shows a progress bar (files done / total, rate, ETA);
 * otherwise one summary line at the end, so logs and cron mails stay short.
 */
import { statSync } from 'node:fs';
import { MissingPathError } from '../library/find.js';
import { StoreError } from '../library/store/open.js';
import type { RefreshProgress, RefreshSummary } from '../library/store/refresh.js';
import { openLibrary } from '../library/store/sqlite-library.js';
import { PROGRAM, printError, printWarnings } from './output.js';

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
const BAR_WIDTH = 24;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

/** One line of the progress bar: `[#####-----] 1234/2225  55%  5,120 files/s  ETA 00:01`. */
export function progressLine(progress: RefreshProgress, elapsedSeconds: number): string {
  if (progress.phase === 'walking') return 'finding files…';
  const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = elapsedSeconds > 0 ? progress.done / elapsedSeconds : 0;
  const eta = rate > 0 ? (progress.total - progress.done) / rate : Number.NaN;
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${progress.done}/${progress.total} ` +
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
    `indexed ${summary.total} files in ${seconds.toFixed(2)} s (${rate.toLocaleString('en-US')} files/s): ` +
    `${summary.added} added, ${summary.updated} changed, ${summary.removed} removed, ${summary.unchanged} unchanged; ` +
    `${file} (${formatSize(sizeBytes)})`
  );
}

export async function indexCommand(paths: string[], options: IndexOptions = {}): Promise<number> {
  const stream = options.stream ?? process.stderr;
  let library;
  try {
    library = openLibrary({ paths, db: options.db });
  } catch (error) {
    if (error instanceof StoreError) {
      printError(error.message);
      return 1;
    }
    throw error;
  }
  if (library.notice !== null) printError(library.notice);
  const tty = stream.isTTY === true;
  const started = performance.now();
  const refresh = library.refresh({ sliceMs: INDEX_SLICE_MS, buildIndexesLast: true });
  let lastDraw = 0;
  if (tty) {
    refresh.onProgress((progress) => {
      const now = performance.now();
      // Redraw at most ten times a second: the bar is for people, not a log.
      if (now - lastDraw < 100 && progress.phase !== 'done') return;
      lastDraw = now;
      stream.write(`\r\x1b[2K${PROGRAM}: ${progressLine(progress, (now - started) / 1000)}`);
    });
  }
  try {
    const summary = await refresh.done;
    if (tty) stream.write('\r\x1b[2K');
    printWarnings(summary.warnings);
    stream.write(`${PROGRAM}: ${summaryLine(summary, library.file, databaseSize(library.file))}\n`);
    return 0;
  } catch (error) {
    if (tty) stream.write('\r\x1b[2K');
    if (error instanceof MissingPathError) {
      printError(error.message);
      return 2;
    }
    if (error instanceof StoreError) {
      printError(error.message);
      return 1;
    }
    throw error;
  } finally {
    library.close();
  }
}
