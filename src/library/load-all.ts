/** Find and parse every article under some paths and feed URLs, in the stable `--json` order. */
import type { Article } from '../article/types.js';
import { isFeedArticle } from '../feed/types.js';
import { mayBeFeed, readFeedFile } from './feed-file.js';
import { fetchFeed, isFeedUrl } from './fetch-feed.js';
import { findArticleFiles, type FoundFile } from './find.js';
import { compareNewestFirst } from './library.js';
import { loadArticleFile } from './load.js';

export interface Warning {
  path: string;
  message: string;
}

export interface LoadedArticles {
  articles: Article[];
  warnings: Warning[];
  /** Feed URLs that gave nothing (unreachable, not a feed): their warnings say why. */
  failedUrls: string[];
}

/** The listing's sort key: the date, and for a feed entry its full time (its `date` has none). */
function sortKey(article: Article): string | null {
  return (isFeedArticle(article) ? article.feedFields.published : null) ?? article.date;
}

/** Newest first by sortKey (undated last), then by path: one key, so the order is total. */
function compareForListing(a: Article, b: Article): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) {
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? 1 : -1;
  }
  return compareNewestFirst(a, b);
}

type FileResult = { articles: Article[]; warnings: string[] };

/** One found file: a feed gives its entries, anything else is read as one article. */
async function loadFile(file: FoundFile): Promise<FileResult> {
  if (mayBeFeed(file)) {
    const feed = await readFeedFile(file);
    if (feed.kind === 'feed') return { articles: feed.articles, warnings: feed.warnings };
    if (feed.kind === 'skip') return { articles: [], warnings: [feed.warning] };
    if (feed.kind === 'ignore') return { articles: [], warnings: [] };
  }
  const result = await loadArticleFile(file);
  if ('warning' in result) return { articles: [], warnings: [result.warning] };
  return { articles: [result.article], warnings: result.article.warnings };
}

/** Files are read a few at a time: enough to overlap I/O, few enough to bound memory. */
const READ_CONCURRENCY = 16;

export async function loadArticles(paths: string[]): Promise<LoadedArticles> {
  const urls = paths.filter(isFeedUrl);
  const found = await findArticleFiles(paths.filter((p) => !isFeedUrl(p)));
  const results = new Array<Article[]>(found.files.length).fill([]);
  const fileWarnings: Warning[][] = found.files.map(() => []);
  const failedUrls: string[] = [];
  const urlWarnings: Warning[] = [];
  const fetched = Promise.all(
    urls.map(async (url) => {
      const result = await fetchFeed(url);
      if ('error' in result) {
        failedUrls.push(url);
        urlWarnings.push({ path: url, message: result.error });
        return [];
      }
      urlWarnings.push(...result.warnings.map((message) => ({ path: url, message })));
      return result.articles;
    }),
  );
  let next = 0;
  async function worker(): Promise<void> {
    while (next < found.files.length) {
      const index = next++;
      const file = found.files[index];
      if (!file) continue;
      const result = await loadFile(file);
      results[index] = result.articles;
      fileWarnings[index] = result.warnings.map((message) => ({ path: file.path, message }));
    }
  }
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  const fromUrls = (await fetched).flat();
  const articles = [...results.flat(), ...fromUrls].sort(compareForListing);
  return { articles, warnings: [...found.warnings, ...fileWarnings.flat(), ...urlWarnings], failedUrls };
}
