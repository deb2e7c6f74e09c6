/**
 * `newsreader search QUERY [PATH...]`: ranked matches, one a line (score, date, headline,
 * path, tab-separated and sanitised) or one JSON object a line with `--json`. Exit status
 * as grep's: 0 when something matched, 1 when nothing did, 2 on a malformed query, a bad
 * option or a missing path.
 */
import { MissingPathError, assertPathsExist } from '../library/find.js';
import { StoreError } from '../library/store/open.js';
import { openLibrary } from '../library/store/sqlite-library.js';
import { bundledSeedsPath } from '../package-files.js';
import type { RankedHit } from '../search/engine.js';
import { parseQuery } from '../search/query.js';
import { SqliteSearcher } from '../search/sqlite-searcher.js';
import { sanitize } from '../terminal/sanitize.js';
import { PROGRAM, parseCommandArgs, printError, printWarnings, writeOut } from './output.js';

export const SEARCH_USAGE = `Usage: ${PROGRAM} search [--json] [--limit N] [--db FILE] QUERY [PATH...]

Search the articles under each PATH (default: the bundled articles), best match first.
The library database is refreshed from the files first, as the reader does.
QUERY: words (all must match), "exact phrase", -excluded, a OR b, headline:word,
source:word, section:word, after:YYYY-MM-DD, before:YYYY-MM-DD, is:read, is:unread,
is:starred. Case, accents and no-break spaces are ignored.

Options:
  --json        one JSON object per match
  --limit N     at most N matches (default 20)
  --db FILE     the library database (default: NEWSREADER_DB, else the data folder)
  -h, --help    show this help

Exit status: 0 when something matched, 1 when nothing did, 2 on an error.
`;

const DEFAULT_LIMIT = 20;
const EXIT_NO_MATCH = 1;
const EXIT_ERROR = 2;

export function hitLine(hit: RankedHit): string {
  return [hit.score.toFixed(2), hit.date ?? '-', hit.headline, hit.path].map((f) => sanitize(f)).join('\t');
}

export function hitJson(hit: RankedHit): string {
  const { score, id, path: hitPath, section, headline, date, source, words } = hit;
  return JSON.stringify({ score, id, path: hitPath, section, headline, date, source, words });
}

export async function searchCommand(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      json: { type: 'boolean' },
      limit: { type: 'string' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    'search --help',
  );
  if (parsed === null) return EXIT_ERROR;
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(SEARCH_USAGE);
    return 0;
  }
  const [query, ...paths] = positionals;
  if (query === undefined) {
    printError('search: a QUERY is needed (see search --help)');
    return EXIT_ERROR;
  }
  const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) {
    printError(`search: --limit takes a whole number above 0, not ${values.limit ?? ''}`);
    return EXIT_ERROR;
  }
  const checked = parseQuery(query);
  if (!checked.ok) {
    printError(`search: ${checked.error}`);
    return EXIT_ERROR;
  }

  const roots = paths.length > 0 ? paths : [bundledSeedsPath()];
  let library;
  try {
    await assertPathsExist(roots);
    library = openLibrary({ paths: roots, ...(values.db === undefined ? {} : { db: values.db }) });
  } catch (error) {
    if (!(error instanceof MissingPathError || error instanceof StoreError)) throw error;
    printError(error.message);
    return error instanceof MissingPathError ? EXIT_ERROR : 1;
  }
  try {
    if (library.notice !== null) printError(library.notice);
    const summary = await library.refresh().done;
    printWarnings(summary.warnings);
    // The whole query is given at once: no word is a prefix still being typed.
    const searcher = new SqliteSearcher(library.file, { prefixLast: false, roots: library.roots });
    const outcome = await searcher.search(query, limit).finally(() => searcher.close());
    if (outcome.error !== null) {
      printError(`search: ${outcome.error}`);
      return EXIT_ERROR;
    }
    if (outcome.hits.length === 0) {
      if (outcome.suggestion !== null) printError(`no matches; did you mean: ${outcome.suggestion}`);
      return EXIT_NO_MATCH;
    }
    const format = values.json ? hitJson : hitLine;
    await writeOut(outcome.hits.map((h) => `${format(h)}\n`).join(''));
    return 0;
  } finally {
    library.close();
  }
}
