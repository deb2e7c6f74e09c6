/**
 * Finding article files: each PATH is a file (read whatever its name) or a folder walked
 * recursively for `*.txt` and feed files (`*.xml`, `*.rss`, ...: see feed-file.ts),
 * following symlinks without looping and skipping hidden folders.
 */
import { opendir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from './errors.js';
import { hasFeedExtension, isFeedUrl } from './feed-names.js';

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
  /** PATHs as given that could not be read (each also has a warning). */
  unreadableRoots: string[];
}

/**
 * No PATH on the command line could be read (each is missing or unreadable): the CLI exits
 * 2 with this one line. A PATH that cannot be read beside others that can is a warning.
 */
export class UnreadablePathsError extends Error {
  constructor(readonly problems: readonly { path: string; message: string }[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

/** Walk one folder; false when the folder itself could not be read (a warning says why). */
async function walk(dir: string, root: string, rel: string, seen: Map<string, string>, out: FindResult): Promise<boolean> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    out.warnings.push({ path: dir, message: describeError(error) });
    return false;
  }
  const walked = seen.get(real);
  if (walked !== undefined) {
    // A symlink back into a folder already walked (a loop, or the same folder twice).
    out.warnings.push({ path: dir, message: `skipped: the same folder as ${walked}, already read` });
    return true;
  }
  seen.set(real, dir);

  let entries;
  try {
    entries = await opendir(dir);
  } catch (error) {
    out.warnings.push({ path: dir, message: describeError(error) });
    return false;
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
        out.warnings.push({ path: full, message: describeError(error) });
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
  return true;
}

/** Why a PATH cannot be read at all, or null when it can be stat'ed. */
async function statProblem(given: string): Promise<string | null> {
  try {
    await stat(given);
    return null;
  } catch (error) {
    return describeError(error);
  }
}

/**
 * Throw UnreadablePathsError when not one PATH exists, before anything is created for
 * them (a library database, say); a PATH missing beside others is left to the walk's
 * warnings.
 */
export async function assertSomePathExists(paths: string[]): Promise<void> {
  const problems: { path: string; message: string }[] = [];
  for (const given of paths) {
    // A feed URL is fetched, not stat'ed: its fetch says what went wrong with it.
    if (isFeedUrl(given)) return;
    const problem = await statProblem(given);
    if (problem === null) return;
    problems.push({ path: given, message: problem });
  }
  if (problems.length > 0) throw new UnreadablePathsError(problems);
}

/**
 * Find the article files under `paths`. A PATH that is missing or unreadable is a warning,
 * and so is everything skipped below a PATH; when no PATH can be read at all it throws
 * UnreadablePathsError. `unreadableRoots` lists the PATHs that could not be read, so that
 * a refresh does not take their articles for deleted (an unmounted disk, say).
 */
export async function findArticleFiles(paths: string[]): Promise<FindResult> {
  const out: FindResult = { files: [], warnings: [], unreadableRoots: [] };
  const seen = new Map<string, string>();
  const problems: { path: string; message: string }[] = [];
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      problems.push({ path: given, message: describeError(error) });
      out.warnings.push({ path: given, message: describeError(error) });
      out.unreadableRoots.push(given);
      continue;
    }
    if (!info.isDirectory()) out.files.push({ path: given, section: null, root: given });
    else if (!(await walk(given, given, '', seen, out))) {
      problems.push(out.warnings.at(-1) ?? { path: given, message: 'cannot be read' });
      out.unreadableRoots.push(given);
    }
  }
  if (paths.length > 0 && problems.length === paths.length) throw new UnreadablePathsError(problems);
  return out;
}
