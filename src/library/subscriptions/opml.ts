/**
 * OPML 1.0/2.0 subscription lists, read and written with feedsmith. On reading, an outline
 * with an xmlUrl is a feed; the outlines it is nested in (folders) and its `category`
 * attribute give its tags. On writing, OPML 2.0 with one outline a feed and its tags in
 * `category`, which reading gives back as the same tags.
 */
import { generateOpml, parseOpml, type Opml } from 'feedsmith';
import { isFeedUrl } from '../feed-names.js';
import { cleanTags, displayTitle, type Subscription } from './store.js';

type Outline = Opml.Outline<string>;

export interface OpmlFeed {
  url: string;
  title: string | null;
  tags: string[];
}

export interface ReadOpml {
  feeds: OpmlFeed[];
  /** Outlines left out, and why. */
  warnings: string[];
}

/** `category` is comma-separated; each item may be a slash-delimited path (`/News/World`). */
function categoryTags(category: string | undefined): string[] {
  if (category === undefined) return [];
  return category.split(',').map((item) => item.trim().replace(/^\/+|\/+$/g, ''));
}

/** The feeds of an OPML document, in document order; null when the text is not OPML. */
export function readOpml(text: string): ReadOpml | null {
  let document: Opml.Document<string>;
  try {
    document = parseOpml(text) as Opml.Document<string>;
  } catch {
    return null;
  }
  const feeds: OpmlFeed[] = [];
  const warnings: string[] = [];
  const walk = (outlines: readonly Outline[] | undefined, folders: string[]): void => {
    for (const outline of outlines ?? []) {
      const name = (outline.title ?? outline.text ?? '').trim();
      const url = outline.xmlUrl?.trim();
      if (url === undefined || url === '') {
        // A folder: what is inside is tagged with its name.
        walk(outline.outlines, name === '' ? folders : [...folders, name]);
        continue;
      }
      if (!isFeedUrl(url)) {
        warnings.push(`${url}: not an http:// or https:// feed URL, left out`);
        continue;
      }
      feeds.push({ url, title: name === '' ? null : name, tags: cleanTags([...folders, ...categoryTags(outline.category)]) });
      walk(outline.outlines, folders);
    }
  };
  walk(document.body?.outlines as Outline[] | undefined, []);
  return { feeds, warnings };
}

/** The subscriptions as an OPML 2.0 document. */
export function writeOpml(subscriptions: readonly Subscription[], now = new Date()): string {
  const outlines = subscriptions.map((s) => ({
    text: displayTitle(s),
    title: displayTitle(s),
    type: 'rss',
    xmlUrl: s.url,
    ...(s.tags.length > 0 ? { category: s.tags.join(',') } : {}),
  }));
  return generateOpml({ head: { title: 'newsreader subscriptions', dateCreated: now }, body: { outlines } }) as string;
}
