/** OPML subscription lists: nested folders as tags, categories, OPML 1.0 and 2.0, and writing them back. */
import { describe, expect, it } from 'vitest';
import { readOpml, writeOpml } from '../../../src/library/subscriptions/opml.js';
import type { Subscription } from '../../../src/library/subscriptions/store.js';

const OPML_1 = `<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0">
  <head><title>mySubscriptions.opml</title></head>
  <body>
    <outline text="News">
      <outline text="World">
        <outline text="BBC World" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
      </outline>
      <outline title="Reuters" text="reuters" type="rss" xmlUrl="https://reuters.example/feed" category="/Wires,daily"/>
    </outline>
    <outline text="No folder" type="rss" xmlUrl="http://plain.example/rss"/>
    <outline text="Local file" type="rss" xmlUrl="file:///etc/passwd"/>
    <outline text="Empty folder"/>
  </body>
</opml>`;

function subscription(url: string, title: string | null, tags: string[]): Subscription {
  return { url, title, feedTitle: null, tags, addedAt: 0, etag: null, lastModified: null, bodyHash: null, lastFetch: null, lastError: null, gone: false, retryAfter: null };
}

describe('OPML', () => {
  it('reads nested outlines as tags, categories as tags, and leaves out what is not a web feed', () => {
    const list = readOpml(OPML_1);
    expect(list?.feeds).toEqual([
      { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', title: 'BBC World', tags: ['News', 'World'] },
      { url: 'https://reuters.example/feed', title: 'Reuters', tags: ['News', 'Wires', 'daily'] },
      { url: 'http://plain.example/rss', title: 'No folder', tags: [] },
    ]);
    expect(list?.warnings).toEqual(['file:///etc/passwd: not an http:// or https:// feed URL, left out']);
  });

  it('is null for a document that is not OPML', () => {
    expect(readOpml('<rss version="2.0"><channel/></rss>')).toBeNull();
    expect(readOpml('not xml at all <<<')).toBeNull();
  });

  it('writes OPML 2.0 that reads back as the same feeds, titles and tags', () => {
    const subscriptions = [
      subscription('https://a.example/feed?x=1&y=2', 'Café & "Quotes" <here>', ['news', 'uk']),
      subscription('https://b.example/rss', null, []),
    ];
    const text = writeOpml(subscriptions, new Date(0));
    expect(text).toContain('<opml version="2.0">');
    expect(text).toContain('category="news,uk"');
    expect(readOpml(text)?.feeds).toEqual([
      { url: 'https://a.example/feed?x=1&y=2', title: 'Café & "Quotes" <here>', tags: ['news', 'uk'] },
      { url: 'https://b.example/rss', title: 'https://b.example/rss', tags: [] },
    ]);
  });
});
