/** Where the installed package's own files are: its bundled seeds and its version. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root is the nearest folder above this module holding our package.json:
 * `dist/` when bundled, `src/` when run from source in tests.
 */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'seeds'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('newsreader: cannot find its own package folder');
    dir = parent;
  }
}

export function bundledSeedsPath(): string {
  return path.join(packageRoot(), 'seeds');
}

export function packageVersion(): string {
  const json = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return json.version ?? 'unknown';
}
