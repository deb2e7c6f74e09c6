import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, decodeWindows1252 } from '../../src/article/decode.js';

function text(bytes: Uint8Array): { text: string; warnings: string[] } {
  const decoded = decodeArticleBytes(bytes);
  if (decoded.kind !== 'text') throw new Error(`expected text, got ${decoded.warning}`);
  return decoded;
}

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('decoding broken and unusual bytes', () => {
  it('reads Windows-1252 quotes, dashes and the euro sign as such, not as C1 controls', () => {
    const decoded = text(latin1('\x93Quoted\x94 \x96 \x80 5 \x85 \xa3'));
    expect(decoded.text).toBe('“Quoted” – € 5 … £');
    expect(decoded.warnings).toEqual(['not valid UTF-8; decoded as Windows-1252']);
  });

  it('keeps the five bytes Windows-1252 leaves undefined as their C1 code points', () => {
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('treats overlong encodings as invalid UTF-8', () => {
    const decoded = text(latin1('a\xc0\xafb\xe0\x80\xafc'));
    expect(decoded.text).toBe('aÀ¯bà€¯c');
    expect(decoded.warnings).toHaveLength(1);
  });

  it('treats a surrogate in UTF-8 form (CESU-8) as invalid UTF-8', () => {
    expect(text(latin1('a\xed\xa0\x80b')).warnings).toEqual(['not valid UTF-8; decoded as Windows-1252']);
  });

  it('replaces invalid sequences after a UTF-8 BOM with U+FFFD and warns', () => {
    const decoded = text(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1('a\xffb')]));
    expect(decoded.text).toBe('a\ufffdb');
    expect(decoded.warnings).toEqual(['invalid UTF-8 sequences replaced with U+FFFD']);
  });

  it('replaces lone surrogates in UTF-16LE with U+FFFD and warns', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\ud800b\udc00', 'utf16le')]);
    const decoded = text(bytes);
    expect(decoded.text).toBe('a\ufffdb\ufffd');
    expect(decoded.warnings).toEqual(['invalid UTF-16LE sequences replaced with U+FFFD']);
  });

  it('warns about a UTF-16 file cut in the middle of a code unit', () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('ab', 'utf16le').swap16(), Buffer.from([0x00])]);
    const decoded = text(bytes);
    expect(decoded.text).toBe('ab\ufffd');
    expect(decoded.warnings).toEqual(['invalid UTF-16BE sequences replaced with U+FFFD']);
  });

  it('keeps a BOM in the middle of the text as U+FEFF', () => {
    expect(text(Buffer.from('\ufeffa\ufeffb')).text).toBe('a\ufeffb');
  });

  it('calls a NUL byte in the first 8 KiB binary, and one later text', () => {
    const early = Buffer.alloc(8192, 0x61);
    early[8191] = 0;
    expect(decodeArticleBytes(early)).toEqual({ kind: 'binary', warning: 'binary file (NUL bytes) skipped' });
    const late = Buffer.alloc(8193, 0x61);
    late[8192] = 0;
    expect(text(late).text.endsWith('a\u0000')).toBe(true);
  });

  it('decodes an empty file to empty text', () => {
    expect(text(new Uint8Array(0))).toEqual({ kind: 'text', text: '', warnings: [] });
  });
});
