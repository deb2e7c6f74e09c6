/**
 * How the reader keeps up with a held key, on the BBC corpus in a real pseudo-terminal:
 * time from launch to the first frame, the lag after 300 presses at 30/s (key repeat),
 * and how long a burst of 1,000 presses written at once takes to show its last frame.
 * Run after `npm run build`: `npx tsx bench/reader-keys.ts [PATH]`.
 */
import * as pty from 'node-pty';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'newsreader.js');
const corpus = process.argv[2] ?? path.resolve(root, '..', 'shared', 'corpora', 'bbc');

interface Run {
  output: () => string;
  write: (data: string) => void;
  done: Promise<void>;
}

function launch(): Run {
  const proc = pty.spawn(process.execPath, [cli, corpus], { name: 'xterm-256color', cols: 120, rows: 40, env: process.env });
  let output = '';
  proc.onData((data) => {
    output += data;
  });
  const done = new Promise<void>((resolve) => proc.onExit(() => resolve()));
  return { output: () => output, write: (data) => proc.write(data), done };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 2));
}

async function heldKey(): Promise<{ firstFrameMs: number; lagMs: number }> {
  const run = launch();
  const start = performance.now();
  await until(() => / 1\/\d+ /.test(run.output()));
  const firstFrameMs = performance.now() - start;
  for (let i = 0; i < 300; i++) {
    run.write('j');
    await new Promise((resolve) => setTimeout(resolve, 33));
  }
  const sent = performance.now();
  await until(() => run.output().includes(' 301/'));
  const lagMs = performance.now() - sent;
  run.write('q');
  await run.done;
  return { firstFrameMs, lagMs };
}

async function burst(): Promise<number> {
  const run = launch();
  await until(() => / 1\/\d+ /.test(run.output()));
  const start = performance.now();
  for (let i = 0; i < 1000; i++) run.write('j');
  await until(() => run.output().includes(' 1001/'));
  const ms = performance.now() - start;
  run.write('q');
  await run.done;
  return ms;
}

const held = await heldKey();
const burstMs = await burst();
console.table({
  'launch to first frame (ms)': Math.round(held.firstFrameMs),
  'lag after 300 presses at 30/s (ms)': Math.round(held.lagMs),
  '1,000 presses at once, to last frame (ms)': Math.round(burstMs),
});
