// An esbuild plugin that swaps some of Ink's internal modules for faster equivalents with
// the same interface: the frame assembly (build/output.js, see src/terminal/ink-output.ts),
// the text measuring it imports (widest-line), the text sizes the layout asks for, kept in
// a bounded cache (build/measure-text.js), the escape sanitising of every text node
// (build/sanitize-ansi.js, see src/terminal/ink-sanitize-ansi.ts), and Yoga, whose
// WebAssembly costs start-up time and memory, by the same layout in TypeScript
// (src/terminal/flex-layout.ts).
// Only imports made by Ink are redirected.
import path from 'node:path';

/** @param {string} root the repository */
export function inkReplacements(root) {
  const inkDir = `${path.sep}node_modules${path.sep}ink${path.sep}build${path.sep}`;
  return {
    name: 'ink-replacements',
    setup(build) {
      build.onResolve({ filter: /^\.\/output\.js$/ }, (args) =>
        args.importer.includes(inkDir) ? { path: path.join(root, 'src', 'terminal', 'ink-output.ts') } : undefined,
      );
      build.onResolve({ filter: /^\.\/sanitize-ansi\.js$/ }, (args) =>
        args.importer.includes(inkDir) ? { path: path.join(root, 'src', 'terminal', 'ink-sanitize-ansi.ts') } : undefined,
      );
      build.onResolve({ filter: /^widest-line$/ }, (args) =>
        args.importer.includes(inkDir) ? { path: path.join(root, 'src', 'terminal', 'ink-widest-line.ts') } : undefined,
      );
      build.onResolve({ filter: /^\.\/measure-text\.js$/ }, (args) =>
        args.importer.includes(inkDir) ? { path: path.join(root, 'src', 'terminal', 'ink-measure-text.ts') } : undefined,
      );
      build.onResolve({ filter: /^yoga-layout$/ }, (args) =>
        args.importer.includes(inkDir) ? { path: path.join(root, 'src', 'terminal', 'flex-layout.ts') } : undefined,
      );
    },
  };
}
