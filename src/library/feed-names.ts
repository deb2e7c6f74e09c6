/**
 * Telling feed URLs and feed file names apart from article paths, by name alone. Kept apart
 * from the feed parsers, which are heavy to load: the first screen and the folder walk
 * need only these.
 */

/** True for the `http://` and `https://` arguments read as feed URLs rather than paths. */
export function isFeedUrl(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

/** A library root as the store keeps it: a feed URL as given, a path made absolute. */
export function libraryRoot(given: string, resolve: (p: string) => string): string {
  return isFeedUrl(given) ? given : resolve(given);
}

/** Extensions a folder walk reads as possible feeds, besides `*.txt` articles. */
export const FEED_EXTENSIONS = ['.xml', '.rss', '.atom', '.rdf', '.json'];

export function hasFeedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return FEED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
