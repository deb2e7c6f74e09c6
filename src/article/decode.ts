/**
 * Bytes -> text, per FORMAT.md "The file": UTF-8 (BOM optional), UTF-16 LE/BE with BOM,
 * anything else that is not valid UTF-8 read as Windows-1252 with a warning. A NUL byte in
 * the first 8 KiB (outside UTF-16) marks the file as binary; a NUL further on is kept as
 * text, like any control character (the sanitiser shows it as ␀ and the article warns).
 * Invalid UTF-8 includes overlong forms and surrogates in UTF-8 form; a BOM in the middle is
 * kept as U+FEFF.
 */

export type Decoded =
  | { kind: 'text'; text: string; warnings: string[] }
  | { kind: 'binary'; warning: string };

const BINARY_SNIFF_BYTES = 8192;

/**
 * Windows-1252's bytes 0x80–0x9F (WHATWG Encoding table); the rest is ISO-8859-1. Node 20's
 * TextDecoder('windows-1252') decodes as ISO-8859-1, which turns curly quotes, dashes and
 * the euro sign into C1 control characters, so the table is applied here.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (ch) => String.fromCharCode(WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80] ?? 0xfffd));
}

function decodeStrictOrLoose(
  bytes: Uint8Array,
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be',
  warnings: string[],
): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    warnings.push(`invalid ${encoding.toUpperCase()} sequences replaced with U+FFFD`);
    return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  }
}

export function decodeArticleBytes(bytes: Uint8Array): Decoded {
  const warnings: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { kind: 'text', text: decodeStrictOrLoose(bytes.subarray(3), 'utf-8', warnings), warnings };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'text', text: decodeStrictOrLoose(bytes.subarray(2), 'utf-16le', warnings), warnings };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'text', text: decodeStrictOrLoose(bytes.subarray(2), 'utf-16be', warnings), warnings };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { kind: 'binary', warning: 'binary file (NUL bytes) skipped' };
  }
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings };
  } catch {
    warnings.push('not valid UTF-8; decoded as Windows-1252');
    return { kind: 'text', text: decodeWindows1252(bytes), warnings };
  }
}
