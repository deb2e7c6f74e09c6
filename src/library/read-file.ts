/**
 * The one way an article file is read, by the listing, the refresh and its parse workers
 * alike: opened with O_NONBLOCK and checked to be a regular file, so a FIFO or a device
 * named like an article cannot hang us, and read in bounded chunks to its real end, so a
 * file that grows while it is read (or lied about its size) cannot exhaust memory.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { describeError } from './errors.js';

/** Larger files are refused rather than risk exhausting memory. */
export const MAX_ARTICLE_BYTES = 64 * 1024 * 1024;

const READ_CHUNK_BYTES = 1024 * 1024;

export interface FileStat {
  size: number;
  mtimeMs: number;
  ino: number;
}

export type ReadResult = { bytes: Buffer; stat: FileStat } | { warning: string };

const TOO_LARGE = `larger than ${MAX_ARTICLE_BYTES / 1024 / 1024} MiB, skipped`;

/**
 * Read from an open file until its end, or until more than `limit` bytes came (then
 * null). Reading to the end instead of trusting the size fstat gave keeps a file that is
 * truncated or appended to meanwhile from being cut short or read without bound.
 * `sizeHint` (the size fstat gave) sizes the first read, so a file that does not change
 * is read in one buffer of its own size.
 */
export function readAtMost(fd: number, limit: number, sizeHint = 0): Buffer | null {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let first = true; ; first = false) {
    const wanted = first && sizeHint > 0 ? sizeHint + 1 : READ_CHUNK_BYTES;
    const buffer = Buffer.allocUnsafe(Math.min(wanted, limit + 1 - total));
    const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return null;
    // Fewer bytes than asked for a regular file: its end (the next read would return 0).
    if (bytesRead < buffer.length && sizeHint > 0) break;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

/** Read one article file whole, or say in a few words why not. */
export function readArticleFile(file: string, limit: number = MAX_ARTICLE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { warning: describeError(error) };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { warning: 'not a regular file' };
    if (info.size > limit) return { warning: TOO_LARGE };
    const bytes = readAtMost(fd, limit, info.size);
    if (bytes === null) return { warning: TOO_LARGE };
    return { bytes, stat: { size: bytes.length, mtimeMs: info.mtimeMs, ino: info.ino } };
  } catch (error) {
    return { warning: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * What the store keeps to tell changed content from a touched file, for files and fetched
 * feeds alike: the first 64 bits of the bytes' SHA-1, in hex.
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, 16);
}
