/** Temporary folders and article files for the store tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll } from 'vitest';
import { generateCorpus } from '../../../kit/corpus-generator.js';

const made: string[] = [];
afterEach(() => {
  while (made.length > 0) rmSync(made.pop() as string, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsreader-store-'));
  made.push(dir);
  return dir;
}

/** A temporary folder for a whole test file (beforeAll); the caller removes it in afterAll. */
export function suiteTempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsreader-store-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `count` generated articles (kit/corpus-generator.ts, `seed`) in a folder made before the
 * test file's tests and removed after them: read `dir` inside a test.
 */
export function suiteCorpus(count: number, seed: number): { dir: string } {
  const corpus = { dir: '' };
  beforeAll(() => {
    const suite = suiteTempDir();
    corpus.dir = path.join(suite.dir, 'corpus');
    generateCorpus({ count, seed, out: corpus.dir });
    return suite.remove;
  });
  return corpus;
}

/** A small article in the seed format. */
export function articleText(headline: string, date: string, body = 'Officials said the talks would go on.'): string {
  return `${headline}\n\nA standfirst for ${headline}.\n\nPhoto by: Reuters\n\nUpdated ${date}\n\n${body}\n\nSecond paragraph about ${headline}.\n\nReuters\n`;
}

export function writeArticle(dir: string, relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Poll `condition` until it holds, without fixed sleeps in the tests themselves. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
