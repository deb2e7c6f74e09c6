/** Reading one found file into an Article, turning every failure into a warning. */
import { decodeArticleBytes } from '../article/decode.js';
import { parseArticle } from '../article/parse.js';
import type { Article } from '../article/types.js';
import type { FoundFile } from './find.js';
import { readArticleFile } from './read-file.js';

/** An article with its file's modification time, which orders undated articles. */
export type LoadResult = { article: Article; mtimeMs: number } | { warning: string };

/** Parse bytes already read, with the decoding rules of FORMAT.md. */
export function articleFromBytes(bytes: Uint8Array, file: Pick<FoundFile, 'path' | 'section'>): { article: Article } | { warning: string } {
  const decoded = decodeArticleBytes(bytes);
  if (decoded.kind === 'binary') return { warning: decoded.warning };
  const article = parseArticle(decoded.text, { path: file.path, section: file.section }, decoded.warnings);
  if (article.blocks.length === 0) return { warning: bytes.length === 0 ? 'empty file skipped' : 'no text (whitespace only) skipped' };
  return { article };
}

/** Read and parse one file. */
export function loadArticleFile(file: FoundFile): LoadResult {
  const read = readArticleFile(file.path);
  if ('warning' in read) return read;
  const parsed = articleFromBytes(read.bytes, file);
  return 'warning' in parsed ? parsed : { article: parsed.article, mtimeMs: read.stat.mtimeMs };
}
