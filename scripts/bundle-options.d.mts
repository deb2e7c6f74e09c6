// The types of bundle-options.mjs, for the TypeScript that builds with it (bench/floors.bench.ts).
import type { BuildOptions } from 'esbuild';

export const requireBanner: string;
export function sqliteOptions(root: string): Pick<BuildOptions, 'external' | 'alias'>;
export function readerOptions(root: string): BuildOptions;
