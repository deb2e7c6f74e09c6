import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../kit/shared-dir.js';

interface PackResult {
  files: { path: string }[];
}

describe('the npm package', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;

  it('declares the newsreader command, ESM and Node 20', () => {
    expect(manifest.name).toBe('newsreader');
    expect(manifest.type).toBe('module');
    expect(manifest.bin).toEqual({ newsreader: 'dist/newsreader.js' });
    expect(manifest.engines).toEqual({ node: '>=20' });
  });

  it('packs the built CLI and the seeds, and nothing of the corpora or tests', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' });
    const [result] = JSON.parse(out) as PackResult[];
    const files = (result?.files ?? []).map((f) => f.path).sort();
    expect(files).toContain('dist/newsreader.js');
    expect(files).toContain('seeds/000_f7bcbbc1a212b420.txt');
    expect(files.filter((f) => /^(src|test|bench)\/|corpora/.test(f))).toEqual([]);
  });
});
