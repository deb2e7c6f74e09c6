/**
 * FeedDocument -> articles shaped like the text format's (FORMAT.md): a headline, a
 * standfirst (the summary, when it is more than the start of the content), a credit
 * (the author), a dateline, captions and paragraphs from the content's HTML, the list of
 * numbered links, and the feed's title as the attribution.
 */
import { createHash } from 'node:crypto';
import { joinLines } from '../article/block-text.js';
import { wordCount } from '../article/credits.js';
import type { Block } from '../article/types.js';
import { hasControlOrFormatCharacters } from '../unicode/unsafe-characters.js';
import { htmlToBlocks, type TextBlock } from './html-blocks.js';
import type { Enclosure, FeedArticle, FeedDocument, FeedEntry, FeedText } from './types.js';

export interface FeedLocation {
  /** The feed's URL or path, as the user gave it. */
  source: string;
  /** Folder below the library root, or null. */
  section: string | null;
  /** When the feed was read: the date of an entry the feed leaves undated. */
  readAt: Date;
}

function hash(...parts: string[]): string {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part).update('\0');
  return digest.digest('hex').slice(0, 16);
}

/** Plain text split the way article files are: blank lines end a block. */
function plainBlocks(value: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  for (const line of value.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (lines.length > 0) blocks.push({ kind: 'paragraph', lines });
      lines = [];
    } else lines.push(line.trimEnd());
  }
  if (lines.length > 0) blocks.push({ kind: 'paragraph', lines });
  return blocks;
}

function render(text: FeedText | null, base: string | null, references: boolean): { blocks: TextBlock[]; links: string[] } {
  if (text === null) return { blocks: [], links: [] };
  if (!text.html) return { blocks: plainBlocks(text.value), links: [] };
  return htmlToBlocks(text.value, { base, references });
}

const flat = (blocks: TextBlock[]): string => blocks.map((b) => joinLines(b.lines)).join(' ').replace(/\s+/g, ' ').trim();

/**
 * Text in these ranges (printable ASCII and Latin-1, common punctuation, the euro sign)
 * has no control or formatting character, so the sanitiser's full check can be skipped.
 */
const PLAIN = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u20ac]*$/;
const hasUnsafeCharacters = (line: string): boolean => !PLAIN.test(line) && hasControlOrFormatCharacters(line);

/** A summary that only repeats the start of the content (often cut with an ellipsis) adds nothing. */
function repeatsContent(summary: string, content: string): boolean {
  const start = summary.replace(/\s*(?:\[?(?:\.\.\.|\u2026)\]?|\[\.\.\.\]|read more.*)$/i, '').trim();
  return start === '' || content.includes(start);
}

function humanBytes(length: number): string {
  if (length >= 1024 * 1024) return `${(length / 1024 / 1024).toFixed(1)} MB`;
  if (length >= 1024) return `${Math.round(length / 1024)} KB`;
  return `${length} bytes`;
}

