import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { markMatches, segmentsOf } from '../../src/terminal/highlight.js';
import { fitWidth, truncate, truncateSegments, widthOf, wrapText } from '../../src/terminal/text.js';

describe('truncate', () => {
  it('keeps text that fits and cuts the rest with an ellipsis', () => {
    expect(truncate('Syria talks', 20)).toBe('Syria talks');
    expect(truncate('Syria talks end', 10)).toBe('Syria tal…');
    expect(truncate('abc', 0)).toBe('');
  });

  it('measures wide and combining characters in columns', () => {
    expect(truncate('日本語のニュース', 7)).toBe('日本語…');
    expect(widthOf(truncate('日本語のニュース', 7))).toBeLessThanOrEqual(7);
    expect(truncate('cafe\u0301 au lait', 5)).toBe('cafe\u0301…');
    expect(widthOf(fitWidth('👩‍👩‍👧 family', 6))).toBe(6);
  });

  it('cuts highlighted segments the same way', () => {
    const cut = truncateSegments([{ text: 'US-Russia ', match: false }, { text: 'Syria', match: true }, { text: ' talks', match: false }], 13);
    expect(cut.map((s) => s.text).join('')).toBe('US-Russia Sy…');
    expect(cut[1]).toEqual({ text: 'Sy', match: true });
  });
});

describe('widthOf', () => {
  // Pieces that join with an ASCII neighbour into one grapheme: prepended marks, combining
  // and spacing marks, keycaps, ZWJ, variation selectors, plus wide and plain characters.
  const piece = fc.constantFrom('a', ' ', '1', '#', '\u0600', '\u0301', '\u0903', '\u20e3', '\ufe0f', '\u200d', '日', '👩', '\u2028', 'é');

  it('counts as string-width does, ASCII runs included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(widthOf(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it('measures a long run of spaces with one non-ASCII character at once', () => {
    // Segmenting this whole took over a minute: the reader froze on such an article.
    expect(widthOf(`Updated${' '.repeat(200_000)}x\u2028y`)).toBe(200_010);
  });
});

describe('wrapText', () => {
  it('wraps at spaces, treating a no-break space as one', () => {
    expect(wrapText('talks on\u00a0Syria end', 9)).toEqual(['talks on', 'Syria end']);
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
  });

  it('breaks words longer than the line', () => {
    expect(wrapText('a https://example.com/very/long/path b', 10)).toEqual(['a', 'https://ex', 'ample.com/', 'very/long/', 'path b']);
    expect(wrapText('日本語日本語', 5)).toEqual(['日本', '語日', '本語']);
  });

  it('never makes a line wider than asked, and loses no word', () => {
    const piece = fc.constantFrom('a', 'b', 'z', 'é', '日', '😀', 'e\u0301', 'x');
    const word = fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 60 }), (words, width) => {
        const text = words.join(' ');
        const lines = wrapText(text, width);
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

/** Greedy wrap that measures each candidate line whole: slow, and plainly right. */
function wrapByRemeasuring(text: string, width: number): string[] {
  const lines: string[] = [];
  let line: { start: number; end: number } | null = null;
  for (const found of text.matchAll(/[^\s\u00a0]+/g)) {
    const start = found.index;
    const end = start + found[0].length;
    if (line !== null && stringWidth(text.slice(line.start, end)) <= width) {
      line.end = end;
      continue;
    }
    if (line !== null) lines.push(text.slice(line.start, line.end));
    line = { start, end };
  }
  if (line !== null) lines.push(text.slice(line.start, line.end));
  return lines;
}

describe('wrapping by adding up word widths', () => {
  it('gives the lines that measuring every candidate line whole gives', () => {
    const piece = fc.constantFrom('a', 'bb', 'é', '日', '😀', 'e\u0301', '👩\u200d💻', '\u0915\u094d\u0937', '—', '’');
    const word = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const gap = fc.constantFrom(' ', '  ', '\u00a0', ' \u00a0 ', '\u3000');
    const text = fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 40 }).map((pairs) => pairs.flat().join('').trimEnd());
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 40 }), (t, width) => {
        fc.pre(t.split(/[\s\u00a0]+/).every((w) => stringWidth(w) <= width));
        expect(wrapText(t, width)).toEqual(wrapByRemeasuring(t, width));
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

describe('markMatches', () => {
  it('maps ranges on raw text onto the sanitised text', () => {
    const raw = 'Kerry\u001b[2J met Lavrov\tin Geneva';
    const marked = markMatches(raw, [
      [raw.indexOf('Lavrov'), raw.indexOf('Lavrov') + 6],
      [raw.indexOf('Geneva'), raw.length],
    ]);
    expect(marked.text).not.toContain('\u001b');
    const matched = segmentsOf(marked).filter((s) => s.match).map((s) => s.text);
    expect(matched).toEqual(['Lavrov', 'Geneva']);
  });

  it('cannot be tricked into passing an escape sequence split by a range', () => {
    const raw = 'a\u001b]0;title\u0007b';
    const marked = markMatches(raw, [[1, 3]]);
    expect([...marked.text].filter((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ((ch.codePointAt(0) ?? 0) >= 0x7f && (ch.codePointAt(0) ?? 0) <= 0x9f))).toEqual([]);
  });

  it('merges overlapping ranges and ignores ranges outside the text', () => {
    const marked = markMatches('abcdef', [[1, 3], [2, 4], [10, 12], [5, 5]]);
    expect(marked.ranges).toEqual([[1, 4]]);
  });
});
