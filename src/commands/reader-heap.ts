/**
 * V8 settings for the interactive reader: a process that stays open for hours and does a
 * few milliseconds of work a key. Measured on 2,000 articles in tmux 120x40, the reader
 * started through a wrapper that sets each flag, three runs each, Down pressed 15 times:
 * - No optimising compiler (`--no-turbofan`): key to screen 16-20 ms with it or without,
 *   while its code and what it compiles stay resident: 8 MiB.
 * - A young generation that stays at its first size (`--semi-space-growth-factor=1`): the
 *   launch's garbage grew it to 8 MiB, 2 of them in use, and V8 gives it back only after
 *   seconds idle; 4.5 MiB.
 * V8 reads both flags whenever it decides, so set at run time they hold from here on, in
 * every thread. A big indexing job wants both back: a first launch on 100,000 articles
 * indexed in 53.5 s with them, 43.0 s without (tmux 120x40, until the status bar said
 * 100000 unread); `fullHeapForIndexing` restores V8's defaults when one starts.
 */
import { setFlagsFromString } from 'node:v8';

/** The flags, also given to the programs the reader's speed is measured against (bench/floors). */
export const READER_HEAP_FLAGS = ['--no-turbofan', '--semi-space-growth-factor=1'] as const;

export function leanReaderHeap(): void {
  for (const flag of READER_HEAP_FLAGS) setFlagsFromString(flag);
}

/** V8's defaults again, for the rest of the process: a big indexing job (parse workers) runs. */
export function fullHeapForIndexing(): void {
  setFlagsFromString('--turbofan');
  setFlagsFromString('--semi-space-growth-factor=2');
}
