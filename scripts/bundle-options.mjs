// How the reader's code is bundled (scripts/build.mjs), shared with what must be bundled
// the same way to be measured beside it (bench/floors.bench.ts).
import path from 'node:path';
import { inkReplacements } from './ink-replacements.mjs';

// CommonJS dependencies bundled into ESM still call require() and use __dirname.
export const requireBanner = ["import { createRequire as __createRequire } from 'node:module';", 'const require = __createRequire(import.meta.url);'].join('\n');

/**
 * better-sqlite3's JavaScript is bundled: required from node_modules it was a dozen
 * CommonJS modules and the `bindings` lookup, 6 ms of every launch, and enough path work
 * that V8 optimised Node's path code before the reader's flags were set (see
 * commands/reader-heap.ts), which kept 3.6 MiB of its optimising compiler resident. Its
 * native addon stays outside, loaded by scripts/stub-bindings.cjs.
 * @param {string} root the repository
 */
export function sqliteOptions(root) {
  return {
    external: ['better-sqlite3/build/Release/*'],
    alias: { bindings: path.join(root, 'scripts', 'stub-bindings.cjs') },
  };
}

/**
 * The reader's options: ESM for Node 20, minified, with the stand-ins for modules it does
 * not need whole and the Ink replacements.
 * @param {string} root the repository
 */
export function readerOptions(root) {
  const sqlite = sqliteOptions(root);
  const stub = (name) => path.join(root, 'scripts', name);
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: sqlite.external,
    alias: {
      ...sqlite.alias,
      'react-devtools-core': stub('stub-devtools.js'),
      'restore-cursor': stub('stub-restore-cursor.js'),
      'signal-exit': stub('stub-signal-exit.js'),
      'terminal-size': stub('stub-terminal-size.js'),
    },
    plugins: [inkReplacements(root)],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Minified, the reader's code is 330 KB instead of 850 KB: less to read and compile at
    // every launch, and 3 MiB less resident (2,000 articles, tmux 120x40).
    minify: true,
    // Licence comments go to *.LEGAL.txt beside the bundle: kept, and out of the source V8 holds.
    legalComments: 'external',
    logLevel: 'warning',
  };
}
