import { describe, expect, it } from 'vitest';
import { escapeUnsafeInJson, sanitize } from '../../src/terminal/sanitize.js';
import { hasControlOrFormatCharacters, isUnsafe } from '../../src/unicode/unsafe-characters.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

describe('sanitize: escape sequences are removed whole', () => {
  it.each([
    ['CSI clear screen', `a${ESC}[2Jb`, 'ab'],
    ['CSI colour with parameters', `a${ESC}[1;31;48;5;200mred${ESC}[0mb`, 'aredb'],
    ['CSI private mode (alternate screen off)', `a${ESC}[?1049lb`, 'ab'],
    ['CSI with intermediate byte (cursor style)', `a${ESC}[2 qb`, 'ab'],
    ['8-bit CSI 0x9B', 'a\u009b2Jb', 'ab'],
    ['CSI cut short by the end of the text', `a${ESC}[12;`, 'a'],
    ['OSC 0 title ended by BEL', `a${ESC}]0;pwned${BEL}b`, 'ab'],
    ['OSC 52 clipboard write ended by ST', `a${ESC}]52;c;cm0gLXJmIH4=${ST}b`, 'ab'],
    ['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`, 'click'],
    ['OSC ended by 8-bit ST 0x9C', `a${ESC}]2;t\u009cb`, 'ab'],
    ['8-bit OSC 0x9D ended by BEL', `a\u009d0;t${BEL}b`, 'ab'],
    ['OSC cut by CAN', `a${ESC}]0;t\u0018b`, 'ab'],
    ['OSC cut by SUB', `a${ESC}]0;t\u001ab`, 'ab'],
    ['OSC cut by another escape sequence', `a${ESC}]0;t${ESC}[31mb`, 'ab'],
    ['DCS (DECRQSS) ended by ST', `a${ESC}P$qm${ST}b`, 'ab'],
    ['8-bit DCS 0x90', `a\u0090+q544e${ST}b`, 'ab'],
    ['APC', `a${ESC}_Gf=100;AAAA${ST}b`, 'ab'],
    ['8-bit APC 0x9F', 'a\u009fpayload\u009cb', 'ab'],
    ['PM', `a${ESC}^private${ST}b`, 'ab'],
    ['8-bit PM 0x9E', 'a\u009eprivate\u009cb', 'ab'],
    ['SOS', `a${ESC}Xstring${ST}b`, 'ab'],
    ['8-bit SOS 0x98', 'a\u0098string\u009cb', 'ab'],
    ['two-byte ESC c (full reset)', `a${ESC}cb`, 'ab'],
    ['two-byte ESC 7 / ESC 8 (save/restore cursor)', `a${ESC}7b${ESC}8c`, 'abc'],
    ['ESC with intermediate: charset ESC ( 0', `a${ESC}(0b`, 'ab'],
    ['ESC with intermediate: DECALN ESC # 8', `a${ESC}#8b`, 'ab'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
    expect(isUnsafe(input)).toBe(true);
  });
});

describe('sanitize: an unterminated string sequence hides nothing', () => {
  it('shows the rest of the text after an OSC that never ends', () => {
    expect(sanitize(`a${ESC}]0;the rest of the article`)).toBe('a\u241b]0;the rest of the article');
  });
  it('does the same for 8-bit introducers', () => {
    expect(sanitize('a\u009dthe rest')).toBe('a\ufffdthe rest');
    expect(sanitize(`a${ESC}Pdcs`)).toBe('a\u241bPdcs');
  });
});

describe('sanitize: lone controls become visible symbols', () => {
  it.each([
    ['ESC at the end of the text', `abc${ESC}`, 'abc\u241b'],
    ['ESC before a non-ASCII character', `a${ESC}éb`, 'a\u241béb'],
    ['ESC followed by intermediates only', `a${ESC}(`, 'a\u241b('],
    ['NUL', 'a\u0000b', 'a\u2400b'],
    ['BEL', `a${BEL}b`, 'a\u2407b'],
    ['backspace', 'secret\b\b\b\b\b\bpublic', 'secret\u2408\u2408\u2408\u2408\u2408\u2408public'],
    ['carriage return', 'innocent\revil', 'innocent\u240devil'],
    ['line feed', 'one\ntwo', 'one\u240atwo'],
    ['vertical tab and form feed', 'a\u000bb\u000cc', 'a\u240bb\u240cc'],
    ['DEL', 'a\u007fb', 'a\u2421b'],
    ['C1 NEL 0x85', 'a\u0085b', 'a\ufffdb'],
    ['C1 IND/RI 0x84/0x8D', 'a\u0084\u008db', 'a\ufffd\ufffdb'],
    ['stray 8-bit ST', 'a\u009cb', 'a\ufffdb'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });
});

describe('sanitize: whitespace and separators', () => {
  it('turns tabs into spaces', () => {
    expect(sanitize('a\tb')).toBe('a    b');
  });
  it('turns line and paragraph separators into spaces', () => {
    expect(sanitize('a\u2028b\u2029c')).toBe('a b c');
  });
  it('keeps NO-BREAK SPACE and other visible spaces', () => {
    const text = 'a\u00a0b\u3000c\u2003d';
    expect(sanitize(text)).toBe(text);
    expect(isUnsafe(text)).toBe(false);
  });
});

describe('sanitize: bidi controls and invisible format characters are removed', () => {
  it.each([
    ['RIGHT-TO-LEFT OVERRIDE', 'invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['LEFT-TO-RIGHT/RIGHT-TO-LEFT EMBEDDING and POP', 'a\u202a\u202bb\u202cc', 'abc'],
    ['LEFT-TO-RIGHT OVERRIDE', 'a\u202db', 'ab'],
    ['isolates', 'a\u2066b\u2067c\u2068d\u2069e', 'abcde'],
    ['marks LRM RLM ALM', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['zero-width space and word joiner', 'pay\u200bpal\u2060x', 'paypalx'],
    ['BOM in the middle', 'a\ufeffb', 'ab'],
    ['soft hyphen', 'Donau\u00addampf', 'Donaudampf'],
    ['invisible math operators', 'a\u2061\u2062\u2063\u2064b', 'ab'],
    ['interlinear annotation', 'a\ufff9b\ufffac\ufffbd', 'abcd'],
    ['Hangul filler', 'a\u3164b', 'ab'],
    ['astral format characters (musical, language tag)', 'a\u{1d173}b\u{e0001}c', 'abc'],
  ])('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
    expect(isUnsafe(input)).toBe(true);
  });

  it('replaces lone surrogates with U+FFFD', () => {
    expect(sanitize('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(sanitize('end\ud83d')).toBe('end\ufffd');
  });
});

describe('sanitize: text is left intact', () => {
  it.each([
    ['emoji ZWJ sequence', 'family \u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}'],
    ['emoji with skin tone and variation selector', '\u{1f44d}\u{1f3fd} \u2764\ufe0f'],
    ['subdivision flag with tag characters', '\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    ['ZWNJ in Persian', 'می\u200cخواهم'],
    ['ZWJ in Devanagari', 'क्\u200dष'],
    ['combining mark stack', `Z${'\u0301\u0316\u0327\u0358'.repeat(50)}algo`],
    ['wide CJK', '中文新闻 日本語 한국어'],
    ['right-to-left letters', 'שלום עולם مرحبا بالعالم'],
    ['Arabic number sign (visible format character)', '\u0600١٢٣'],
    ['quotes, dashes, currency', '“Quoted” — £5 €6 ¥7'],
  ])('%s', (_name, text) => {
    expect(isUnsafe(text)).toBe(false);
    expect(sanitize(text)).toBe(text);
  });
});

describe('escapeUnsafeInJson', () => {
  it('escapes C1 and bidi characters and keeps the parsed value', () => {
    const value = { text: 'a\u009b2J\u202eb\ud800\u{e0001}c\u{1f600}' };
    const json = escapeUnsafeInJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0080-\u009f\u202e]/);
    expect(json).toContain('\\u009b');
    expect(json).toContain('\\udb40\\udc01');
    expect(json).toContain('\u{1f600}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('hasControlOrFormatCharacters', () => {
  it('is what an article warns about: everything unsafe except tabs', () => {
    expect(hasControlOrFormatCharacters('a\tb')).toBe(false);
    expect(isUnsafe('a\tb')).toBe(true);
    expect(hasControlOrFormatCharacters('a\tb\u001b[2J')).toBe(true);
    expect(hasControlOrFormatCharacters('a\u202eb')).toBe(true);
    expect(hasControlOrFormatCharacters('plain')).toBe(false);
  });
});
