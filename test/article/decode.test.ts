import { describe, expect, it } from 'vitest';
import { decodeArticleBytes } from '../../src/article/decode.js';

const text = 'Caf\u00e9 \u00a3 \u20ac\nline';

function utf16(value: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + value.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < value.length; i++) view.setUint16(2 + i * 2, value.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeArticleBytes', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(decodeArticleBytes(plain)).toEqual({ kind: 'text', text, warnings: [] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeArticleBytes(bom)).toEqual({ kind: 'text', text, warnings: [] });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeArticleBytes(utf16(text, true))).toEqual({ kind: 'text', text, warnings: [] });
    expect(decodeArticleBytes(utf16(text, false))).toEqual({ kind: 'text', text, warnings: [] });
  });

  it('falls back to Windows-1252 with a warning for bytes that are not UTF-8', () => {
    const latin = new Uint8Array([0x43, 0x6f, 0x73, 0x74, 0x20, 0xa3, 0x35, 0x20, 0x80]);
    expect(decodeArticleBytes(latin)).toEqual({
      kind: 'text',
      text: 'Cost \u00a35 \u20ac',
      warnings: ['not valid UTF-8; decoded as Windows-1252'],
    });
  });

  it('calls a file with a NUL byte in its first 8 KiB binary', () => {
    expect(decodeArticleBytes(new Uint8Array([0x48, 0x00, 0x49])).kind).toBe('binary');
    const late = new Uint8Array(9000).fill(0x41);
    late[8500] = 0;
    expect(decodeArticleBytes(late).kind).toBe('text');
  });
});
