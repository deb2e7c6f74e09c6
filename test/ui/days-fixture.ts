/**
 * A month of dated articles for reading-flow tests: one a day of January 2016, so the list
 * shows them newest (day 30) first and row N is day 30 - N; every third mentions oil.
 */
import { fixtureDbFromTexts, type FixtureDb } from '../search/fixture-db.js';

/** Days of January 2016, one article each. */
export const DAYS = 30;
/** Articles long enough to scroll and page through (list rows 0 and 2). */
const LONG_DAYS = new Set([30, 28]);

/** `lastWords`: end every article with a paragraph that names its day, to see its end on screen. */
function dayText(day: number, lastWords: boolean): string {
  const oil = day % 3 === 0 ? ' Oil prices rose again.' : '';
  const paragraphs = LONG_DAYS.has(day)
    ? Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the long story of day ${day}.${oil}`)
    : [`The short story of day ${day}.${oil}`];
  if (lastWords) paragraphs.push(`Last words of day ${day}.`);
  return `Story of day ${day}\n\nUpdated Jan ${day}, 2016\n\n${paragraphs.join('\n\n')}\n`;
}

/** A library database of the month, under news/day-N.txt. */
export function daysFixture(options: { lastWords?: boolean } = {}): Promise<FixtureDb> {
  const days = Array.from({ length: DAYS }, (_, i) => i + 1);
  return fixtureDbFromTexts(days.map((day) => ({ path: `news/day-${day}.txt`, text: dayText(day, options.lastWords ?? false) })));
}
