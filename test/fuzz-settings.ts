/**
 * fast-check settings shared by the property tests. CI runs every property 10,000 times
 * with a fixed seed, so a failure reproduces; `npm run fuzz` sets FUZZ_RUNS to run far
 * longer with a random seed, printed so a failure can be replayed with FUZZ_SEED.
 */
import type { Parameters } from 'fast-check';

const CI_RUNS = 10_000;
const CI_SEED = 20161906;

function envInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
}

const runs = envInteger('FUZZ_RUNS');
const fixedSeed = envInteger('FUZZ_SEED');
/** True under `npm run fuzz`: long runs, so tests lift their timeout. */
export const fuzzing = runs !== undefined;
const seed = fixedSeed ?? (fuzzing ? Math.floor(Math.random() * 0x7fffffff) : CI_SEED);
if (fuzzing) console.log(`fuzz: FUZZ_RUNS=${runs} FUZZ_SEED=${seed}`);

/** Parameters for `fc.assert`: at least 10,000 runs, the seed above. */
export function fuzzParameters<T>(): Parameters<T> {
  return { numRuns: runs ?? CI_RUNS, seed };
}

/** Timeout for a property test: vitest's default in CI, none worth hitting while fuzzing. */
export const propertyTimeout = fuzzing ? 24 * 60 * 60 * 1000 : 30_000;