function enclosureLine(enclosure: Enclosure): string {
  const details = [enclosure.type, enclosure.length === null ? null : humanBytes(enclosure.length)].filter((d) => d !== null);
  return `Enclosure: ${enclosure.url}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

/** `Tue, 06 Sep 2016 14:05 UTC`: a dateline the text format's date reader also accepts. */
function datelineText(date: Date): string {
  const utc = date.toUTCString(); // "Tue, 06 Sep 2016 14:05:00 GMT"
  return `Published ${utc.slice(0, 22)} UTC`;
}

function block(kind: Block['kind'], lines: string[]): Block {
  return { kind, text: joinLines(lines), lines };
}

/**
 * The entry's stable id: its guid or id within its feed, else its link, else a hash of its
 * title and content. The feed is named by its link or title, not by where it was read
 * from, so the same feed moved or fetched from a mirror keeps its entries' ids.
 */
export function entryId(entry: FeedEntry, document: Pick<FeedDocument, 'link' | 'title'>, contentText: () => string, index: number): string {
  const feedKey = document.link ?? document.title ?? '';
  if (entry.guid !== null) return hash('guid', feedKey, entry.guid);
  if (entry.link !== null) return hash('link', entry.link);
  // Entries with nothing in them are told apart only by where they stand.
  const text = contentText();
  if (entry.title === null && text === '') return hash('empty', feedKey, String(index));
  return hash('text', feedKey, entry.title ?? '', text);
}

function headlineOf(entry: FeedEntry, bodyText: string): string {
  if (entry.title !== null) return entry.title;
  // An untitled entry (allowed in RSS) is named by the start of its text.
  const words = bodyText.split(' ').slice(0, 12).join(' ');
  if (words !== '') return words.length < bodyText.length ? `${words}…` : words;
  return entry.link ?? '(untitled)';
}

export function entryToArticle(entry: FeedEntry, document: FeedDocument, location: FeedLocation, index = 0): FeedArticle {
  const content = render(entry.content ?? entry.summary, entry.base, true);
  const summary = entry.content !== null ? render(entry.summary, entry.base, false) : { blocks: [], links: [] };
  // The flattened texts are only needed to compare the summary, name an untitled entry or
  // identify an entry without guid or link.
  let contentFlat: string | null = null;
  const contentText = (): string => (contentFlat ??= flat(content.blocks));
  const summaryText = flat(summary.blocks);
  const when = entry.published ?? entry.updated ?? document.updated ?? location.readAt;

  const blocks: Block[] = [block('headline', [entry.title ?? headlineOf(entry, contentText() || summaryText)])];
  if (summaryText !== '' && !repeatsContent(summaryText, contentText())) blocks.push(block('standfirst', [summaryText]));
  if (entry.author !== null) blocks.push(block('credit', [`By: ${entry.author}`]));
  blocks.push(block('dateline', [datelineText(when)]));
  for (const b of content.blocks) blocks.push(block(b.kind, b.lines));
  const references = [
    ...(entry.link !== null ? [`Link: ${entry.link}`] : []),
    ...entry.enclosures.map(enclosureLine),
    ...content.links.map((url, i) => `[${i + 1}] ${url}`),
  ];
  if (references.length > 0) blocks.push(block('paragraph', references));
  if (document.title !== null) blocks.push(block('attribution', [document.title]));

  const warnings = [...document.warnings];
  if (blocks.some((b) => b.lines.some(hasUnsafeCharacters))) {
    warnings.push('control or invisible formatting characters removed for display');
  }
  const id = entryId(entry, document, contentText, index);
  const counted = blocks.filter((b) => b.kind === 'headline' || b.kind === 'standfirst' || b.kind === 'paragraph');
  return {
    id,
    path: `${location.source}#${id}`,
    section: location.section,
    headline: blocks[0]?.text ?? '',
    standfirst: blocks.find((b) => b.kind === 'standfirst')?.text ?? null,
    date: when.toISOString().slice(0, 10),
    source: location.source,
    credits: entry.author !== null ? [entry.author] : [],
    blocks,
    words: counted.reduce((sum, b) => sum + (b.lines === references ? 0 : wordCount(b.text)), 0),
    warnings,
    feedFields: {
      url: entry.link,
      feed: document.title,
      published: entry.published || entry.updated || document.updated ? when.toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
      author: entry.author,
      categories: entry.categories,
      enclosures: entry.enclosures,
      source: location.source,
    },
  };
}

/**
 * Every entry of a feed as an article; none is dropped, whatever it lacks. A feed that
 * repeats a guid gets a second article for the repeat (its id also hashes its position),
 * so neither entry hides the other.
 */
export function feedToArticles(document: FeedDocument, location: FeedLocation): FeedArticle[] {
  const seen = new Set<string>();
  return document.entries.map((entry, index) => {
    const article = entryToArticle(entry, document, location, index);
    if (seen.has(article.id)) {
      const id = hash('repeat', article.id, String(index));
      Object.assign(article, { id, path: `${location.source}#${id}` });
    }
    seen.add(article.id);
    return article;
  });
}
