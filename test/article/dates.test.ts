import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/article/dates.js';

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
