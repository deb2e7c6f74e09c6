/**
 * Finding article files: each PATH is a file (read whatever its name) or a folder walked
 * recursively for `*.txt` and feed files (`*.xml`, `*.rss`, ...: see feed-file.ts),
 * following symlinks without looping and skipping hidden folders.
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { hasFeedExtension } from './feed-file.js';
import { isFeedUrl } from './fetch-feed.js';

export interface FoundFile {
  /** Path as the user would write it: the root as given joined with the relative path. */
  path: string;
  /** The folder below the root, with `/` separators; null directly in the root or for a named file. */
  section: string | null;
  /** The root as given, for grouping articles by library root. */
  root: string;
}

export interface FindResult {
  files: FoundFile[];
  warnings: { path: string; message: string }[];
}

/** A PATH on the command line that does not exist: the CLI exits 2 for it. */
export class MissingPathError extends Error {
  constructor(readonly missingPath: string) {
    super(`${missingPath}: no such file or directory`);
  }
}

function errorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

async function walk(dir: string, root: string, rel: string, seen: Set<string>, out: FindResult): Promise<void> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    out.warnings.push({ path: dir, message: errorMessage(error) });
    return;
  }
  if (seen.has(real)) return; // a symlink back into a folder already walked
  seen.add(real);

  let entries;
  try {
    entries = await opendir(dir);
  } catch (error) {
    out.warnings.push({ path: dir, message: errorMessage(error) });
    return;
  }
  const names: { name: string; isDir: boolean; isFile: boolean; isLink: boolean }[] = [];
  for await (const entry of entries) {
    names.push({ name: entry.name, isDir: entry.isDirectory(), isFile: entry.isFile(), isLink: entry.isSymbolicLink() });
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of names) {
    const full = path.join(dir, entry.name);
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    let isDir = entry.isDir;
    let isFile = entry.isFile;
    if (entry.isLink) {
      try {
        const target = await stat(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        out.warnings.push({ path: full, message: errorMessage(error) });
        continue;
      }
    }
    if (isDir) {
      if (!entry.name.startsWith('.')) await walk(full, root, childRel, seen, out);
    } else if (entry.name.endsWith('.txt') || hasFeedExtension(entry.name)) {
      // A FIFO, socket or device named like an article is reported, never opened.
      if (isFile) out.files.push({ path: full, section: rel === '' ? null : rel, root });
      else out.warnings.push({ path: full, message: 'not a regular file' });
    }
  }
}

/** Throw MissingPathError for the first PATH that does not exist (feed URLs are not paths). */
export async function assertPathsExist(paths: string[]): Promise<void> {
  for (const given of paths) {
    if (isFeedUrl(given)) continue;
    try {
      await stat(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new MissingPathError(given);
    }
  }
}

/**
 * Find the article files under `paths`. Throws MissingPathError for a PATH that does not
 * exist; everything else that goes wrong below a PATH becomes a warning.
 */
export async function findArticleFiles(paths: string[]): Promise<FindResult> {
  const out: FindResult = { files: [], warnings: [] };
  const seen = new Set<string>();
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new MissingPathError(given);
      out.warnings.push({ path: given, message: errorMessage(error) });
      continue;
    }
    if (info.isDirectory()) await walk(given, given, '', seen, out);
    else out.files.push({ path: given, section: null, root: given });
  }
  return out;
}
