/** Parsing one file's bytes into an Article, turning every failure into a warning. */
import { decodeArticleBytes } from '../article/decode.js';
import { parseArticle } from '../article/parse.js';
import type { Article } from '../article/types.js';
import type { FoundFile } from './find.js';

/** Parse bytes already read, with the decoding rules of FORMAT.md. */
export function articleFromBytes(bytes: Uint8Array, file: Pick<FoundFile, 'path' | 'section'>): { article: Article } | { warning: string } {
  const decoded = decodeArticleBytes(bytes);
  if (decoded.kind === 'binary') return { warning: decoded.warning };
  const article = parseArticle(decoded.text, { path: file.path, section: file.section }, decoded.warnings);
  if (article.blocks.length === 0) return { warning: bytes.length === 0 ? 'empty file skipped' : 'no text (whitespace only) skipped' };
  return { article };
}

