/**
 * feedsmith's four shapes (RSS, RDF, Atom, JSON Feed) -> one FeedDocument. Each format
 * names the same things differently (guid / id, description / summary, content:encoded /
 * content / content_html, dc:creator / author, pubDate / published / dc:date); this is the
 * one place that knows which field wins. Titles become plain text here; bodies stay HTML or
 * text until the article is built.
 */
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { decodeWindows1252 } from '../article/decode.js';
import { parseFeedDate } from './dates.js';
import { htmlToLine, safeUrl } from './html-blocks.js';
import type { Enclosure, FeedDocument, FeedEntry, FeedText } from './types.js';

const TAG = /<[a-z!/?]/i;

/**
 * C1 control characters in feed text are almost always Windows-1252 characters written as
 * `&#146;` and the like by software that confused the two; read them as Windows-1252, as
 * browsers and feedparser do.
 */
function demoronize(value: string): string {
  return value.replace(/[\u0080-\u009f]/g, (ch) => decodeWindows1252(Uint8Array.of(ch.charCodeAt(0))));
}

/** A title or name as one line of plain text; markup (which RSS titles often carry) removed. */
function plainLine(value: string | undefined | null, html = TAG.test(value ?? '')): string | null {
  if (value === undefined || value === null) return null;
  const line = demoronize(html ? htmlToLine(value) : value.replace(/[ \t\n\r\f]+/g, ' ').trim());
  return line === '' ? null : line;
}

function text(value: string | undefined | null, html: boolean): FeedText | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  return { value: demoronize(value), html };
}

function firstDate(...values: (string | undefined | null)[]): Date | null {
  for (const value of values) {
    const date = parseFeedDate(value);
    if (date) return date;
  }
  return null;
}

function distinct(values: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const line = plainLine(value ?? null, false);
    if (line !== null && !out.includes(line)) out.push(line);
  }
  return out;
}

function enclosure(url: string | undefined, type: string | undefined, length: number | string | undefined, base: string | null): Enclosure | null {
  const safe = safeUrl(url, base);
  if (safe === null) return null;
  const bytes = Number(length);
  return { url: safe, type: type?.trim() || null, length: Number.isFinite(bytes) && bytes > 0 ? bytes : null };
}

function baseOf(own: string | undefined, outer: string | null): string | null {
  if (!own) return outer;
  return safeUrl(own, outer) ?? outer;
}

/** `Name (email)`, as feedparser writes an author; either part alone when the other is missing. */
function person(name?: string, email?: string): string | null {
  const n = plainLine(name ?? null);
  const e = plainLine(email ?? null);
  if (n !== null && e !== null && n !== e) return `${n} (${e})`;
  return n ?? e;
}

/** Atom text constructs: `html`, `xhtml` (and Atom 0.3's `text/html`, `escaped`) are markup. */
function isAtomHtml(type: string | undefined): boolean {
  return type !== undefined && /html/i.test(type);
}

/**
 * Atom content of a media type that is neither text nor XML is base64 (RFC 4287, 4.1.3.3);
 * feeds put HTML in it, so once decoded it is read as HTML.
 */
function atomText(value: string | undefined, type: string | undefined): FeedText | null {
  if (value !== undefined && type !== undefined && /\//.test(type) && !/^text\/|[+/]xml$|html/i.test(type.trim())) {
    return text(Buffer.from(value.replace(/\s+/g, ''), 'base64').toString('utf8'), true);
  }
  return text(value, isAtomHtml(type));
}

function rssEntry(item: RssFeed.Item<string>, feedBase: string | null): FeedEntry {
  const base = baseOf(item.xml?.base, feedBase);
  const guid = item.guid?.value?.trim() || null;
  const permalink = guid && item.guid?.isPermaLink !== false && /^https?:/i.test(guid) ? guid : null;
  const atomLink = item.atom?.links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
  const enclosures = (item.enclosures ?? []).map((e) => enclosure(e.url, e.type, e.length, base));
  return {
    guid: guid ?? item.atom?.id?.trim() ?? null,
    title: plainLine(item.title ?? item.dc?.titles?.[0] ?? item.atom?.title?.value),
    link: safeUrl(item.link ?? atomLink ?? permalink, base),
    summary: text(item.description ?? item.dc?.descriptions?.[0] ?? item.atom?.summary?.value ?? item.itunes?.summary, true),
    content: text(item.content?.encoded ?? item.atom?.content?.value, true),
    author: person(item.authors?.[0]?.name, item.authors?.[0]?.email) ?? plainLine(item.dc?.creators?.[0] ?? item.atom?.authors?.[0]?.name ?? item.itunes?.author),
    published: firstDate(item.pubDate, item.dc?.dates?.[0], item.atom?.published, item.dcterms?.issued?.[0]),
    updated: firstDate(item.atom?.updated, item.dcterms?.modified?.[0]),
    categories: distinct([...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])]),
    enclosures: enclosures.filter((e): e is Enclosure => e !== null),
    base,
  };
}

