/**
 * Bytes -> FeedDocument, safely. feedsmith (on fast-xml-parser) reads the formats; this
 * module guards it against hostile documents:
 * - size: documents over MAX_FEED_BYTES are refused before parsing (the parser does not
 *   stream and needs tens of times the document's size in memory);
 * - DTDs: the document type declaration is removed before parsing, so no entity is ever
 *   defined, expanded (billion laughs) or fetched (`SYSTEM "file:///etc/passwd"`);
 * - truncation: a document cut short keeps the entries before the break, like feedparser's
 *   "bozo" documents, with a warning;
 * - nesting: a document nested too deep for the parser's recursion is refused in one line.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { Parser } from 'htmlparser2';
import { decodeFeedBytes } from './decode.js';
import { safeUrl } from './html-blocks.js';
import { normaliseFeed } from './normalise.js';
import type { FeedDocument, FeedEntry } from './types.js';

/** Larger feeds are refused: parsing takes ~20 times the document's size in memory. */
export const MAX_FEED_BYTES = 16 * 1024 * 1024;

/** Elements nested deeper than this are refused: real feeds nest a dozen levels. */
export const MAX_FEED_DEPTH = 2000;

export type FeedKind = 'xml-feed' | 'json-feed' | 'html' | 'other';

/** How far into a document its root element is looked for (past comments and declarations). */
const SNIFF_CHARS = 64 * 1024;

const FEED_ROOTS = /^(?:rss|feed|channel|(?:[\w.-]+:)?rdf)$/i;

/** The name of the first element, skipping the XML declaration, comments, PIs and doctype. */
function rootElement(text: string): string | null {
  const head = text.slice(0, SNIFF_CHARS);
  const re = /<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|!(?:doctype)[^[>]*(?:\[[\s\S]*?\])?\s*>|([A-Za-z_][\w.:-]*))/gi;
  for (let match = re.exec(head); match; match = re.exec(head)) {
    if (match[1]) return match[1];
  }
  return null;
}

/** What a decoded document is: judged by its content, never by its name. */
export function sniffFeed(text: string): FeedKind {
  const start = text.replace(/^[\ufeff\s]+/, '');
  if (start.startsWith('{')) {
    // JSON Feed says so in `version`; a bare JSON document is not a feed.
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(start.slice(0, SNIFF_CHARS)) ? 'json-feed' : 'other';
  }
  if (!start.startsWith('<')) return 'other';
  const root = rootElement(start);
  if (root === null) return /^<!doctype\s+html/i.test(start) ? 'html' : 'other';
  if (FEED_ROOTS.test(root)) return 'xml-feed';
  if (/^(?:html|head|body)$/i.test(root) || /^<!doctype\s+html/i.test(start)) return 'html';
  return 'other';
}

const FEED_TYPES = /^application\/(?:rss|atom|rdf|feed)\+(?:xml|json)$|^application\/json$|^text\/xml$|^application\/xml$/i;

/** The feeds an HTML page names with `<link rel="alternate" type="application/rss+xml" href>`. */
export function alternateFeeds(html: string, base: string | null): string[] {
  const feeds: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== 'link') return;
        const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
        if (!rel.includes('alternate') || !FEED_TYPES.test((attrs.type ?? '').trim())) return;
        const url = safeUrl(attrs.href, base);
        if (url !== null && !feeds.includes(url)) feeds.push(url);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html.slice(0, 1024 * 1024));
  return feeds;
}

export type FeedParseResult = { document: FeedDocument } | { error: string };

const DOCTYPE = /<!DOCTYPE(?:[^[>]*\[[\s\S]*?\]\s*>|[^>]*>)/i;

/**
 * Where elements first nest deeper than `limit`, or -1. A linear scan of the tags, skipping
 * CDATA sections (HTML in them is not XML nesting) and comments.
 */
function firstTooDeep(text: string, limit: number): number {
  let depth = 0;
  let i = text.indexOf('<');
  while (i !== -1) {
    let end: number;
    if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i) + 2;
    else if (text.startsWith('<!--', i)) end = text.indexOf('-->', i) + 2;
    else {
      end = text.indexOf('>', i);
      const next = text[i + 1];
      if (next === '/') depth--;
      else if (next !== '?' && next !== '!' && end !== -1 && text[end - 1] !== '/' && ++depth > limit) return i;
    }
    if (end < i) return -1;
    i = text.indexOf('<', end + 1);
  }
  return -1;
}

