// Bundles the CLI into one file: loading one ESM file is several times faster than
// loading hundreds of modules (see GUIDE.md), and start-up time is what users feel.
import { build } from 'esbuild';
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inkReplacements } from './ink-replacements.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'newsreader.js');
const stub = path.join(root, 'scripts', 'stub-devtools.js');
const noRestoreCursor = path.join(root, 'scripts', 'stub-restore-cursor.js');
const exitOnly = path.join(root, 'scripts', 'stub-signal-exit.js');
const ttySize = path.join(root, 'scripts', 'stub-terminal-size.js');
const addonLookup = path.join(root, 'scripts', 'stub-bindings.cjs');

// Chunk names carry a content hash: start empty so no stale chunk is left to ship.
await rm(path.dirname(outfile), { recursive: true, force: true });
await mkdir(path.dirname(outfile), { recursive: true });

// CommonJS dependencies bundled into ESM still call require() and use __dirname.
const requireBanner = ["import { createRequire as __createRequire } from 'node:module';", 'const require = __createRequire(import.meta.url);'].join('\n');

await build({
  entryPoints: { newsreader: path.join(root, 'src', 'cli.ts') },
  outdir: path.dirname(outfile),
  bundle: true,
  // Code behind a dynamic import (the reader: Ink, React) goes to chunks of its own, loaded
  // only when needed, so --help, --version and listing do not evaluate it. Chunks sit
  // beside the entry, so import.meta.url finds the workers from any of them.
  splitting: true,
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // better-sqlite3's JavaScript is bundled: required from node_modules it was a dozen
  // CommonJS modules and the `bindings` lookup, 6 ms of every launch, and enough path
  // work that V8 optimised Node's path code before the reader's flags were set (see
  // commands/reader-heap.ts), which kept 3.6 MiB of its optimising compiler resident.
  // Its native addon stays outside, loaded by scripts/stub-bindings.cjs.
  external: ['better-sqlite3/build/Release/*'],
  alias: { bindings: addonLookup, 'react-devtools-core': stub, 'restore-cursor': noRestoreCursor, 'signal-exit': exitOnly, 'terminal-size': ttySize },
  plugins: [inkReplacements(root)],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Minified, the reader's code is 330 KB instead of 850 KB: less to read and compile at
  // every launch, and 3 MiB less resident (2,000 articles, tmux 120x40).
  minify: true,
  // Licence comments go to *.LEGAL.txt beside the bundle: kept, and out of the source V8 holds.
  legalComments: 'external',
  banner: { js: ['#!/usr/bin/env node', requireBanner].join('\n') },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);

// The workers are bundles of their own beside the CLI, found via import.meta.url: whole,
// so a worker loads one module, and the CLI's chunks are cut for the CLI alone.
await build({
  entryPoints: {
    // The refresh's parse workers (see parse-pool.ts).
    'parse-worker': path.join(root, 'src', 'library', 'store', 'parse-worker.ts'),
    'search-worker': path.join(root, 'src', 'search', 'search-worker.ts'),
    // The refresh's walk and check against the store (see check-thread.ts).
    'check-worker': path.join(root, 'src', 'library', 'store', 'check-worker.ts'),
    // Subscribed feeds fetched from the reader, off its thread (see fetch-thread.ts).
    'fetch-worker': path.join(root, 'src', 'library', 'subscriptions', 'fetch-worker.ts'),
  },
  outdir: path.join(root, 'dist'),
  external: ['better-sqlite3/build/Release/*'],
  alias: { bindings: addonLookup },
  bundle: true,
  minify: true,
  legalComments: 'external',
  banner: { js: requireBanner },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
