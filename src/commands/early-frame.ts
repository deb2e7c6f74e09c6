/**
 * The first frame at the very start of a launch. Loading the program's modules, reading
 * the config and opening the library take a third of a launch before the remembered first
 * frame (first-screen.ts) can be checked against the library. A launch whose stamp
 * (launch-stamp.ts: arguments, terminal, config, build and the library's files) is the one
 * kept with that frame finds everything as it was when the frame was checked, so it draws
 * the frame before loading anything else. The full check still follows: should the frame
 * somehow be stale, Ink's first frame puts right the rows that differ.
 *
 * This module must not import Ink, React or SQLite: it runs before they load.
 */
import { isatty } from 'node:tty';
import { BEGIN_SYNC, END_SYNC, frameUpdate } from '../terminal/frame-writer.js';
import { Screen, terminalSize } from '../terminal/screen.js';
import { launchStamp, type Launch } from './launch-stamp.js';
import { readRemembered, rememberedFile } from './remembered-frame.js';

/** What the reader takes over from an early frame. */
export interface EarlyFrame {
  /** The alternate screen, entered. */
  screen: Screen;
  /** The rows on screen. */
  rows: readonly string[];
}

/** Options that print instead of opening the reader: no frame to draw for them. */
const NOT_THE_READER = /^(-h|-v|--help|--version|--json)$/;

/** Draw the remembered frame when this launch is stamped as the one that checked it; null otherwise. */
export function drawEarlyFrame(launch: Launch): EarlyFrame | null {
  if (!isatty(0) || !isatty(1) || process.env.TERM === 'dumb' || launch.argv.some((arg) => NOT_THE_READER.test(arg))) return null;
  const { stdin, stdout } = process;
  const size = terminalSize(stdout);
  const remembered = readRemembered(rememberedFile(launch.files.db), size.rows);
  if (remembered?.launch == null || remembered.launch.stamp !== launchStamp(launch, size)) return null;
  // Keys typed from now on wait for the reader instead of echoing over the screen.
  stdin.setRawMode(true);
  const screen = new Screen(1, { mouse: remembered.launch.mouse });
  screen.enter();
  stdout.write(BEGIN_SYNC + frameUpdate(null, remembered.rows, size.rows) + END_SYNC);
  return { screen, rows: remembered.rows };
}
