import { describe, expect, it } from 'vitest';
import { htmlToBlocks, htmlToLine, safeUrl } from '../../src/feed/html-blocks.js';

const lines = (html: string, base?: string): string[][] =>
  htmlToBlocks(html, base === undefined ? {} : { base }).blocks.map((b) => [b.kind, ...b.lines]);

describe('htmlToBlocks', () => {
  it('makes paragraphs and headings blocks, with whitespace collapsed and entities decoded', () => {
    expect(lines('<h2>Title &amp; more</h2><p>One\n   two</p><div>Three&nbsp;four</div>')).toEqual([
      ['paragraph', 'Title & more'],
      ['paragraph', 'One two'],
      ['paragraph', 'Three\u00a0four'],
    ]);
  });

  it('gives list items their markers: bullets, numbers from start, nested lists indented', () => {
    expect(lines('<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ol start="3"><li>x</li><li>y</li></ol>')).toEqual([
      ['paragraph', '• a'],
      ['paragraph', '• b'],
      ['paragraph', '  • c'],
      ['paragraph', '3. x'],
      ['paragraph', '4. y'],
    ]);
  });

  it('marks block quotes and keeps preformatted text verbatim', () => {
    expect(lines('<blockquote><p>quoted</p></blockquote><pre>  indented\n    more\n\nafter blank</pre>')).toEqual([
      ['paragraph', '> quoted'],
      ['paragraph', '  indented', '    more'],
      ['paragraph', 'after blank'],
    ]);
  });

  it('turns <br> into line breaks within a block', () => {
    expect(lines('<p>line one<br>line two<br/>line three</p>')).toEqual([['paragraph', 'line one', 'line two', 'line three']]);
  });

  it('makes image alt text and figcaptions captions, and tables readable rows', () => {
    expect(lines('<figure><img src="a.jpg" alt="A cat"><figcaption>The cat, sleeping</figcaption></figure>')).toEqual([
      ['caption', 'A cat'],
      ['caption', 'The cat, sleeping'],
    ]);
    expect(lines('<table><tr><th>Team</th><th>Points</th></tr><tr><td>Leeds</td><td><p>12</p></td></tr></table>')).toEqual([
      ['paragraph', 'Team | Points', 'Leeds | 12'],
    ]);
  });

  it('numbers links [n], resolves them against the base, and reuses a number for the same URL', () => {
    const result = htmlToBlocks('<p><a href="/a">first</a>, <a href="https://x.example/b">second</a>, <a href="/a">again</a></p>', {
      base: 'https://example.org/blog/post',
    });
    expect(result.blocks[0]?.lines).toEqual(['first[1], second[2], again[1]']);
    expect(result.links).toEqual(['https://example.org/a', 'https://x.example/b']);
  });

  it('gives an image-only link no reference of its own', () => {
    const result = htmlToBlocks('<a href="https://example.org/"><img src="x.png" alt="Logo"></a>');
    expect(result.links).toEqual([]);
    expect(result.blocks).toEqual([{ kind: 'caption', lines: ['Logo'] }]);
  });

  it('keeps the fallback text of object and noscript, which is written for readers like this one', () => {
    expect(lines('<object data="x.swf">Your player</object> <noscript>No JS text</noscript>')).toEqual([
      ['paragraph', 'Your player No JS text'],
    ]);
  });
});

describe('htmlToLine', () => {
  it('flattens markup to one line and leaves plain text alone', () => {
    expect(htmlToLine('<b>Bold</b> and <i>italic</i><p>para</p>')).toBe('Bold and italic para');
    expect(htmlToLine('  AT&T   rocks ')).toBe('AT&T rocks');
  });
});

describe('safeUrl', () => {
  it('keeps web links, resolves relative ones, drops script and data links', () => {
    expect(safeUrl('https://example.org/x')).toBe('https://example.org/x');
    expect(safeUrl('x?y=1', 'https://example.org/a/b')).toBe('https://example.org/a/x?y=1');
    expect(safeUrl('mailto:a@example.org')).toBe('mailto:a@example.org');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:x', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) {
      expect(safeUrl(bad, 'https://example.org/')).toBeNull();
    }
    expect(safeUrl('/relative')).toBe('/relative');
    expect(safeUrl('')).toBeNull();
  });
});
