/**
 * Hostile feed documents, generated here: each gives one clear line (an error or a warning),
 * keeps whatever can be kept, and ends.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FEED_BYTES, MAX_FEED_DEPTH, parseFeedBytes, type FeedParseResult } from '../../src/feed/parse.js';
import { feedToArticles } from '../../src/feed/to-articles.js';
import type { FeedArticle, FeedDocument } from '../../src/feed/types.js';
import { sanitize } from '../../src/terminal/sanitize.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

function item(i: number, extra = ''): string {
  return `<item><title>Entry ${i}</title><link>https://example.org/${i}</link><guid>g${i}</guid><description>Body ${i}</description>${extra}</item>`;
}

function rss(items: string, head = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${head}<rss version="2.0"><channel><title>Hostile</title><link>https://example.org/</link>${items}</channel></rss>`;
}

function documentOf(result: FeedParseResult): FeedDocument {
  if ('error' in result) throw new Error(result.error);
  return result.document;
}

function articles(document: FeedDocument): FeedArticle[] {
  return feedToArticles(document, { source: 'hostile.xml', section: null, readAt: new Date('2030-01-01T00:00:00Z') });
}

const allText = (list: FeedArticle[]): string => list.flatMap((a) => a.blocks.flatMap((b) => b.lines)).join('\n');

describe('hostile feed documents', () => {
  it('never expands entities (billion laughs): the DTD is ignored with a warning', () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const doc = rss(item(1).replace('Entry 1', '&lol9;'), `<!DOCTYPE rss [${entities.join('')}]>`);
    const document = documentOf(parseFeedBytes(bytes(doc), 'laughs.xml'));
    expect(document.entries).toHaveLength(1);
    expect(document.entries[0]?.title?.length ?? 0).toBeLessThan(20);
    expect(document.warnings).toContain('document type definition ignored: its entities are not expanded');
  });

  it('never reads an external entity (file:///etc/passwd), in the DTD or a parameter entity', () => {
    const head = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % pe SYSTEM "file:///etc/passwd"> %pe;]>';
    const doc = rss(item(1, '<author>&xxe;</author>').replace('Body 1', 'Body &xxe;'), head);
    const document = documentOf(parseFeedBytes(bytes(doc), 'xxe.xml'));
    const text = JSON.stringify(articles(document));
    expect(text).not.toMatch(/root:|\/bin\/(?:ba)?sh/);
    expect(document.entries[0]?.title).toBe('Entry 1');
  });

  it(`refuses a document over ${MAX_FEED_BYTES / 1024 / 1024} MiB in one line, before parsing`, () => {
    const big = Buffer.alloc(MAX_FEED_BYTES + 1, 0x20);
    bytes(rss(item(1))).copy(big);
    expect(parseFeedBytes(big, 'big.xml')).toEqual({ error: 'feed larger than 16 MiB, not read' });
  });

  it('reads 100,000 entries, every one', { timeout: 120_000 }, () => {
    const items: string[] = [];
    for (let i = 0; i < 100_000; i++) items.push(`<item><title>E${i}</title><guid>g${i}</guid></item>`);
    const document = documentOf(parseFeedBytes(bytes(rss(items.join(''))), 'many.xml'));
    expect(document.entries).toHaveLength(100_000);
    expect(document.entries[99_999]?.title).toBe('E99999');
  });

  it(`stops at elements nested more than ${MAX_FEED_DEPTH} deep, keeping the entries before them`, () => {
    const deep = `${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`;
    const doc = rss(`${item(1)}${item(2)}<item><title>3</title>${deep}</item>${item(4)}`);
    const document = documentOf(parseFeedBytes(bytes(doc), 'deep.xml'));
    expect(document.entries.map((e) => e.title)).toEqual(['Entry 1', 'Entry 2']);
    expect(document.warnings).toContainEqual(expect.stringMatching(/^elements nested more than 2000 deep \(line 1\); kept the 2 entries before it$/));
    // Deep nesting with nothing before it: one line.
    expect(parseFeedBytes(bytes(rss(deep)), 'deep.xml')).toEqual({ error: 'elements nested more than 2000 deep (line 1); no entries could be read' });
  });

  it('reads HTML nested 100,000 deep inside an entry without recursion', () => {
    const html = `${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}`;
    const doc = rss(`<item><title>T</title><description><![CDATA[${html}]]></description></item>`);
    const list = articles(documentOf(parseFeedBytes(bytes(doc), 'deep-html.xml')));
    expect(allText(list)).toContain('deep text');
  });

  it('reads HTML nested too deep for structure as flat text, still without scripts or forms', () => {
    const html = `${'<div>'.repeat(5000)}words &amp; more<script>alert(1)</script><form><form><button>Send</button></form></form>end${'</div>'.repeat(5000)}`;
    const doc = rss(`<item><title>T</title><description><![CDATA[${html}]]></description></item>`);
    const text = allText(articles(documentOf(parseFeedBytes(bytes(doc), 'deep-html.xml'))));
    expect(text).toContain('words & more');
    expect(text).toContain('end');
    expect(text).not.toMatch(/alert|Send/);
  });

  it('repairs invalid UTF-8 as Windows-1252, with a warning', () => {
    // é written as the single byte 0xE9 in a document that says it is UTF-8.
    const doc = Buffer.from(rss(item(1)).replace('Entry 1', 'Caf\u00e9'), 'latin1');
    const document = documentOf(parseFeedBytes(doc, 'latin.xml'));
    expect(document.entries[0]?.title).toBe('Café');
    expect(document.warnings).toContain('not valid UTF-8; decoded as Windows-1252');
  });

  it('says an HTML page is not a feed and lists the feeds it names', () => {
    const page = `<!DOCTYPE html><html><head><title>Site</title>
      <link rel="alternate" type="application/rss+xml" href="/feed.xml" title="RSS">
      <link rel="alternate" type="application/atom+xml" href="https://example.org/atom">
      <link rel="alternate" type="application/feed+json" href="feed.json">
      <link rel="stylesheet" href="/style.css">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      </head><body><p>Hello</p></body></html>`;
    expect(parseFeedBytes(bytes(page), 'https://example.org/blog/')).toEqual({
      error: 'an HTML page, not a feed; it names these feeds: https://example.org/feed.xml https://example.org/atom https://example.org/blog/feed.json',
    });
    expect(parseFeedBytes(bytes('<html><body>no feeds</body></html>'), 'page.html')).toEqual({ error: 'an HTML page, not a feed, and it names no feed' });
  });

  it('keeps the entries before the break of a truncated document, with a warning', () => {
    const whole = rss(`${item(1)}${item(2)}${item(3)}`);
    const cut = whole.slice(0, whole.indexOf('Body 3'));
    const document = documentOf(parseFeedBytes(bytes(cut), 'cut.xml'));
    expect(document.entries.map((e) => e.title)).toEqual(['Entry 1', 'Entry 2']);
    expect(document.warnings).toContainEqual(expect.stringMatching(/^not well-formed XML \(line \d+: .+\); kept the 2 entries before the error$/));
    // Cut before any entry ended: one line.
    const early = parseFeedBytes(bytes(whole.slice(0, whole.indexOf('Body 1'))), 'cut.xml');
    expect(early).toEqual({ error: expect.stringMatching(/^not well-formed XML \(line \d+: .+\); no entries could be read$/) });
  });

  it('keeps control and bidi characters in titles as data, warns, and the sanitiser removes them for display', () => {
    const doc = rss(item(1).replace('Entry 1', 'Evil &#x202E;txt.exe&#x1b;[31m red &#x7;bell'));
    const [article] = articles(documentOf(parseFeedBytes(bytes(doc), 'controls.xml')));
    expect(article?.headline).toContain('\u202E');
    expect(article?.warnings).toContain('control or invisible formatting characters removed for display');
    const shown = sanitize(article?.headline ?? '');
    for (const ch of ['\u202E', '\u001b', '\u0007']) expect(shown).not.toContain(ch);
  });

  it('drops javascript:, vbscript: and data: links, however they are spelt', () => {
    const html = ['<a href="javascript:alert(1)">one</a>', '<a href="JaVaScRiPt:alert(2)">two</a>', '<a href="java&#x09;script:alert(3)">three</a>',
      '<a href=" vbscript:msgbox">four</a>', '<a href="data:text/html,<script>alert(5)</script>">five</a>', '<a href="https://ok.example/">six</a>'].join(' ');
    const doc = rss(`<item><title>Links</title><link>javascript:alert(0)</link><description><![CDATA[<p>${html}</p>]]></description><enclosure url="javascript:alert(6)" type="audio/mpeg" length="1"/></item>`);
    const document = documentOf(parseFeedBytes(bytes(doc), 'links.xml'));
    const [article] = articles(document);
    expect(article?.feedFields.url).toBeNull();
    expect(article?.feedFields.enclosures).toEqual([]);
    const text = allText(article ? [article] : []);
    expect(text).toContain('one two three four five six[1]');
    expect(text).toContain('[1] https://ok.example/');
    expect(text).not.toMatch(/javascript|vbscript|data:/i);
  });

  it('never shows scripts, styles, iframes, forms or event handlers as text', () => {
    const html = '<p onclick="steal()">Kept<script>alert(1)</script><style>p{}</style><iframe src="https://x">frame text</iframe><form><input value="v"><button>Send</button><textarea>typed</textarea></form></p>';
    const doc = rss(`<item><title>T</title><description><![CDATA[${html}]]></description></item>`);
    const text = allText(articles(documentOf(parseFeedBytes(bytes(doc), 'active.xml'))));
    expect(text).toContain('Kept');
    expect(text).not.toMatch(/alert|p\{\}|frame text|Send|typed|steal/);
  });
});
