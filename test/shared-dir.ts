/** The read-only shared folder beside the repository: corpora and the reference seed. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function findSharedDir(): string {
  const beside = path.resolve(repoRoot, '..', 'shared');
  if (existsSync(path.join(beside, 'FORMAT.md'))) return beside;
  // A git worktree elsewhere on the machine still finds the workplace's copy.
  return '/work/shared';
}

export const sharedDir = findSharedDir();
export const bbcDir = path.join(sharedDir, 'corpora', 'bbc');
export const seedFile = path.join(repoRoot, 'seeds', '000_f7bcbbc1a212b420.txt');
export const seedsDir = path.join(repoRoot, 'seeds');
