/**
 * Every hostile case through the built CLI: `--json` and the TSV listing exit 0, print the
 * article or a warning, let nothing a terminal would act on through, and lose no text;
 * `search --json` and `index` (into a database whose name is hostile too) let nothing
 * through either.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../src/article/decode.js';
import type { Article } from '../../src/article/types.js';
import { sanitize } from '../../src/terminal/sanitize.js';
import { hasControlOrFormatCharacters } from '../../src/unicode/unsafe-characters.js';
import { buildHostileCase, hostileCases, SANITISED, type BuiltCase } from './cases.js';
import { freshDatabase, runCliBytes, type CliBytes } from '../cli/run-cli.js';

/** A library database name that would clear the screen, set the title and flip the line. */
const HOSTILE_DB_NAME = `db\n\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202eevil.db`;
const SUMMARY_LINE = /^newsreader: indexed \d+ files? in /;

/** In the TSV listing and on stderr only tab (TSV) and newline may be controls. */
// eslint-disable-next-line no-control-regex
const INTERPRETED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** JSON escapes every control and format character as \uXXXX, so none may appear raw. */
// eslint-disable-next-line no-control-regex
const INTERPRETED_IN_JSON = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const WARNING_LINE = /^newsreader: warning: .+: .+$/;

function lines(output: Buffer): string[] {
  return output.toString('utf8').split('\n').filter((line) => line !== '');
}

/** FORMAT.md's invariant, checked against the file as it is on disk. */
async function expectNothingLost(article: Article): Promise<void> {
  const decoded = decodeArticleBytes(await readFile(article.path));
  expect(decoded.kind).toBe('text');
  if (decoded.kind !== 'text') return;
  const nonBlank = decoded.text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  // --json leaves out `lines` when it is the one line `text` already is.
  expect(article.blocks.flatMap((b) => b.lines ?? [b.text])).toEqual(nonBlank);
}

describe.concurrent.each(hostileCases)('hostile case: $name', (hostile) => {
  let built: BuiltCase;
  let json: CliBytes;
  let tsv: CliBytes;
  let search: CliBytes;
  let index: CliBytes;
  let dbDir: string;

  beforeAll(async () => {
    built = await buildHostileCase(hostile);
    const unprivileged = hostile.unprivileged ?? false;
    const options = { cwd: built.dir, home: built.dir, unprivileged, killAfterMs: 30_000 };
    dbDir = path.dirname(freshDatabase({ anyUser: true }));
    const indexOptions = { ...options, env: { NEWSREADER_DB: path.join(dbDir, HOSTILE_DB_NAME) } };
    [json, tsv, search, index] = await Promise.all([
      runCliBytes(['--json', ...built.paths], options),
      runCliBytes(built.paths, options),
      // is:unread matches every article, whatever its words.
      runCliBytes(['search', '--json', '--limit', '100', 'is:unread', ...built.paths], options),
      runCliBytes(['index', ...built.paths], indexOptions),
    ]);
  });
  afterAll(async () => {
    await built?.cleanup();
    await rm(dbDir, { recursive: true, force: true });
  });

  it('exits 0 in both modes, with no stack trace', () => {
    expect(json.signal).toBeNull();
    expect(json.code).toBe(0);
    expect(tsv.code).toBe(0);
    expect(json.stderr.toString()).not.toMatch(/\n\s+at |Error:/);
  });

  it('prints the articles, or says why on stderr as `newsreader: warning: PATH: what`', () => {
    expect(lines(json.stdout)).toHaveLength(hostile.articles);
    expect(lines(tsv.stdout)).toHaveLength(hostile.articles);
    const warnings = lines(json.stderr);
    for (const line of warnings) expect(line).toMatch(WARNING_LINE);
    for (const expected of hostile.warnings) expect(warnings.some((w) => expected.test(w)), String(expected)).toBe(true);
    expect(lines(tsv.stderr)).toEqual(warnings);
  });

  it('lets nothing a terminal would interpret through to stderr or the TSV listing', () => {
    for (const result of [json, tsv]) expect(result.stderr.toString('utf8')).not.toMatch(INTERPRETED);
    expect(tsv.stdout.toString('utf8')).not.toMatch(INTERPRETED);
    for (const line of lines(tsv.stdout)) expect(line.split('\t')).toHaveLength(4);
    expect(json.stdout.toString('utf8')).not.toMatch(INTERPRETED_IN_JSON);
  });

  it('search --json finds every article and escapes what a terminal would interpret', () => {
    expect(search.signal).toBeNull();
    expect(search.code).toBe(hostile.articles > 0 ? 0 : 1);
    expect(lines(search.stdout)).toHaveLength(hostile.articles);
    expect(search.stdout.toString('utf8')).not.toMatch(INTERPRETED_IN_JSON);
    expect(search.stderr.toString('utf8')).not.toMatch(INTERPRETED);
    for (const line of lines(search.stderr)) expect(line).toMatch(WARNING_LINE);
    const listed = lines(json.stdout).map((line) => (JSON.parse(line) as Article).headline).sort();
    expect(lines(search.stdout).map((line) => (JSON.parse(line) as Article).headline).sort()).toEqual(listed);
  });

  it('index prints its warnings and one summary line, with nothing a terminal would interpret', () => {
    expect(index.signal).toBeNull();
    expect(index.code).toBe(0);
    expect(index.stdout.toString()).toBe('');
    const stderr = index.stderr.toString('utf8');
    expect(stderr).not.toMatch(INTERPRETED);
    const out = lines(index.stderr);
    expect(out.at(-1)).toMatch(SUMMARY_LINE);
    expect(out.at(-1)).toContain(sanitize(HOSTILE_DB_NAME));
    for (const line of out.slice(0, -1)) expect(line).toMatch(WARNING_LINE);
    for (const expected of hostile.warnings) expect(out.some((w) => expected.test(w)), String(expected)).toBe(true);
  });

  it('lists in TSV exactly the articles of --json, sanitised field by field', () => {
    const articles = lines(json.stdout).map((line) => JSON.parse(line) as Article);
    const expected = articles.map((a) => [a.date ?? '-', a.section ?? '-', sanitize(a.headline), sanitize(a.path)].join('\t'));
    expect(lines(tsv.stdout)).toEqual(expected);
  });

  it('loses no text, and warns when the text needed sanitising', async () => {
    for (const line of lines(json.stdout)) {
      const article = JSON.parse(line) as Article;
      await expectNothingLost(article);
      const needsSanitising = article.blocks.some((b) => (b.lines ?? [b.text]).some(hasControlOrFormatCharacters));
      expect(article.warnings.some((w) => SANITISED.test(w))).toBe(needsSanitising);
    }
  });
});

describe('a missing PATH whose name is hostile', () => {
  it('exits 2 with one sanitised line on stderr', async () => {
    const built = await buildHostileCase({ name: 'missing', build: async () => [], articles: 0, warnings: [] });
    try {
      const name = `gone\n\u001b]0;pwned\u0007\u001b[2J\u202e.txt`;
      const result = await runCliBytes(['--json', name], { cwd: built.dir, home: built.dir });
      expect(result.code).toBe(2);
      expect(result.stdout.toString()).toBe('');
      const stderr = result.stderr.toString('utf8');
      expect(stderr).toBe(`newsreader: ${sanitize(name)}: no such file or directory\n`);
      expect(stderr).not.toMatch(INTERPRETED);
    } finally {
      await built.cleanup();
    }
  });
});
