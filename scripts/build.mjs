// Bundles the CLI into one file: loading one ESM file is several times faster than
// loading hundreds of modules (see GUIDE.md), and start-up time is what users feel.
import { build } from 'esbuild';
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readerOptions, requireBanner, sqliteOptions } from './bundle-options.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist', 'newsreader.js');

// Chunk names carry a content hash: start empty so no stale chunk is left to ship.
await rm(path.dirname(outfile), { recursive: true, force: true });
await mkdir(path.dirname(outfile), { recursive: true });

// The entry in one file of its own: it draws a remembered first frame before anything else
// loads (src/commands/early-frame.ts), and one file loads 2.5 ms sooner than the eight
// chunks it would share with the rest. What it shares (7 KB) is bundled again below; the
// two modules it loads next, after the frame, are the files built below.
const LATER = { './commands/main.js': './main.js', './commands/reader-heap.js': './reader-heap.js' };
const reader = readerOptions(root);
await build({
  ...reader,
  entryPoints: { newsreader: path.join(root, 'src', 'cli.ts') },
  outdir: path.dirname(outfile),
  plugins: [
    ...reader.plugins,
    {
      name: 'later-modules',
      setup(builder) {
        builder.onResolve({ filter: /^\.\/commands\/(main|reader-heap)\.js$/ }, (args) => ({ path: LATER[args.path], external: true }));
      },
    },
  ],
  banner: { js: ['#!/usr/bin/env node', requireBanner].join('\n') },
});
// Code behind a dynamic import (the reader: Ink, React) goes to chunks of its own, loaded
// only when needed, so --help, --version and listing do not evaluate it. Chunks sit
// beside the entry, so import.meta.url finds the workers from any of them.
await build({
  ...reader,
  entryPoints: { main: path.join(root, 'src', 'commands', 'main.ts'), 'reader-heap': path.join(root, 'src', 'commands', 'reader-heap.ts') },
  outdir: path.dirname(outfile),
  splitting: true,
  chunkNames: '[name]-[hash]',
  banner: { js: requireBanner },
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
