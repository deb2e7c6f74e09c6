/**
 * Evaluating the `Expect:` lines of Python feedparser's test suite against our parser.
 * Only the simple forms are evaluated: `not bozo and X == LITERAL and ...` where X is a
 * feed or entry field a feed article carries (title, link, id, summary/description,
 * content, author, the dates, tags, enclosures). Everything else is either not about
 * those fields (not counted) or skipped with the reason (counted and listed).
 *
 * Text fields are compared as the text a reader sees: feedparser's expected value is
 * sanitised HTML, our article holds the text of that HTML, so both sides go through the
 * same HTML-to-text step and are compared with whitespace collapsed.
 */
import { htmlToBlocks } from '../../src/feed/html-blocks.js';
import type { FeedDocument, FeedEntry, FeedText } from '../../src/feed/types.js';

type Literal = string | number | number[];

interface Comparison {
  scope: 'feed' | 'entry';
  entry: number;
  /** Keys after `feed` / `entries[i]`, e.g. ['tags', 0, 'term']. */
  keys: (string | number)[];
  expected: Literal;
}

export type Parsed = { kind: 'checks'; checks: Comparison[] } | { kind: 'skip'; reason: string } | { kind: 'unrelated' };

const FIELDS = new Set([
  'title', 'link', 'id', 'guid', 'summary', 'description', 'content', 'author', 'published_parsed', 'updated_parsed',
  'date_parsed', 'issued_parsed', 'modified_parsed', 'created_parsed', 'tags', 'category', 'enclosures',
]);

/** Feed-level fields a feed article does not carry (only the feed's title, link and date do). */
const FEED_FIELDS = new Set(['title', 'link', 'updated_parsed', 'date_parsed', 'modified_parsed', 'published_parsed']);

function pythonString(source: string): { value: string; rest: string } | null {
  const m = /^[uUbBrR]?(['"])/.exec(source);
  if (!m) return null;
  const raw = /^[rR]/.test(source);
  const quote = m[1] as string;
  let i = m[0].length;
  let value = '';
  while (i < source.length && source[i] !== quote) {
    const ch = source[i] as string;
    if (ch === '\\' && !raw) {
      const next = source[i + 1];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
      if (next === 'x') {
        value += String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16));
        i += 4;
      } else if (next === 'u') {
        value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
        i += 6;
      } else if (next === 'U') {
        value += String.fromCodePoint(parseInt(source.slice(i + 2, i + 10), 16));
        i += 10;
      } else if (next !== undefined && next in simple) {
        value += simple[next];
        i += 2;
      } else {
        value += ch;
        i += 1;
      }
    } else {
      value += ch;
      i += 1;
    }
  }
  if (i >= source.length) return null;
  return { value, rest: source.slice(i + 1) };
}

function literal(source: string): { value: Literal; rest: string } | null {
  const s = source.trimStart();
  const str = pythonString(s);
  if (str) return { value: str.value, rest: str.rest };
  const num = /^-?\d+(?![\w.])/.exec(s);
  if (num) return { value: Number(num[0]), rest: s.slice(num[0].length) };
  const tuple = /^\(\s*(-?\d+(?:\s*,\s*-?\d+)*)\s*,?\s*\)/.exec(s);
  if (tuple) return { value: (tuple[1] as string).split(',').map((n) => Number(n.trim())), rest: s.slice(tuple[0].length) };
  return null;
}

/** `feed['a'][0]['b']`, `entries[0]['a']`, `feed.title`: the path, and what follows. */
function accessor(source: string): { scope: 'feed' | 'entry'; entry: number; keys: (string | number)[]; rest: string } | null {
  let s = source.trimStart();
  const head = /^(feed|entries\[(\d+)\])/.exec(s);
  if (!head) return null;
  const scope = head[1] === 'feed' ? 'feed' : 'entry';
  const entry = Number(head[2] ?? 0);
  s = s.slice(head[0].length);
  const keys: (string | number)[] = [];
  for (;;) {
    const index = /^\[(\d+)\]/.exec(s);
    if (index) {
      keys.push(Number(index[1]));
      s = s.slice(index[0].length);
      continue;
    }
    if (s.startsWith('[')) {
      const key = pythonString(s.slice(1));
      if (!key || !key.rest.startsWith(']')) return null;
      keys.push(key.value);
      s = key.rest.slice(1);
      continue;
    }
    const attr = /^\.([a-z_]+)/.exec(s);
    if (attr) {
      keys.push(attr[1] as string);
      s = s.slice(attr[0].length);
      continue;
    }
    break;
  }
  return { scope, entry, keys, rest: s };
}

