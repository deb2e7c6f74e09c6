/** Where the shared corpora live: `../shared` next to the repository, else `/work/shared`. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function findSharedDir(): string {
  const sibling = path.resolve(repoRoot, '..', 'shared');
  return existsSync(sibling) ? sibling : '/work/shared';
}

export const sharedDir = findSharedDir();
export const bbcDir = path.join(sharedDir, 'corpora', 'bbc');
export const seedsDir = path.join(repoRoot, 'seeds');
