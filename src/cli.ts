/**
 * `newsreader`. A launch of the reader that finds everything as a launch before it left it
 * draws that launch's first frame at once (commands/early-frame.ts); only then does the rest
 * of the program load, and commands/main.ts parse the arguments and dispatch.
 */
import { drawEarlyFrame } from './commands/early-frame.js';
import { launchOf } from './commands/launch-stamp.js';

const launch = launchOf(process.argv.slice(2));
const early = drawEarlyFrame(launch);
// The reader's heap before the rest of it loads, as main.ts sets it when nothing was drawn:
// set any later, the loading grows the heap for good (4 MiB more, resident). The entry is
// built as CommonJS (scripts/build.mjs), which has no top-level await.
void (async () => {
  if (early !== null) (await import('./commands/reader-heap.js')).leanReaderHeap();
  const { run } = await import('./commands/main.js');
  run(launch, early);
})();
