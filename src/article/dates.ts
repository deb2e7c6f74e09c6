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
}

const DATE_ONLY = ['MMM d, yyyy', 'MMMM d, yyyy', 'MMM. d, yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'yyyy-MM-dd', 'MMM d yyyy', 'MMMM d yyyy'];
const TIMES = ['HH:mm', 'HH:mm:ss', 'h:mm a', 'h:mma'];

const PATTERNS: Pattern[] = [
  ...DATE_ONLY.map((pattern) => ({ pattern, hasTime: false })),
  ...DATE_ONLY.flatMap((d) =>
    TIMES.flatMap((t) => [`${d} ${t}`, `${d}, ${t}`].map((pattern) => ({ pattern, hasTime: true }))),
  ),
  { pattern: "yyyy-MM-dd'T'HH:mm", hasTime: true },
  { pattern: "yyyy-MM-dd'T'HH:mm:ss", hasTime: true },
  { pattern: "yyyy-MM-dd'T'HH:mm:ss.SSS", hasTime: true },
  { pattern: 'EEE, dd MMM yyyy HH:mm:ss', hasTime: true },
  { pattern: 'EEE, d MMM yyyy HH:mm:ss', hasTime: true },
  { pattern: 'EEE, dd MMM yyyy HH:mm', hasTime: true },
  { pattern: 'EEEE, MMMM d, yyyy', hasTime: false },
  { pattern: 'EEE, MMM d, yyyy', hasTime: false },
];

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
  const text = input.replace(/\s+/g, ' ').trim();
  if (text.length < 6 || text.length > 64 || !/\d{4}/.test(text)) return null;
  const { rest, offsetMinutes } = splitZone(text);
  for (const { pattern, hasTime } of PATTERNS) {
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
