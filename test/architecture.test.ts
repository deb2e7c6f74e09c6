/**
 * The import direction of src/, checked on every run: imports run one way, from the
 * composition root down (README, "How the code is laid out"). A folder
 * may import only from folders below it; a new folder must be given its place here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Each folder's layer: it may import from strictly lower layers only. */
const LAYERS: Record<string, number> = {
  '.': 10, // cli.ts, the composition root
  commands: 9, // the CLI's commands, the reader's launch among them
  ui: 8, // Ink components and hooks
  config: 7, // the config file: read by the commands, made of key maps and themes
  state: 7, // the pure reducer
  keys: 6,
  terminal: 6, // text layout and sanitising for the terminal
  search: 5,
  library: 4,
  feed: 3, // feed documents -> Articles, beside the parser
  article: 2, // the parser
  unicode: 1, // character classes, imports nothing
};

/** Folders whose insides only their own folder and the composition (commands, cli) may import. */
const INTERNAL: Record<string, readonly string[]> = { 'library/store': ['library', 'commands', '.'] };

interface Edge {
  from: string;
  to: string;
  fromFile: string;
  toFile: string;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(SRC, f));
}

const folderOf = (file: string): string => {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? '.' : rel[0]!;
};

function imports(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles()) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), match[1]!);
      edges.push({ from: folderOf(file), to: folderOf(target), fromFile: path.relative(SRC, file), toFile: path.relative(SRC, target) });
    }
  }
  return edges;
}

describe('the layout of src/', () => {
  const edges = imports();
  const crossing = edges.filter((e) => e.from !== e.to);

  it('reads the imports it checks', () => {
    // A parser that found nothing would pass every check below.
    expect(crossing.length).toBeGreaterThan(100);
    expect(crossing).toContainEqual(expect.objectContaining({ fromFile: 'cli.ts', toFile: 'commands/main.js' }));
  });

  it('has a layer for every folder, and no module at the top but the CLI', () => {
    const folders = new Set(sourceFiles().map(folderOf));
    expect([...folders].filter((f) => !(f in LAYERS))).toEqual([]);
    expect(sourceFiles().filter((f) => folderOf(f) === '.').map((f) => path.basename(f))).toEqual(['cli.ts']);
  });

  it('imports only downward', () => {
    const upward = crossing
      .filter((e) => !(LAYERS[e.from]! > LAYERS[e.to]!))
      .map((e) => `${e.fromFile} -> ${e.toFile} (${e.from} ${LAYERS[e.from]} -> ${e.to} ${LAYERS[e.to]})`);
    expect(upward).toEqual([]);
  });

  it('keeps the store internal to the library and the commands that open it', () => {
    const leaks = edges
      .filter((e) => Object.entries(INTERNAL).some(([inner, allowed]) => e.toFile.startsWith(`${inner}/`) && !e.fromFile.startsWith(`${inner}/`) && !allowed.includes(e.from)))
      .map((e) => `${e.fromFile} -> ${e.toFile}`);
    expect(leaks).toEqual([]);
  });
});
