/**
 * Where the shared corpora are: `../shared` beside the repository, or `/work/shared` when
 * the repository is a worktree somewhere else. Null when neither exists.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function findSharedDir(): string | null {
  for (const candidate of [path.resolve(repoRoot, '..', 'shared'), '/work/shared']) {
    if (existsSync(path.join(candidate, 'corpora'))) return candidate;
  }
  return null;
}

export const sharedDir: string | null = findSharedDir();

/** The BBC corpus folder, or null when the shared corpora are not present. */
export const bbcCorpus: string | null = sharedDir === null ? null : path.join(sharedDir, 'corpora', 'bbc');
