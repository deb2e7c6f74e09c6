/** Builds dist/newsreader.js once before the end-to-end tests drive it. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './shared-dir.js';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
