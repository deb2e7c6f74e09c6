/**
 * A block's text from its lines, as the article parser makes it and as a stored article
 * is read back: kept apart from the parser, which is heavy to load, for the reader's
 * first screen.
 */

/**
 * Numeric character references (`&#163;`, `&#xA3;`) and the five XML entities, as text
 * saved from web pages carries them (22 BBC files have `caf&#233;` or `&#163;`).
 */
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * A reference to a control character, a lone surrogate or past U+10FFFF stays as written:
 * decoding it would slip into the text a character the file itself never held.
 */
function decodable(codePoint: number): boolean {
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return false;
  return !((codePoint < 0x20 && codePoint !== 0x09) || (codePoint >= 0x7f && codePoint <= 0x9f));
}

/** Text with its character references decoded; the raw lines keep them as written. */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return XML_ENTITIES[name] ?? whole;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return decodable(codePoint) ? String.fromCodePoint(codePoint) : whole;
  });
}

/** The lines trimmed and joined by single spaces, references as written. */
export function joinRaw(lines: readonly string[]): string {
  return lines.map((line) => line.trim()).join(' ');
}

/**
 * A block's text from its lines: each trimmed, joined by single spaces, character
 * references decoded (Block.text).
 */
export function joinLines(lines: readonly string[]): string {
  return decodeCharacterReferences(joinRaw(lines));
}
