/**
 * A month of articles for the reader's component tests: days of January 2016, one article
 * each, so the list shows them newest (day 30) first; two are long enough to page through,
 * and every third mentions oil, for searches with known hits.
 */
import { fixtureDbFromTexts, type FixtureDb } from '../search/fixture-db.js';

export const DAYS = 30;
/** Articles set long enough to scroll (the list rows where they sit: 0 and 2). */
export const LONG_DAYS = new Set([30, 28]);

export function dayText(day: number): string {
  const oil = day % 3 === 0 ? ' Oil prices rose again.' : '';
  const paragraphs = LONG_DAYS.has(day)
    ? Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the long story of day ${day}.${oil}`)
    : [`The short story of day ${day}.${oil}`];
  paragraphs.push(`Last words of day ${day}.`);
  return `Story of day ${day}\n\nUpdated Jan ${day}, 2016\n\n${paragraphs.join('\n\n')}\n`;
}

/** The month in a database of its own. */
export function daysFixture(): Promise<FixtureDb> {
  const days = Array.from({ length: DAYS }, (_, i) => i + 1);
  return fixtureDbFromTexts(days.map((day) => ({ path: `news/day-${day}.txt`, text: dayText(day) })));
}
