/**
 * The scriptable listing: `--json` prints one article a line with every field of
 * FORMAT.md; otherwise one tab-separated line per article (date, section, headline, path)
 * for grep, cut and fzf. Both in the stable order: newest first (the date, or for an
 * undated article its file's modification time), then path.
 */
import type { Article, Block } from '../article/types.js';
import { isFeedArticle } from '../feed/types.js';
import { loadArticles } from '../library/load-all.js';
import { openMarks, type Marks } from '../library/store/marks.js';
import { resolveDbPath } from '../library/store/paths.js';
import { openLibrary } from '../library/store/sqlite-library.js';
import { escapeUnsafeInJson, sanitize } from '../terminal/sanitize.js';
import { printError, printWarnings, writeOut } from './output.js';

/**
 * A block as --json prints it: `text` as shown (references decoded), `lines` exactly as in
 * the file, left out when it is the one line `text` already is.
 */
function blockJson({ kind, text, lines }: Block): { kind: Block['kind']; text: string; lines?: string[] } {
  return lines.length === 1 && lines[0] === text ? { kind, text } : { kind, text, lines };
}

/**
 * The JSON line for one article: fields in FORMAT.md's order, text exact. C1 controls and
 * bidi/format characters are written as \u escapes (JSON.stringify leaves them raw), so the
 * output is safe on a terminal and parses to the very same text.
 */
export function articleJson(article: Article, marks: Marks = { read: false, starred: false }): string {
  const { id, path, section, headline, standfirst, date, source, credits, words, warnings } = article;
  const blocks = article.blocks.map(blockJson);
  // A feed entry adds its link, feed, time, author, categories and enclosures; its `source` is the feed's URL or path.
  const feed = isFeedArticle(article)
    ? (({ url, feed, published, author, categories, enclosures }) => ({ url, feed, published, author, categories, enclosures }))(article.feedFields)
    : {};
  return escapeUnsafeInJson(
    JSON.stringify({ id, path, section, headline, standfirst, date, source, credits, blocks, words, warnings, ...feed, read: marks.read, starred: marks.starred }),
  );
}

/** The tab-separated line: every field sanitised, so tabs and newlines cannot split it. */
export function articleTsv(article: Pick<Article, 'date' | 'section' | 'headline' | 'path'>): string {
  return [article.date ?? '-', article.section ?? '-', article.headline, article.path].map((f) => sanitize(f)).join('\t');
}

/**
 * The articles under `paths`, read from the files. `--json` adds each article's read and
 * starred marks from the library database `db` names, looked up read only.
 */
export async function listArticles(paths: string[], json: boolean, db?: string): Promise<number> {
  const { articles, warnings, failedUrls } = await loadArticles(paths);
  printWarnings(warnings);
  // Every feed URL failed and nothing else was read: that is an error, not an empty list.
  if (articles.length === 0 && failedUrls.length > 0) return 1;
  const marks = json ? openMarks(resolveDbPath({ db })) : null;
  const format = (article: Article): string => (marks === null ? articleTsv(article) : articleJson(article, marks.marks(article.id)));
  try {
    const BATCH = 256;
    for (let i = 0; i < articles.length; i += BATCH) {
      await writeOut(articles.slice(i, i + BATCH).map((a) => `${format(a)}\n`).join(''));
    }
  } finally {
    marks?.close();
  }
  return 0;
}

/**
 * The listing of what the library database holds under `paths` (the subscribed feeds, as
 * `newsreader fetch` stored them): refreshed from any files first, never fetched.
 */
export async function listLibrary(paths: string[], json: boolean, db: string | undefined): Promise<number> {
  const library = openLibrary({ paths, db });
  try {
    if (library.notice !== null) printError(library.notice);
    const summary = await library.refresh().done;
    printWarnings(summary.warnings);
    const view = { sort: 'newest' } as const;
    const PAGE = 256;
    for (let offset = 0; ; offset += PAGE) {
      const page = library.page(view, offset, PAGE);
      if (page.length === 0) break;
      const lines = page.map((summaryRow) => {
        if (!json) return articleTsv(summaryRow);
        const article = library.article(summaryRow.key);
        return article === null ? null : articleJson(article, library.state(article.id));
      });
      await writeOut(lines.filter((l): l is string => l !== null).map((l) => `${l}\n`).join(''));
    }
    return 0;
  } finally {
    library.close();
  }
}
