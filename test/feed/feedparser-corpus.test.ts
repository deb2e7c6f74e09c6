/**
 * Python feedparser's test suite (shared corpora, feedparser/) as the specification of what
 * a feed article carries. See feedparser-expect.ts for which expectations are evaluated and
 * how; the ones skipped are counted and listed with their reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/feed/decode.js';
import { parseFeedBytes } from '../../src/feed/parse.js';
import { feedToArticles } from '../../src/feed/to-articles.js';
import { hasShared, sharedDir } from '../../kit/shared-dir.js';
import { check, parseExpectation } from './feedparser-expect.js';

const root = path.join(sharedDir, 'corpora', 'feeds', 'feedparser');

/** Every file under `dir`; none when the shared corpora are absent (the tests are skipped). */
function filesUnder(dir: string): string[] {
  if (!hasShared) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The header comment's fields; UTF-16/32 files are read with their NULs dropped. */
function header(bytes: Buffer): { expect: string | null; charset: string | null } {
  const head = bytes.subarray(0, 4096).toString('latin1').replace(/\0/g, '');
  return {
    expect: /Expect:\s*(.*)/.exec(head)?.[1]?.trim() ?? null,
    charset: /Header:\s*Content-type:[^\n]*charset\s*=\s*['"]?([\w-]+)/i.exec(head)?.[1] ?? null,
  };
}

/** feedparser tests run against a local server; relative URLs resolve against it. */
const baseFor = (file: string): string => `http://127.0.0.1:8097/${path.relative(root, file)}`;

describe.skipIf(!hasShared)('feedparser wellformed/ and illformed/ expectations', () => {
  const files = [...filesUnder(path.join(root, 'wellformed')), ...filesUnder(path.join(root, 'illformed'))];
  let passed = 0;
  const failed: string[] = [];
  const skipped = new Map<string, string[]>();
  for (const file of files) {
    const bytes = readFileSync(file);
    const { expect: expectation, charset } = header(bytes);
    if (expectation === null) continue;
    const parsed = parseExpectation(expectation);
    if (parsed.kind === 'unrelated') continue;
    if (parsed.kind === 'skip') {
      const reason = parsed.reason.replace(/:.*/, '');
      skipped.set(reason, [...(skipped.get(reason) ?? []), path.relative(root, file)]);
      continue;
    }
    const result = parseFeedBytes(bytes, baseFor(file), charset);
    const ok = !('error' in result) && parsed.checks.every((c) => check(result.document, c).pass);
    if (ok) passed++;
    else failed.push(`${path.relative(root, file)}: ${expectation}`);
  }
  const evaluated = passed + failed.length;
  const skippedCount = [...skipped.values()].reduce((n, list) => n + list.length, 0);

  it('passes at least 95% of the evaluated expectations', () => {
    // The count of skipped expectations, and why, for the record:
    const reasons = [...skipped.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([reason, list]) => `${list.length} × ${reason}: ${list.map((f) => path.basename(f, '.xml')).join(', ')}`);
    console.info(`feedparser: ${passed}/${evaluated} passed (${((100 * passed) / evaluated).toFixed(1)}%), ${skippedCount} skipped:\n  ${reasons.join('\n  ')}`);
    expect(evaluated).toBeGreaterThan(800);
    expect(passed / evaluated).toBeGreaterThanOrEqual(0.95);
  });

  it('skips only forms it cannot evaluate, never most of the suite', () => {
    expect(skippedCount).toBeLessThan(evaluated / 5);
  });
});

/**
 * feedparser's name for an encoding -> ours (WHATWG's). US-ASCII and ISO-8859-1 are read as
 * their superset Windows-1252, as browsers do; GB2312 as GBK. feedparser's RFC 3023 rule
 * that text/xml without a charset is US-ASCII was withdrawn by RFC 7303 (UTF-8 then).
 */
const OUR_NAME: Record<string, string[]> = {
  'us-ascii': ['windows-1252', 'utf-8'],
  'iso-8859-1': ['windows-1252'],
  gb18030: ['gbk', 'gb18030'],
};

describe.skipIf(!hasShared)('feedparser encoding/', () => {
  const dir = path.join(root, 'encoding');
  const files = hasShared ? readdirSync(dir).filter((name) => name.endsWith('.xml')) : [];

  it('has its documents', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s decodes to readable text', (name) => {
    const bytes = readFileSync(path.join(dir, name));
    const { expect: expectation, charset } = header(bytes);
    const decoded = decodeFeedBytes(bytes, charset);
    // Every file's header comment comes through intact, whatever its encoding.
    expect(decoded.text).toMatch(/Description:/);
    expect(decoded.text).toMatch(/<(?:rss|feed|rdf:RDF)\b/);
    expect(decoded.text).not.toContain('\0');
    const result = parseFeedBytes(bytes, name, charset);
    if (!expectation?.startsWith('not bozo')) return; // a broken document: decoding it is enough
    const named = /encoding == '([^']+)'/.exec(expectation)?.[1]?.toLowerCase();
    if (named !== undefined) expect(OUR_NAME[named] ?? [named]).toContain(decoded.encoding);
    expect(result).toHaveProperty('document');
    const parsed = parseExpectation(expectation);
    if (parsed.kind === 'checks' && 'document' in result) {
      expect(parsed.checks.length).toBeGreaterThan(0);
      for (const comparison of parsed.checks) expect(check(result.document, comparison)).toMatchObject({ pass: true });
    }
  });

  it('reads a declared multi-byte encoding (EUC-KR) and windows-1252 written as C1 references', () => {
    const euc = parseFeedBytes(readFileSync(path.join(dir, 'euc-kr.xml')), 'euc-kr.xml');
    expect(euc).toMatchObject({ document: { title: '\ub144' } });
    const moron = parseFeedBytes(readFileSync(path.join(dir, 'demoronize-1.xml')), 'x');
    expect('document' in moron && moron.document.entries[0]?.summary?.value).toBe('don\u2019t');
  });
});