/** Cut a broken document after its last complete entry and close what is open around it. */
function closeAfterLastEntry(text: string, root: string): string | null {
  const end = Math.max(text.lastIndexOf('</item>'), text.lastIndexOf('</entry>'));
  if (end === -1 || root === '') return null;
  const cut = text.slice(0, end + (text.startsWith('</item>', end) ? 7 : 8));
  if (/^rss$/i.test(root)) return `${cut}</channel></rss>`;
  return `${cut}</${root}>`;
}

/**
 * Old RSS feeds carry the full text in `<body>` / `<xhtml:body>` (XHTML) or `<fullitem>`,
 * which feedparser reads as content and feedsmith does not know. They are renamed to
 * `content:encoded`, which feedsmith keeps verbatim. CDATA sections are left untouched, so
 * an HTML page quoted inside one is not changed.
 */
function mapBodyElements(xml: string): string {
  if (!/<(?:xhtml:)?body\b|<fullitem\b/i.test(xml)) return xml;
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/<(?:xhtml:body|body|fullitem)\b[^<>]*?(\/?)>/gi, (_, empty: string) => `<content:encoded${empty}>`)
            .replace(/<\/(?:xhtml:body|body|fullitem)\s*>/gi, '</content:encoded>'),
    )
    .join('');
}

/**
 * Atom 0.3 marks base64 text with `mode="base64"`, which feedsmith drops; Atom 1.0 says the
 * same with a non-text media type. The 0.3 form is rewritten into the 1.0 one, which the
 * normaliser decodes.
 */
