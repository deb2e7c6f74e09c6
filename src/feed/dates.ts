/**
 * Feed dates -> Date (UTC). Feeds write RFC 822 (RSS), RFC 3339 / W3C-DTF (Atom, Dublin
 * Core, JSON Feed) and many broken variants of both: two-digit years, missing seconds,
 * missing or misspelt weekdays, zone names instead of offsets, `T` or space between date and
 * time, dates with no zone at all (read as UTC, as feedparser does). Anything else is
 * unknown (null), never a guess against the local clock.
 */

/** Zone names real feeds use, in minutes east of UTC (RFC 822 names plus common ones). */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 60, CET: 60, MET: 60, MEZ: 60, CEST: 120, MEST: 120, MESZ: 120,
  EET: 120, EEST: 180, MSK: 180, MSD: 240, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600, HAST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  JST: 540, KST: 540, HKT: 480, SGT: 480, AWST: 480, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
  // RFC 822 military zones, as RFC 1123 reads them (A = +1 ... Z = 0).
  A: 60, B: 120, C: 180, D: 240, E: 300, F: 360, G: 420, H: 480, I: 540, K: 600, L: 660, M: 720,
  N: -60, O: -120, P: -180, Q: -240, R: -300, S: -360, T: -420, U: -480, V: -540, W: -600, X: -660, Y: -720,
};

/** Month abbreviations: English, and the German, French, Spanish and Portuguese ones feeds use. */
const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
  mär: 2, mai: 4, okt: 9, dez: 11, fév: 1, fev: 1, avr: 3, jui: 6, aoû: 7, aou: 7, déc: 11,
  ene: 0, abr: 3, ago: 7, dic: 11, set: 8, out: 9,
};

/** Minutes east of UTC for a zone token (`+0100`, `-05:00`, `GMT+2`, `EST`), or null. */
function zoneOffset(token: string | undefined): number | null {
  if (token === undefined || token === '') return 0;
  const numeric = /^(?:(?:GMT|UTC|UT))?([+-])(\d{1,2}):?(\d{2})?$/i.exec(token);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[token.toUpperCase()];
  return named ?? null;
}

function fullYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

function utc(year: number, month: number, day: number, h: number, m: number, s: number, ms: number, offset: number): Date | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || h > 24 || m > 59 || s > 60) return null;
  const date = new Date(Date.UTC(year, month, day, h, m, Math.min(s, 59), ms) - offset * 60_000);
  if (Number.isNaN(date.getTime())) return null;
  // Reject 31 February and the like, which Date.UTC would roll into the next month.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return null;
  return date;
}

// 2003-12-31T10:14:55.123-08:00, 2003-12-31 10:14, 20031231T101455Z, 2003-12, 2003
const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|[A-Z]{1,5})?)?)?)?$/i;

function parseIso(text: string): Date | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const offset = zoneOffset(m[8]);
  if (offset === null) return null;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return utc(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, offset);
}

// [Weekday,] 6 Sep 2016 14:05[:00] [zone], and the order-swapped `Sep 6 2016` forms.
// `1500` for `15:00` occurs too (RFC 822 allows no colon-less form, but feeds write it).
const RFC822 = /^(?:\p{L}+\.?,?\s*)?(\d{1,2})[\s-]+(\p{L}{3,})\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):?(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(.*)$/u;
const MONTH_FIRST = /^(?:\p{L}+\.?,?\s*)?(\p{L}{3,})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/u;

function parseRfc822(text: string): Date | null {
  let day: string | undefined, monthName: string | undefined, year: string | undefined;
  let hh: string | undefined, mm: string | undefined, ss: string | undefined, zone: string | undefined;
  const m = RFC822.exec(text);
  if (m) [, day, monthName, year, hh, mm, ss, zone] = m;
  else {
    const f = MONTH_FIRST.exec(text);
    if (!f) return null;
    [, monthName, day, year, hh, mm, ss, zone] = f;
  }
  const month = MONTHS[(monthName ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined || day === undefined || year === undefined) return null;
  const offset = zoneOffset(zone?.trim().replace(/^\(|\)$/g, ''));
  if (offset === null) return null;
  return utc(fullYear(Number(year), year.length), month, Number(day), Number(hh ?? 0), Number(mm ?? 0), Number(ss ?? 0), 0, offset);
}

/** A feed date as a Date in UTC, or null when it cannot be read. */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim().replace(/\s+/g, ' ');
  // No real date is longer; a longer string is not worth matching patterns against.
  if (text === '' || text.length > 80) return null;
  return parseIso(text) ?? parseRfc822(text);
}