describe.skipIf(!hasShared)('feedparser wellformed/sanitize/', () => {
  const dir = path.join(root, 'wellformed', 'sanitize');
  const files = hasShared ? readdirSync(dir) : [];
  /** Markup or active content that must never reach the reader as text. */
  const LIVE = /<\s*\/?\s*(?:script|style|iframe|object|embed|applet|meta|link|form|img|a|span|div)\b|javascript:|vbscript:|\bon[a-z]+\s*=|location\.href|alert\(|expression\(/i;

  it(`lets no markup, script or javascript: link through in any of its ${files.length} documents`, () => {
    let articles = 0;
    for (const name of files) {
      const result = parseFeedBytes(readFileSync(path.join(dir, name)), `http://127.0.0.1/${name}`);
      if ('error' in result) continue; // a feed with no entries (feed-level fields only)
      if (result.document.title !== null) expect(result.document.title, name).not.toMatch(LIVE);
      for (const article of feedToArticles(result.document, { source: name, section: null, readAt: new Date() })) {
        articles++;
        for (const block of article.blocks) for (const line of block.lines) expect(line, `${name}: ${line}`).not.toMatch(LIVE);
        expect(article.feedFields.url ?? '', name).not.toMatch(LIVE);
      }
    }
    expect(articles).toBeGreaterThan(200);
  });
});

describe.skipIf(!hasShared)('feedparser json/', () => {
  it('reads the JSON Feed test: title, two entries, attachment, tags, no script text', () => {
    const result = parseFeedBytes(readFileSync(path.join(root, 'json', 'example.json')), 'https://example.org/feed.json');
    if ('error' in result) throw new Error(result.error);
    expect(result.document.title).toBe('My Example Feed');
    expect(result.document.entries).toHaveLength(2);
    const [second, first] = feedToArticles(result.document, { source: 'feed.json', section: null, readAt: new Date() });
    expect(second?.feedFields).toMatchObject({
      url: 'https://example.org/second-item',
      categories: ['test', 'JSON'],
      enclosures: [{ url: 'https://example.org/second-item-show.mp4', type: 'video/mp4', length: 12000000 }],
    });
    expect(first?.feedFields.author).toBe('you');
    expect(first?.blocks.map((b) => b.text).join('\n')).toContain('Hello, world!');
    expect(first?.blocks.map((b) => b.text).join('\n')).not.toContain('alert');
  });
});