function mapAtom03Base64(xml: string): string {
  if (!/\bmode\s*=\s*["']base64["']/i.test(xml)) return xml;
  return xml.replace(/<([\w:.-]+)(\s[^<>]*?\bmode\s*=\s*["']base64["'][^<>]*?)(\/?)>/gi, (_, name: string, attrs: string, empty: string) => {
    const rest = attrs.replace(/\s(?:type|mode)\s*=\s*(?:"[^"]*"|'[^']*')/gi, '');
    return `<${name}${rest} type="application/octet-stream"${empty}>`;
  });
}

/** `<item>` and `<entry>` elements in the document, outside CDATA sections and comments. */
function countEntryElements(xml: string): number {
  const bare = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, '');
  return (bare.match(/<(?:item|entry)[\s>/]/gi) ?? []).length;
}

/**
 * feedsmith leaves out an entry in which it finds nothing it knows (`<entry><author/></entry>`).
 * Such entries are kept, at the end, as untitled articles: a reader counting the feed's
 * entries finds them all.
 */
function keepEmptyEntries(document: FeedDocument, xml: string): FeedDocument {
  const missing = countEntryElements(xml) - document.entries.length;
  if (missing <= 0) return document;
  const empty = (): FeedEntry => ({
    guid: null, title: null, link: null, summary: null, content: null, author: null,
    published: null, updated: null, categories: [], enclosures: [], base: null,
  });
  return {
    ...document,
    entries: [...document.entries, ...Array.from({ length: missing }, empty)],
    warnings: [...document.warnings, `${missing} ${missing === 1 ? 'entry' : 'entries'} with nothing in them kept as untitled articles`],
  };
}

function emptyFeed(root: string, warnings: string[]): FeedDocument {
  const format = /^feed$/i.test(root) ? 'atom' : /rdf$/i.test(root) ? 'rdf' : 'rss';
  return { format, title: null, link: null, updated: null, entries: [], warnings };
}

function tryParse(text: string, source: string | null): FeedDocument | Error {
  try {
    return normaliseFeed(parseFeed(text), source);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function parseXmlFeed(text: string, source: string | null, warnings: string[]): FeedParseResult {
  let xml = text;
  const doctype = DOCTYPE.exec(xml);
  if (doctype) {
    if (/<!ENTITY/i.test(doctype[0])) warnings.push('document type definition ignored: its entities are not expanded');
    xml = xml.slice(0, doctype.index) + xml.slice(doctype.index + doctype[0].length);
  }
  const rootName = rootElement(xml) ?? '';
  if (/^rss$/i.test(rootName)) xml = mapBodyElements(xml);
  if (/^feed$/i.test(rootName)) xml = mapAtom03Base64(xml);
  const tooDeep = firstTooDeep(xml, MAX_FEED_DEPTH);
  if (tooDeep !== -1) {
    // Read what comes before the runaway nesting, as for a document cut short there.
    const line = xml.slice(0, tooDeep).split('\n').length;
    const repaired = closeAfterLastEntry(xml.slice(0, tooDeep), rootName);
    const recovered = repaired === null ? null : tryParse(repaired, source);
    const problem = `elements nested more than ${MAX_FEED_DEPTH} deep (line ${line})`;
    if (recovered === null || recovered instanceof Error) return { error: `${problem}; no entries could be read` };
    warnings.push(`${problem}; kept the ${recovered.entries.length} entries before it`);
    return { document: { ...recovered, warnings: [...warnings, ...recovered.warnings] } };
  }
  const parsed = tryParse(xml, source);
  if (!(parsed instanceof Error)) return { document: keepEmptyEntries({ ...parsed, warnings: [...warnings, ...parsed.warnings] }, xml) };
  // feedsmith refuses a well-formed feed in which it finds nothing it knows: an empty feed.
  const valid = XMLValidator.validate(xml);
  if (valid === true) return { document: keepEmptyEntries(emptyFeed(rootName, warnings), xml) };
  const repaired = closeAfterLastEntry(xml, rootName);
  const recovered = repaired === null ? parsed : tryParse(repaired, source);
  const where = `line ${valid.err.line}: ${valid.err.msg}`;
  if (recovered instanceof Error) return { error: `not well-formed XML (${where}); no entries could be read` };
  warnings.push(`not well-formed XML (${where}); kept the ${recovered.entries.length} entries before the error`);
  return { document: keepEmptyEntries({ ...recovered, warnings: [...warnings, ...recovered.warnings] }, repaired ?? xml) };
}

function parseJsonFeed(text: string, source: string | null, warnings: string[]): FeedParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    const document = normaliseFeed(parseFeed(value), source);
    return { document: { ...document, warnings: [...warnings, ...document.warnings] } };
  } catch {
    return { error: 'not a JSON Feed document' };
  }
}

/**
 * Parse a feed document. `source` is its URL (the base for relative links) or path;
 * `httpCharset` the charset an HTTP response declared. Never throws.
 */
export function parseFeedBytes(bytes: Uint8Array, source: string | null, httpCharset: string | null = null): FeedParseResult {
  if (bytes.byteLength > MAX_FEED_BYTES) return { error: `feed larger than ${MAX_FEED_BYTES / 1024 / 1024} MiB, not read` };
  const decoded = decodeFeedBytes(bytes, httpCharset);
  const text = decoded.text.replace(/^\ufeff/, '');
  const warnings = [...decoded.warnings];
  const kind = sniffFeed(text);
  if (kind === 'json-feed') return parseJsonFeed(text, source, warnings);
  if (kind === 'xml-feed') return parseXmlFeed(text, source, warnings);
  if (kind === 'html') {
    const feeds = alternateFeeds(text, source !== null && /^https?:/i.test(source) ? source : null);
    return { error: feeds.length > 0 ? `an HTML page, not a feed; it names these feeds: ${feeds.join(' ')}` : 'an HTML page, not a feed, and it names no feed' };
  }
  return { error: 'not a feed (RSS, Atom, RDF or JSON Feed)' };
}
