/** Reading one found file into an Article, turning every failure into a warning. */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { decodeArticleBytes } from '../article/decode.js';
import { parseArticle } from '../article/parse.js';
import type { Article } from '../article/types.js';
import type { FoundFile } from './find.js';

/** Larger files are refused rather than risk exhausting memory. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

export type LoadResult = { article: Article } | { warning: string };

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Parse bytes already read, with the decoding rules of FORMAT.md. */
export function articleFromBytes(bytes: Uint8Array, file: Pick<FoundFile, 'path' | 'section'>): LoadResult {
  const decoded = decodeArticleBytes(bytes);
  if (decoded.kind === 'binary') return { warning: decoded.warning };
  const article = parseArticle(decoded.text, { path: file.path, section: file.section }, decoded.warnings);
  if (article.blocks.length === 0) return { warning: bytes.length === 0 ? 'empty file skipped' : 'no text (whitespace only) skipped' };
  return { article };
}

/**
 * Read and parse one file. Opening with O_NONBLOCK and checking it is a regular file
 * means a FIFO or device named on the command line cannot hang the reader.
 */
export async function loadArticleFile(file: FoundFile): Promise<LoadResult> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer.
    handle = await open(file.path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { warning: describeError(error) };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { warning: 'not a regular file' };
    if (info.size > MAX_ARTICLE_BYTES) return { warning: `larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB, skipped` };
    const bytes = await handle.readFile();
    return articleFromBytes(bytes, file);
  } catch (error) {
    return { warning: describeError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