function rdfEntry(item: RdfFeed.Item<string>, feedBase: string | null): FeedEntry {
  const base = baseOf(item.xml?.base, feedBase);
  return {
    guid: item.rdf?.about?.trim() || null,
    title: plainLine(item.title ?? item.dc?.titles?.[0]),
    link: safeUrl(item.link ?? item.rdf?.about, base),
    summary: text(item.description ?? item.dc?.descriptions?.[0], true),
    content: text(item.content?.encoded, true),
    author: plainLine(item.dc?.creators?.[0]),
    published: firstDate(item.dc?.dates?.[0], item.dcterms?.issued?.[0]),
    updated: firstDate(item.dcterms?.modified?.[0]),
    categories: distinct(item.dc?.subjects ?? []),
    enclosures: [],
    base,
  };
}

function atomLink(links: AtomFeed.Link<string>[] | undefined, base: string | null): string | null {
  const link = links?.find((l) => !l.rel || l.rel === 'alternate') ?? links?.find((l) => l.rel !== 'enclosure' && l.rel !== 'self');
  return safeUrl(link?.href, base);
}

function atomEntry(entry: AtomFeed.Entry<string>, feedBase: string | null): FeedEntry {
  const base = baseOf(entry.xml?.base, feedBase);
  const contentBase = baseOf(entry.content?.xml?.base, base);
  const enclosures = (entry.links ?? []).filter((l) => l.rel === 'enclosure').map((l) => enclosure(l.href, l.type, l.length, base));
  const title = atomText(entry.title?.value, entry.title?.type);
  return {
    guid: entry.id?.trim() || null,
    title: plainLine(title?.value, (title?.html ?? false) || TAG.test(title?.value ?? '')),
    link: atomLink(entry.links, base),
    summary: atomText(entry.summary?.value, entry.summary?.type),
    // Content given by reference (`src`) has nothing to show here but its link.
    content: atomText(entry.content?.value, entry.content?.type),
    author: person(entry.authors?.[0]?.name, entry.authors?.[0]?.email) ?? plainLine(entry.dc?.creators?.[0]),
    published: firstDate(entry.published, entry.dc?.dates?.[0], entry.dcterms?.issued?.[0]),
    updated: firstDate(entry.updated, entry.dcterms?.modified?.[0]),
    categories: distinct((entry.categories ?? []).map((c) => c.term ?? c.label)),
    enclosures: enclosures.filter((e): e is Enclosure => e !== null),
    base: contentBase,
  };
}

function jsonEntry(item: JsonFeed.Item<string>, base: string | null): FeedEntry {
  const attachments = (item.attachments ?? []).map((a) => enclosure(a.url, a.mime_type, a.size_in_bytes, base));
  // JSON Feed 1.0 had one `author`; 1.1 has `authors`.
  const legacy = (item as { author?: { name?: string } }).author;
  return {
    guid: item.id === undefined || item.id === null ? null : String(item.id).trim() || null,
    title: plainLine(item.title, false),
    link: safeUrl(item.url ?? item.external_url, base),
    summary: text(item.summary, false),
    content: item.content_html ? text(item.content_html, true) : text(item.content_text, false),
    author: plainLine(item.authors?.[0]?.name ?? legacy?.name, false),
    published: firstDate(item.date_published),
    updated: firstDate(item.date_modified),
    categories: distinct(item.tags ?? []),
    enclosures: attachments.filter((e): e is Enclosure => e !== null),
    base,
  };
}

/** Normalise a parsed feed. `source` is the document's URL (a base for relative links) or path. */
export function normaliseFeed(parsed: AnyFeed<string>, source: string | null): FeedDocument {
  const sourceBase = source !== null && /^https?:/i.test(source) ? source : null;
  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      const link = safeUrl(feed.link ?? feed.atom?.links?.find((l) => l.rel === 'alternate')?.href, sourceBase);
      const base = baseOf(feed.xml?.base, sourceBase ?? link);
      return {
        format: 'rss',
        title: plainLine(feed.title ?? feed.dc?.titles?.[0]),
        link,
        updated: firstDate(feed.lastBuildDate, feed.pubDate, feed.dc?.dates?.[0], feed.atom?.updated),
        entries: (feed.items ?? []).map((item) => rssEntry(item, base)),
        warnings: [],
      };
    }
    case 'rdf': {
      const feed = parsed.feed;
      const link = safeUrl(feed.link, sourceBase);
      const base = baseOf(feed.xml?.base, sourceBase ?? link);
      return {
        format: 'rdf',
        title: plainLine(feed.title ?? feed.dc?.titles?.[0]),
        link,
        updated: firstDate(feed.dc?.dates?.[0]),
        entries: (feed.items ?? []).map((item) => rdfEntry(item, base)),
        warnings: [],
      };
    }
    case 'atom': {
      const feed = parsed.feed;
      const base = baseOf(feed.xml?.base, sourceBase);
      const link = atomLink(feed.links, base);
      const title = atomText(feed.title?.value, feed.title?.type);
      return {
        format: 'atom',
        title: plainLine(title?.value, (title?.html ?? false) || TAG.test(title?.value ?? '')),
        link,
        updated: firstDate(feed.updated),
        entries: (feed.entries ?? []).map((entry) => atomEntry(entry, base ?? link)),
        warnings: [],
      };
    }
    case 'json': {
      const feed = parsed.feed;
      const link = safeUrl(feed.home_page_url, sourceBase);
      const base = sourceBase ?? safeUrl(feed.feed_url) ?? link;
      return {
        format: 'json',
        title: plainLine(feed.title, false),
        link,
        updated: null,
        entries: (feed.items ?? []).map((item) => jsonEntry(item, base)),
        warnings: [],
      };
    }
  }
}
