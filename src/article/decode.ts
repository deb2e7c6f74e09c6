/**
 * Bytes -> text, per FORMAT.md "The file": UTF-8 (BOM optional), UTF-16 LE/BE with BOM,
 * anything else that is not valid UTF-8 read as Windows-1252 with a warning. A NUL byte in
 * the first 8 KiB (outside UTF-16) marks the file as binary.
 */

export type Decoded =
  | { kind: 'text'; text: string; warnings: string[] }
  | { kind: 'binary'; warning: string };

const BINARY_SNIFF_BYTES = 8192;

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
    return { kind: 'text', text: new TextDecoder('windows-1252').decode(bytes), warnings };
  }
}
