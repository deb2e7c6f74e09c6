/**
 * Feeds captured from real sites (shared corpora, real-world/): every one parses, with one
 * entry per `<item>`/`<entry>` element, and each entry's title, link and date agree with
 * what a plain reading of the file's XML gives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/feed/decode.js';
import { htmlToLine } from '../../src/feed/html-blocks.js';
import { parseFeedBytes } from '../../src/feed/parse.js';
import { feedToArticles } from '../../src/feed/to-articles.js';
import type { FeedDocument } from '../../src/feed/types.js';
import { hasShared, sharedDir } from '../../kit/shared-dir.js';

const dir = path.join(sharedDir, 'corpora', 'feeds', 'real-world');
// Listed while tests are collected, so only when the corpus is here.
const files = hasShared ? readdirSync(dir).filter((name) => name !== 'LICENSE') : [];
/** Not a feed at all: a "Document Moved" HTML page kept among rss-parser's inputs. */
const NOT_A_FEED = 'unrecognized.rss';

function xmlText(raw: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(raw);
  const text = cdata
    ? (cdata[1] ?? '')
    : raw
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
        .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
        .replace(/&amp;/g, '&');
  // NO-BREAK SPACE is text (FORMAT.md): only the XML whitespace collapses.
  return text.replace(/[ \t\n\r]+/g, ' ').replace(/^[ ]+|[ ]+$/g, '');
}

/** The raw `<item>`/`<entry>` elements, in order. */
function entryElements(xml: string): string[] {
  return xml.match(/<(item|entry)[\s>][\s\S]*?<\/\1>/g) ?? [];
}

function rawTitle(element: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/.exec(element);
  return m ? xmlText(m[1] ?? '') : null;
}

function rawLink(element: string): string | null {
  const text = /<link>([\s\S]*?)<\/link>/.exec(element);
  if (text) return xmlText(text[1] ?? '');
  const links = [...element.matchAll(/<link\b([^>]*)\/?>/g)].map((m) => m[1] ?? '');
  const alternate = links.find((attrs) => !/\brel=/.test(attrs) || /\brel=["']alternate["']/.test(attrs));
  const href = alternate ? /\bhref=["']([^"']*)["']/.exec(alternate) : null;
  return href ? xmlText(href[1] ?? '') : null;
}

function rawDate(element: string): string | null {
  for (const name of ['pubDate', 'published', 'dc:date', 'updated']) {
    const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(element);
    if (m) return xmlText(m[1] ?? '');
  }
  return null;
}

function absolute(url: string): string | null {
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

function parse(name: string): FeedDocument {
  const result = parseFeedBytes(readFileSync(path.join(dir, name)), name);
  if ('error' in result) throw new Error(`${name}: ${result.error}`);
  return result.document;
}

describe.skipIf(!hasShared)('real-world feeds', () => {
  it('has the 31 feeds the corpus README lists', () => {
    expect(files).toHaveLength(31);
  });

  it.each(files.filter((f) => f !== NOT_A_FEED))('%s: one article per entry element, titles, links and dates as in the file', (name) => {
    // The decoder has its own tests (the feedparser encoding corpus).
    const xml = decodeFeedBytes(readFileSync(path.join(dir, name))).text;
    const document = parse(name);
    const elements = entryElements(xml);
    expect(document.entries.length).toBe((xml.match(/<(?:item|entry)[\s>]/g) ?? []).length);
    expect(document.entries.length).toBeGreaterThan(0);
    const articles = feedToArticles(document, { source: name, section: null, readAt: new Date('2030-01-01T00:00:00Z') });
    expect(articles).toHaveLength(document.entries.length);
    // Ids are unique within a feed: state is kept per entry.
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);

    elements.forEach((element, i) => {
      const entry = document.entries[i];
      if (!entry) throw new Error(`${name}: entry ${i} missing`);
      const title = rawTitle(element);
      if (title !== null && title !== '') expect([title, htmlToLine(title)], `${name} entry ${i} title`).toContain(entry.title);
      const link = rawLink(element);
      const linkUrl = link === null ? null : absolute(link);
      if (linkUrl !== null) expect(entry.link, `${name} entry ${i} link`).toBe(linkUrl);
      else if (link) expect(entry.link, `${name} entry ${i} relative link resolved`).toMatch(/^https?:\/\/.+/);
      const date = rawDate(element);
      const oracle = date === null ? NaN : Date.parse(date);
      const ours = entry.published ?? entry.updated;
      if (!Number.isNaN(oracle)) expect(ours?.getTime(), `${name} entry ${i} date ${date}`).toBe(oracle);
      // Every article is dated: its own date, the feed's, or the time it was read.
      expect(articles[i]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  it('reads the dates Date.parse cannot: Portuguese names and a colon-less time', () => {
    const uol = parse('uolNoticias.rss');
    expect(uol.entries[0]?.published?.toISOString()).toBe('2018-09-24T22:42:40.000Z');
    expect(uol.entries.every((e) => e.published !== null)).toBe(true);
    const heraldsun = parse('heraldsun.rss');
    expect(heraldsun.updated?.toISOString()).toBe('2002-04-03T15:00:00.000Z');
    // Its entries are undated: they take the feed's date.
    const articles = feedToArticles(heraldsun, { source: 'h.rss', section: null, readAt: new Date('2030-01-01T00:00:00Z') });
    expect(articles.map((a) => a.feedFields.published)).toEqual(['2002-04-03T15:00:00Z', '2002-04-03T15:00:00Z']);
  });

  it('repairs Windows-1252 in a feed that does not say its encoding, with a warning', () => {
    const uol = parse('uolNoticias.rss');
    expect(uol.title).toBe('UOL Noticias');
    expect(uol.warnings).toContain('not valid UTF-8; decoded as Windows-1252');
    expect(uol.entries.map((e) => e.title).join(' ')).not.toContain('\ufffd');
  });

  it('says the HTML page among them is not a feed', () => {
    const result = parseFeedBytes(readFileSync(path.join(dir, NOT_A_FEED)), NOT_A_FEED);
    expect(result).toEqual({ error: 'an HTML page, not a feed, and it names no feed' });
  });

  it('keeps an entry with nothing in it as an untitled article', () => {
    const document = parse('incomplete-fields.atom');
    const [article] = feedToArticles(document, { source: 'x.atom', section: null, readAt: new Date('2030-01-01T00:00:00Z') });
    expect(article?.headline).toBe('(untitled)');
    expect(article?.date).toBe('2030-01-01');
    expect(document.warnings).toContain('1 entry with nothing in them kept as untitled articles');
  });
});