export function parseExpectation(expect: string): Parsed {
  const terms: string[] = [];
  // Split on ` and ` outside string literals.
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < expect.length; i++) {
    const ch = expect[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (depth === 0 && expect.startsWith(' and ', i)) {
      terms.push(expect.slice(start, i));
      start = i + 5;
    }
  }
  terms.push(expect.slice(start));

  const checks: Comparison[] = [];
  let related = false;
  let unsupported: string | null = null;
  for (const raw of terms.map((t) => t.trim())) {
    if (raw === 'bozo' || raw === 'not bozo') continue;
    const access = accessor(raw);
    const field = access?.keys[0];
    if (access && typeof field === 'string' && FIELDS.has(field)) {
      related = true;
      const sub = access.keys.slice(1);
      const carried =
        (field !== 'content' && field !== 'tags' && field !== 'enclosures' && sub.length === 0) ||
        (field === 'content' && sub[0] === 0 && sub[1] === 'value') ||
        (field === 'tags' && typeof sub[0] === 'number' && sub[1] === 'term') ||
        (field === 'enclosures' && typeof sub[0] === 'number' && ['href', 'url', 'type', 'length'].includes(String(sub[1])));
      if (!carried) {
        unsupported ??= `${access.keys.join('.')} is not carried by a feed article`;
        continue;
      }
      if (access.scope === 'feed' && !FEED_FIELDS.has(field)) {
        unsupported ??= `feed-level ${field} is not a field of a feed article`;
        continue;
      }
      const op = /^\s*==\s*/.exec(access.rest);
      const value = op ? literal(access.rest.slice(op[0].length)) : null;
      if (!op || !value || value.rest.trim() !== '') {
        unsupported ??= `not a simple == form: ${raw}`;
        continue;
      }
      checks.push({ scope: access.scope, entry: access.entry, keys: access.keys, expected: value.value });
    } else if (/\b(feed|entries)\b/.test(raw) && /\['(title|link|id|summary|description|content|author|tags|enclosures)'\]/.test(raw)) {
      related = true;
      unsupported ??= `not a simple == form: ${raw}`;
    } else if (access || /\bentries\b|\bfeed\b/.test(raw)) {
      // A term about some other field: this expectation is not about article fields.
      return related ? { kind: 'skip', reason: `also checks another field: ${raw}` } : { kind: 'unrelated' };
    } else {
      return related ? { kind: 'skip', reason: `also checks: ${raw}` } : { kind: 'unrelated' };
    }
  }
  if (!related) return { kind: 'unrelated' };
  if (unsupported) return { kind: 'skip', reason: unsupported };
  return { kind: 'checks', checks };
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The text a reader sees of some HTML. */
export function readerText(html: string): string {
  return collapse(htmlToBlocks(html, { references: false }).blocks.map((b) => b.lines.map((l) => l.trim()).join(' ')).join(' '));
}

function ourText(text: FeedText | null): string | null {
  if (text === null) return null;
  return text.html ? readerText(text.value) : collapse(text.value);
}

function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

function dateTuple(date: Date | null): number[] | null {
  if (date === null) return null;
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
}

function entryValue(entry: FeedEntry, keys: (string | number)[]): unknown {
  const [field, ...rest] = keys;
  switch (field) {
    case 'title':
      return entry.title === null ? null : collapse(entry.title);
    case 'link':
      return entry.link;
    case 'id':
    case 'guid':
      return entry.guid;
    case 'summary':
    case 'description':
      return ourText(entry.summary ?? entry.content);
    case 'content':
      // content[0]['value']
      if (rest[0] === 0 && rest[1] === 'value') return ourText(entry.content);
      return undefined;
    case 'author':
      return entry.author;
    case 'published_parsed':
    case 'issued_parsed':
    case 'date_parsed':
      return dateTuple(entry.published ?? entry.updated);
    case 'updated_parsed':
    case 'modified_parsed':
      return dateTuple(entry.updated ?? entry.published);
    case 'created_parsed':
      return dateTuple(entry.published);
    case 'tags':
    case 'category':
      if (field === 'category') return entry.categories[0] ?? null;
      if (typeof rest[0] === 'number' && rest[1] === 'term') return entry.categories[rest[0]] ?? null;
      return undefined;
    case 'enclosures': {
      const enclosure = typeof rest[0] === 'number' ? entry.enclosures[rest[0]] : undefined;
      if (!enclosure) return null;
      if (rest[1] === 'href' || rest[1] === 'url') return enclosure.url;
      if (rest[1] === 'type') return enclosure.type;
      if (rest[1] === 'length') return enclosure.length === null ? null : String(enclosure.length);
      return undefined;
    }
    default:
      return undefined;
  }
}

function feedValue(document: FeedDocument, keys: (string | number)[]): unknown {
  switch (keys[0]) {
    case 'title':
      return document.title;
    case 'link':
      return document.link;
    default:
      return dateTuple(document.updated);
  }
}

/** Does our document meet one comparison? `undefined` from a lookup means unsupported. */
export function check(document: FeedDocument, comparison: Comparison): { pass: boolean; actual: unknown } {
  let actual: unknown;
  if (comparison.scope === 'feed') actual = feedValue(document, comparison.keys);
  else {
    const entry = document.entries[comparison.entry];
    actual = entry ? entryValue(entry, comparison.keys) : null;
  }
  const { expected } = comparison;
  const field = comparison.keys[0];
  if (Array.isArray(expected)) {
    return { pass: Array.isArray(actual) && expected.slice(0, 6).every((n, i) => n === actual[i]), actual };
  }
  const textual = field === 'title' || field === 'summary' || field === 'description' || field === 'content' || field === 'author';
  // An absent text field and an expected value with no visible text read the same.
  if (actual === null && textual && typeof expected === 'string' && readerText(expected) === '') return { pass: true, actual };
  if (typeof actual !== 'string') return { pass: false, actual };
  if (typeof expected !== 'string') return { pass: String(expected) === actual, actual };
  if (field === 'link' || (field === 'enclosures' && comparison.keys[2] === 'href')) {
    return { pass: normaliseUrl(actual) === normaliseUrl(expected), actual };
  }
  if (textual) {
    // Equal as written (plain text), or as the text a reader sees of feedparser's HTML.
    return { pass: collapse(actual) === collapse(expected) || collapse(actual) === readerText(expected), actual };
  }
  return { pass: collapse(actual) === collapse(expected), actual };
}
