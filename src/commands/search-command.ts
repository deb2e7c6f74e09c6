/**
 * `newsreader search QUERY [PATH...]`: ranked matches, one a line (score, date, headline,
 * path, tab-separated and sanitised) or one JSON object a line with `--json`. Exit status
 * as grep's: 0 when something matched, 1 when a valid query matched nothing, 2 on an
 * empty or malformed query, a bad option, no readable PATH or an unusable database.
 */
import type { SqliteLibrary } from '../library/store/sqlite-library.js';
import { defaultPaths } from './default-paths.js';
import { readConfig } from './read-config.js';
import { openRefreshedLibrary } from './refreshed-library.js';
import type { RankedHit } from '../search/engine.js';
import { emptyQueryMessage, isEmptyQuery, parseQuery, type QueryAst } from '../search/query.js';
import { articleSnippet } from '../search/snippet.js';
import { SqliteSearcher, type RankedOutcome } from '../search/sqlite-searcher.js';
import { escapeUnsafeInJson, sanitize } from '../terminal/sanitize.js';
import { commandArgsWith, EXIT_ERROR, HELP_OPTION, PROGRAM, printError, printWarnings, writeOut, type GlobalOptions } from './output.js';

export const SEARCH_USAGE = `Usage: ${PROGRAM} search [--json] [--limit N] [--db FILE] QUERY [PATH...]

Search the articles under each PATH (default: the subscribed feeds' entries, else the
bundled articles), best match first.
The library database is refreshed from the files first, as the reader does.
QUERY: words (all must match), "exact phrase", -excluded, a OR b, headline:word,
source:word, section:word, after:YYYY-MM-DD, before:YYYY-MM-DD, is:read, is:unread,
is:starred. A * right after a word makes it a prefix: green* finds greenspan. Case,
accents and no-break spaces are ignored. The reader's / search is the same language,
except that the word being typed also matches as a prefix until a space follows it
(oil finds oiled there while typing; here, ask for oil*).

Options:
  --json        one JSON object per match
  --limit N     at most N matches (default 20)
  --snippets    a line of text around the first match under each result (the
                default when standard output is a terminal)
  --db FILE     the library database (default: NEWSREADER_DB, else the data folder)
  -h, --help    show this help
Options before the command are read too: ${PROGRAM} --db FILE --json search oil.

Exit status: 0 when something matched; 1 when the query is valid and nothing matched
(a did-you-mean on stderr when there is one); 2 on an empty or malformed query, a bad
option, no readable PATH or an unusable library database.
`;

const DEFAULT_LIMIT = 20;
const EXIT_NO_MATCH = 1;

export function hitLine(hit: RankedHit): string {
  return [hit.score.toFixed(2), hit.date ?? '-', hit.headline, hit.path].map((f) => sanitize(f)).join('\t');
}

/**
 * The JSON line for one hit. C1 controls and bidi/format characters are written as \u
 * escapes, as the listing's --json does: safe on a terminal, the same text once parsed.
 */
export function hitJson(hit: RankedHit): string {
  const { score, id, path: hitPath, section, headline, date, source, words, read, starred } = hit;
  return escapeUnsafeInJson(JSON.stringify({ score, id, path: hitPath, section, headline, date, source, words, read, starred }));
}

/** Bold yellow for the match in a snippet, on a colour terminal. */
const MATCH_STYLE = ['\u001b[1;33m', '\u001b[22;39m'] as const;

/** Whether snippets may be coloured: a terminal, colour not turned off (NO_COLOR, TERM=dumb). */
function colourTerminal(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

/**
 * The snippet line under a hit: four spaces, then the text around the first match,
 * sanitised, the match coloured on a colour terminal; null when the article has no body.
 */
export function snippetLine(library: SqliteLibrary, outcome: RankedOutcome, hit: RankedHit, colour: boolean): string | null {
  const article = library.article(hit.key);
  const snippet = article === null ? null : articleSnippet(article, outcome.highlight);
  if (snippet === null) return null;
  const match = sanitize(snippet.match);
  const styled = colour && match !== '' ? `${MATCH_STYLE[0]}${match}${MATCH_STYLE[1]}` : match;
  return `    ${sanitize(snippet.before)}${styled}${sanitize(snippet.after)}`;
}

/** Why a date-bounded query can find nothing in articles that have no date, or null. */
function undatedHint(query: QueryAst, library: SqliteLibrary): string | null {
  if (query.after === null && query.before === null) return null;
  const undated = library.countUndated();
  if (undated === 0) return null;
  const all = library.count({ sort: 'newest' });
  const which = undated === all ? `none of the ${all} articles has a date` : `${undated} of the ${all} articles have no date`;
  return `${which}, and after:/before: never match an undated article`;
}

export async function searchCommand(argv: string[], globals: GlobalOptions = {}): Promise<number> {
  const parsed = commandArgsWith(argv, 'search', SEARCH_USAGE, {
    json: { type: 'boolean' },
    limit: { type: 'string' },
    snippets: { type: 'boolean' },
    db: { type: 'string' },
    help: HELP_OPTION,
  });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
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
  if (isEmptyQuery(checked.query)) {
    printError(`search: ${emptyQueryMessage(query)}`);
    return EXIT_ERROR;
  }

  const db = values.db ?? globals.db;
  let roots = paths;
  if (roots.length === 0) {
    const config = await readConfig(globals.config);
    if (config === null) return EXIT_ERROR;
    roots = defaultPaths(db, config.settings.paths).paths;
  }
  const library = await openRefreshedLibrary(roots, db, true);
  if (library === null) return EXIT_ERROR;
  try {
    // The whole query is given at once: no word is a prefix still being typed.
    const searcher = new SqliteSearcher(library.file, { prefixLast: false, roots: library.roots });
    const outcome = await searcher.search(query, limit).finally(() => searcher.close());
    printWarnings(searcher.warnings.map((message) => ({ path: library.file, message })));
    if (outcome.error !== null) {
      printError(`search: ${outcome.error}`);
      return EXIT_ERROR;
    }
    if (outcome.hits.length === 0) {
      const hint = undatedHint(checked.query, library);
      if (outcome.suggestion !== null) printError(`no matches; did you mean: ${outcome.suggestion}`);
      else if (hint !== null) printError(`no matches: ${hint}`);
      return EXIT_NO_MATCH;
    }
    if (values.json ?? globals.json) {
      await writeOut(outcome.hits.map((h) => `${hitJson(h)}\n`).join(''));
      return 0;
    }
    const snippets = values.snippets ?? process.stdout.isTTY === true;
    const colour = colourTerminal();
    const lines = outcome.hits.map((hit) => {
      const snippet = snippets ? snippetLine(library, outcome, hit, colour) : null;
      return snippet === null ? `${hitLine(hit)}\n` : `${hitLine(hit)}\n${snippet}\n`;
    });
    await writeOut(lines.join(''));
    return 0;
  } finally {
    library.close();
  }
}
