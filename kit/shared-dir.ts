/**
 * Where tests and benchmarks find the read-only shared folder (the corpora and the
 * reference seed): the folder named by NEWSREADER_SHARED, else `shared` beside the
 * repository. When it is absent, tests that read a corpus are skipped
 * (`describe.skipIf(!hasShared)`), and the reason is printed once per process.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function findSharedDir(): string | null {
  const named = process.env.NEWSREADER_SHARED;
  const candidate = named !== undefined && named !== '' ? path.resolve(named) : path.resolve(repoRoot, '..', 'shared');
  return existsSync(path.join(candidate, 'corpora')) ? candidate : null;
}

const found = findSharedDir();

/** True when the shared corpora are here; tests that read them are skipped otherwise. */
export const hasShared = found !== null;

/** Why corpus tests are skipped, for the one line printed when they are. */
export const missingSharedReason =
  'the shared corpora were not found beside the repository (../shared) or in NEWSREADER_SHARED: corpus tests are skipped';

if (!hasShared) process.stderr.write(`note: ${missingSharedReason}\n`);

/** The shared folder; a path that does not exist when it is absent (tests using it are skipped). */
export const sharedDir = found ?? path.resolve(repoRoot, '..', 'shared');
export const bbcDir = path.join(sharedDir, 'corpora', 'bbc');
export const seedFile = path.join(repoRoot, 'seeds', '000_f7bcbbc1a212b420.txt');
export const seedsDir = path.join(repoRoot, 'seeds');
