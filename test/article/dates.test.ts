import { format, isValid, parse } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { DATE_PATTERNS, parseDate } from '../../src/article/dates.js';

describe('parseDate', () => {
  it.each([
    ['Sep 6, 2016', '2016-09-06'],
    ['September 6, 2016', '2016-09-06'],
    ['6 Sep 2016', '2016-09-06'],
    ['6 September 2016', '2016-09-06'],
    ['2016-09-06', '2016-09-06'],
    ['2016-09-06 14:05', '2016-09-06T14:05'],
    ['2016-09-06T14:05:00Z', '2016-09-06T14:05:00Z'],
    ['Tue, 06 Sep 2016 14:05:00 GMT', '2016-09-06T14:05:00Z'],
    ['Sep 6, 2016 UTC', '2016-09-06'],
    ['2016-09-06 14:05 EST', '2016-09-06T19:05:00Z'],
    ['2016-09-06T14:05:00+02:00', '2016-09-06T12:05:00Z'],
    ['Sep 6, 2016 2:05 PM', '2016-09-06T14:05'],
    ['  Sep  6,  2016 ', '2016-09-06'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['yesterday', 'Sep 31, 2016', '2016-13-01', 'Sep 6', '6 Sep 2016 and more', '', '2016-09-06 25:00', 'Sep 6, 2016 XYZ'])(
    'refuses %j',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});

describe('parseDate on every accepted pattern', () => {
  // Mixed digits, one- and two-digit days and an afternoon hour, so each pattern's text
  // starts and reads as a real dateline written that way would.
  const when = new Date(2016, 8, 6, 14, 5, 7, 250);

  it.each(DATE_PATTERNS.map(([pattern, hasTime]) => [pattern, hasTime] as const))('reads a date written as %j', (pattern, hasTime) => {
    const text = format(when, pattern);
    const read = parseDate(text);
    if (!hasTime) expect(read).toBe('2016-09-06');
    else expect(read).toMatch(/^2016-09-06T14:05(:07)?$/);
  });

  it('gives what the first matching pattern gives, as trying them all in order would', () => {
    // Texts chosen so that the colons and the first character rule most patterns out.
    const texts = ['6 Sep 2016 14:05:07', 'Tue, 6 Sep 2016 14:05', 'September 6 2016 2:05pm', '2016-09-06T14:05:07.250', 'Sep. 6, 2016, 2:05 PM', '06 Sep 2016'];
    for (const text of texts) {
      const first = DATE_PATTERNS.map(([pattern, hasTime]) => ({ date: parse(text, pattern, new Date(2000, 0, 1)), hasTime })).find(({ date }) => isValid(date));
      expect(first, text).toBeDefined();
      const expected = first?.hasTime === false ? '2016-09-06' : format(first?.date ?? 0, first?.date.getSeconds() ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm");
      expect(parseDate(text), text).toBe(expected);
    }
  });

  it('answers the same for a text asked again', () => {
    expect(parseDate('Updated 6 Sep 2016'.slice(8))).toBe('2016-09-06');
    expect(parseDate('6 Sep 2016')).toBe('2016-09-06');
    expect(parseDate('6 Sep 2016 junk')).toBeNull();
    expect(parseDate('6 Sep 2016 junk')).toBeNull();
  });
});
