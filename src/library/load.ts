/** Reading one found file into an Article, turning every failure into a warning. */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
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

const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * Read from an open file until its end, or until more than `limit` bytes came (then null).
 * Reading to the end instead of trusting the size stat gave keeps a file that is truncated
 * or appended to while it is read from being cut short or read without bound.
 */
export async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buffer = new Uint8Array(Math.min(READ_CHUNK_BYTES, limit + 1 - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return null;
  }
  return Buffer.concat(chunks, total);
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
    const tooLarge = { warning: `larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB, skipped` };
    if (info.size > MAX_ARTICLE_BYTES) return tooLarge;
    const bytes = await readAtMost(handle, MAX_ARTICLE_BYTES);
    return bytes === null ? tooLarge : articleFromBytes(bytes, file);
  } catch (error) {
    return { warning: describeError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
