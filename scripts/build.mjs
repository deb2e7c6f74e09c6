// Bundles the CLI into a few files: loading one bundled file is several times faster than
// loading hundreds of modules (see GUIDE.md), and start-up time is what users feel.
import { build } from 'esbuild';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readerOptions, requireBanner, sqliteOptions } from './bundle-options.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'newsreader.js');
// Everything the entry loads after its first frame, ESM as the package is.
const lib = path.join(root, 'dist', 'lib');

// Chunk names carry a content hash: start empty so no stale chunk is left to ship.
await rm(path.dirname(outfile), { recursive: true, force: true });
await mkdir(lib, { recursive: true });
// The entry is CommonJS: Node 20 starts its ESM loader for an ESM entry, and a remembered
// first frame was written 5.3 ms later for it (12 launches each on 2,000 articles, tmux
// 120x40, the frame's write timed in the process: 55.8 against 50.4 ms after the start).
// A package.json beside each says which is which, for `node dist/newsreader.js` too.
await writeFile(path.join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');
await writeFile(path.join(lib, 'package.json'), '{ "type": "module" }\n');

// The entry in one file of its own: it draws a remembered first frame before anything else
// loads (src/commands/early-frame.ts), and one file loads 2.5 ms sooner than the eight
// chunks it would share with the rest. What it shares (7 KB) is bundled again below; the
// two modules it loads next, after the frame, are the files built below. Its one use of
// import.meta.url (finding the package's own files) is given the entry's URL.
const LATER = { './commands/main.js': './lib/main.js', './commands/reader-heap.js': './lib/reader-heap.js' };
const reader = readerOptions(root);
await build({
  ...reader,
  entryPoints: { newsreader: path.join(root, 'src', 'cli.ts') },
  outdir: path.dirname(outfile),
  format: 'cjs',
  define: { ...reader.define, 'import.meta.url': '__entryUrl' },
  plugins: [
    ...reader.plugins,
    {
      name: 'later-modules',
      setup(builder) {
        builder.onResolve({ filter: /^\.\/commands\/(main|reader-heap)\.js$/ }, (args) => ({ path: LATER[args.path], external: true }));
      },
    },
  ],
  banner: { js: ['#!/usr/bin/env node', "'use strict';", "const __entryUrl = require('node:url').pathToFileURL(__filename).href;"].join('\n') },
});
// Code behind a dynamic import (the reader: Ink, React) goes to chunks of its own, loaded
// only when needed, so --help, --version and listing do not evaluate it. Chunks sit
// in dist/lib/ with the workers, so import.meta.url finds the workers from any of them.
await build({
  ...reader,
  entryPoints: { main: path.join(root, 'src', 'commands', 'main.ts'), 'reader-heap': path.join(root, 'src', 'commands', 'reader-heap.ts') },
  outdir: lib,
  splitting: true,
  chunkNames: '[name]-[hash]',
  banner: { js: requireBanner },
});
await chmod(outfile, 0o755);

// The workers are bundles of their own in dist/lib/, found via import.meta.url: whole,
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
  outdir: lib,
  ...sqliteOptions(root),
  bundle: true,
  minify: true,
  legalComments: 'external',
  banner: { js: requireBanner },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
