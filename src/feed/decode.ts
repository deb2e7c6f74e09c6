/**
 * Feed bytes -> text. The order XML itself sets (XML 1.0 appendix F): a byte order mark
 * first (UTF-8, UTF-16, UTF-32), then the byte pattern of `<?xml` in UTF-16/32 without a
 * mark, then the declaration's `encoding`, then UTF-8. A document declared (or assumed)
 * UTF-8 that is not valid UTF-8 is read as Windows-1252 with a warning, the same repair
 * the text parser makes. An HTTP charset, when there is one, overrides the declaration.
 */
import { decodeWindows1252 } from '../article/decode.js';

export interface DecodedFeed {
  text: string;
  /** The encoding used, lower case WHATWG name (or utf-32le/utf-32be). */
  encoding: string;
  warnings: string[];
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength - (bytes.byteLength % 4));
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i + 4 <= view.byteLength; i += 4) {
    const code = view.getUint32(i, littleEndian);
    chunk.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/** Encodings Node's TextDecoder gets wrong or cannot name, mapped to what the web means by them. */
const LATIN = new Set(['windows-1252', 'iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'cp1252', 'iso_8859-1', 'l1']);

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function utf8OrRepair(bytes: Uint8Array, warnings: string[]): DecodedFeed {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings };
  } catch {
    warnings.push('not valid UTF-8; decoded as Windows-1252');
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings };
  }
}

function withLabel(bytes: Uint8Array, label: string, warnings: string[]): DecodedFeed | null {
  if (LATIN.has(label)) return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings };
  if (label === 'utf-8' || label === 'utf8') return utf8OrRepair(bytes, warnings);
  if (label === 'utf-32' || label === 'utf-32le' || label === 'utf-32be') {
    return { text: decodeUtf32(bytes, label !== 'utf-32be'), encoding: label === 'utf-32be' ? 'utf-32be' : 'utf-32le', warnings };
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null;
  }
  return { text: decoder.decode(bytes), encoding: decoder.encoding, warnings };
}

/** Decode a feed. `httpCharset` is the charset parameter of an HTTP Content-Type, if any. */
export function decodeFeedBytes(bytes: Uint8Array, httpCharset: string | null = null): DecodedFeed {
  const warnings: string[] = [];
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { text: decodeUtf32(bytes.subarray(4), false), encoding: 'utf-32be', warnings };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { text: decodeUtf32(bytes.subarray(4), true), encoding: 'utf-32le', warnings };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return utf8OrRepair(bytes.subarray(3), warnings);
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings };
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings };
  // `<?` or `<` written in a wider encoding, without a byte order mark.
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return { text: decodeUtf32(bytes, false), encoding: 'utf-32be', warnings };
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return { text: decodeUtf32(bytes, true), encoding: 'utf-32le', warnings };
  if (b0 === 0x00 && b1 === 0x3c) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', warnings };
  if (b0 === 0x3c && b1 === 0x00) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', warnings };

  for (const label of [httpCharset?.toLowerCase() ?? null, declaredEncoding(bytes)]) {
    if (label === null) continue;
    const decoded = withLabel(bytes, label, warnings);
    if (decoded) return decoded;
    warnings.push(`unknown encoding "${label}" ignored`);
  }
  return utf8OrRepair(bytes, warnings);
}
