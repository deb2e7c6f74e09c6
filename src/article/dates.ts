/**
 * Reading the dates that datelines and captions carry (FORMAT.md "Dates to accept").
 * date-fns does the strict, locale-independent parsing of each pattern; this module only
 * lists the patterns and turns a trailing zone name into an offset.
 */
import { format, isValid, parse } from 'date-fns';

interface Pattern {
  /** date-fns pattern; matched against the whole string. */
  pattern: string;
  hasTime: boolean;
  /** The colons the text must have: only a literal `:` in the pattern reads one. */
  colons: number;
  /** What the text must start with: a digit for a year or day first, a letter for a month or weekday name. */
  first: 'digit' | 'letter' | 'any';
}

const DATE_ONLY = ['MMM d, yyyy', 'MMMM d, yyyy', 'MMM. d, yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'yyyy-MM-dd', 'MMM d yyyy', 'MMMM d yyyy'];
const TIMES = ['HH:mm', 'HH:mm:ss', 'h:mm a', 'h:mma'];

/** The accepted patterns in the order they are tried, with whether each carries a time. */
export const DATE_PATTERNS: readonly (readonly [pattern: string, hasTime: boolean])[] = [
  ...DATE_ONLY.map((pattern) => [pattern, false] as const),
  ...DATE_ONLY.flatMap((d) => TIMES.flatMap((t) => [`${d} ${t}`, `${d}, ${t}`].map((pattern) => [pattern, true] as const))),
  ["yyyy-MM-dd'T'HH:mm", true],
  ["yyyy-MM-dd'T'HH:mm:ss", true],
  ["yyyy-MM-dd'T'HH:mm:ss.SSS", true],
  ['EEE, dd MMM yyyy HH:mm:ss', true],
  ['EEE, d MMM yyyy HH:mm:ss', true],
  ['EEE, dd MMM yyyy HH:mm', true],
  ['EEEE, MMMM d, yyyy', false],
  ['EEE, MMM d, yyyy', false],
];

const countColons = (text: string): number => text.split(':').length - 1;

function firstOf(pattern: string): Pattern['first'] {
  if (/^[yd]/.test(pattern)) return 'digit';
  if (/^[ME]/.test(pattern)) return 'letter';
  return 'any';
}

// date-fns builds its parsers from the pattern on every call, so trying all 76 patterns on
// each dateline was a third of parsing an article; the text's first character and its
// colons rule out most of them beforehand without changing which one matches first.
const PATTERNS: Pattern[] = DATE_PATTERNS.map(([pattern, hasTime]) => ({
  pattern,
  hasTime,
  colons: countColons(pattern),
  first: firstOf(pattern),
}));

/** Datelines repeat (a day's articles share one), so recent answers are kept, up to this many. */
const REMEMBERED = 1024;
const remembered = new Map<string, string | null>();

/** Zone names and numeric offsets a dateline may end with, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  Z: 0, UTC: 0, GMT: 0, UT: 0, WET: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180,
  MSK: 180, IST: 330, CST: -360, CDT: -300, EST: -300, EDT: -240, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, AEST: 600, AEDT: 660,
};

const ZONE_SUFFIX = /(?:\s+([A-Z]{1,5})|(?<=\d)(Z)|\s*([+-])(\d{2}):?(\d{2}))$/;
const REFERENCE = new Date(2000, 0, 1);

function splitZone(text: string): { rest: string; offsetMinutes: number | null } {
  const m = ZONE_SUFFIX.exec(text);
  if (!m) return { rest: text, offsetMinutes: null };
  const rest = text.slice(0, m.index);
  const name = m[1] ?? m[2];
  if (name !== undefined) {
    const offset = ZONES[name];
    return offset === undefined ? { rest: text, offsetMinutes: null } : { rest, offsetMinutes: offset };
  }
  const sign = m[3] === '-' ? -1 : 1;
  return { rest, offsetMinutes: sign * (Number(m[4]) * 60 + Number(m[5])) };
}

/**
 * Parse a date as a dateline writes it. Returns ISO 8601: `YYYY-MM-DD` when no time was
 * given, `YYYY-MM-DDTHH:mm[:ss]` for a local time, and UTC `…Z` when a zone was named.
 * Returns null when the text is not one whole date.
 */
export function parseDate(input: string): string | null {
  const known = remembered.get(input);
  if (known !== undefined) return known;
  const date = parseDateText(input);
  if (remembered.size >= REMEMBERED) remembered.clear();
  remembered.set(input, date);
  return date;
}

function parseDateText(input: string): string | null {
  const text = input.replace(/\s+/g, ' ').trim();
  if (text.length < 6 || text.length > 64 || !/\d{4}/.test(text)) return null;
  const { rest, offsetMinutes } = splitZone(text);
  const colons = countColons(rest);
  const first = /^\d/.test(rest) ? 'digit' : /^\p{L}/u.test(rest) ? 'letter' : 'other';
  for (const { pattern, hasTime, colons: patternColons, first: patternFirst } of PATTERNS) {
    if (patternColons !== colons || (patternFirst !== 'any' && patternFirst !== first)) continue;
    const date = parse(rest, pattern, REFERENCE);
    if (!isValid(date) || date.getFullYear() < 1000) continue;
    if (!hasTime) return format(date, 'yyyy-MM-dd');
    if (offsetMinutes === null) {
      return format(date, date.getSeconds() === 0 && !/:\d\d:\d\d/.test(rest) ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
    }
    const asUtc = Date.UTC(
      date.getFullYear(), date.getMonth(), date.getDate(),
      date.getHours(), date.getMinutes(), date.getSeconds(),
    ) - offsetMinutes * 60_000;
    return new Date(asUtc).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return null;
}
