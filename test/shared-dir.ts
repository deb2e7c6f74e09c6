/** The shared folder (corpora) beside the repository, or the fixed one when run elsewhere. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const beside = path.resolve(repoRoot, '..', 'shared');

export const sharedDir = existsSync(path.join(beside, 'corpora')) ? beside : '/work/shared';
