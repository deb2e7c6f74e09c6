import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
    // The entry is CommonJS and the rest ESM: each folder's package.json says so.
    expect(files).toEqual(expect.arrayContaining(['dist/package.json', 'dist/lib/package.json', 'dist/lib/main.js']));
    expect(files).toContain('seeds/000_f7bcbbc1a212b420.txt');
    expect(files.filter((f) => /^(src|test|bench)\/|corpora/.test(f))).toEqual([]);
  });

  it('builds scripts of ASCII only, so V8 keeps their source one byte a character', () => {
    // The test run builds dist/ first (test/global-setup.ts).
    const dist = path.join(repoRoot, 'dist');
    const scripts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
    expect(scripts).toContain('newsreader.js');
    expect(scripts).toContain(path.join('lib', 'main.js'));
    // eslint-disable-next-line no-control-regex -- what is looked for is anything past ASCII
    const nonAscii = scripts.filter((name) => /[^\u0000-\u007f]/.test(readFileSync(path.join(dist, name), 'utf8')));
    expect(nonAscii).toEqual([]);
  });
});
