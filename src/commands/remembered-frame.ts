/**
 * The remembered first frame, kept beside the library database (as SQLite keeps its -wal
 * file): the rows Ink drew, the fingerprint of the library and terminal they show (see
 * first-screen.ts) and, when one was taken, the stamp of the launch that may draw them
 * before anything else is loaded (see early-frame.ts).
 *
 * This module must not import Ink, React or SQLite: it runs before they load.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface LaunchRecord {
  /** launchStamp() of the files and inputs the frame was checked against. */
  stamp: string;
  /** Whether the reader reports the mouse (the config's `mouse`), as its screen is entered. */
  mouse: boolean;
}

export interface RememberedFrame {
  fingerprint: string;
  rows: string[];
  launch: LaunchRecord | null;
}

/** The file a library's frame is kept in. */
export function rememberedFile(db: string): string {
  return `${db}-screen`;
}

// eslint-disable-next-line no-control-regex -- SGR (colour and style) escapes
const SGR = /\u001b\[[0-9;]*m/g;
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A row as Ink draws one: text and SGR styles, nothing that could move the cursor or talk to the terminal. */
function drawable(row: unknown): row is string {
  return typeof row === 'string' && !CONTROL.test(row.replace(SGR, ''));
}

function launchRecord(value: unknown): LaunchRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { stamp, mouse } = value as Partial<LaunchRecord>;
  return typeof stamp === 'string' && typeof mouse === 'boolean' ? { stamp, mouse } : null;
}

/** The frame remembered in `file` for a terminal `height` rows tall, or null when there is none that may be drawn. */
export function readRemembered(file: string, height: number): RememberedFrame | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof RememberedFrame, unknown>>;
    if (typeof parsed.fingerprint !== 'string' || !Array.isArray(parsed.rows)) return null;
    // The file is ours, but it goes to the terminal: anything but plain styled rows is refused.
    if (parsed.rows.length > height || !parsed.rows.every(drawable)) return null;
    return { fingerprint: parsed.fingerprint, rows: parsed.rows, launch: launchRecord(parsed.launch) };
  } catch {
    return null;
  }
}

export function writeRemembered(file: string, frame: RememberedFrame): void {
  try {
    // Written whole, then renamed: a reader starting meanwhile never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify(frame));
    renameSync(`${file}.tmp`, file);
  } catch {
    // A read-only folder: launches simply start without a remembered frame.
  }
}
