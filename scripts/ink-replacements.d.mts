// The plugin's type, for the TypeScript that builds with it (bench/floors.bench.ts).
import type { Plugin } from 'esbuild';

export function inkReplacements(root: string): Plugin;
