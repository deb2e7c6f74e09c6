/** Find and parse every article under some paths and feed URLs, in the stable `--json` order. */
import type { Article } from '../article/types.js';
import { isFeedArticle } from '../feed/types.js';
import { feedFromBytes, mayBeFeed } from './feed-file.js';
import { fetchFeed } from './fetch-feed.js';
import { isFeedUrl } from './feed-names.js';
import { findArticleFiles, type FoundFile } from './find.js';
import { compareNewestFirst } from './library.js';
import { articleFromBytes } from './load.js';
import { readArticleFile } from './read-file.js';

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

/** An article with what orders it: its time (a feed entry's full time), else its file's. */
interface Loaded {
  article: Article;
  path: string;
  date: string | null;
  mtimeMs?: number;
}

function loaded(article: Article, mtimeMs?: number): Loaded {
  const date = (isFeedArticle(article) ? article.feedFields.published : null) ?? article.date;
  return { article, path: article.path, date, ...(mtimeMs === undefined ? {} : { mtimeMs }) };
}

/** One found file: a feed gives its entries, anything else is read as one article. */
function loadFile(file: FoundFile): { articles: Loaded[]; warnings: string[] } {
  const read = readArticleFile(file.path);
  if ('warning' in read) return { articles: [], warnings: [read.warning] };
  const { mtimeMs } = read.stat;
  if (mayBeFeed(file)) {
    const feed = feedFromBytes(read.bytes, file);
    if (feed.kind === 'feed') return { articles: feed.articles.map((a) => loaded(a, mtimeMs)), warnings: feed.warnings };
    if (feed.kind === 'skip') return { articles: [], warnings: [feed.warning] };
    if (feed.kind === 'ignore') return { articles: [], warnings: [] };
  }
  const parsed = articleFromBytes(read.bytes, file);
  if ('warning' in parsed) return { articles: [], warnings: [parsed.warning] };
  return { articles: [loaded(parsed.article, mtimeMs)], warnings: parsed.article.warnings };
}

export async function loadArticles(paths: string[]): Promise<LoadedArticles> {
  const urls = paths.filter(isFeedUrl);
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
      return result.articles.map((article) => loaded(article));
    }),
  );
  const found = await findArticleFiles(paths.filter((p) => !isFeedUrl(p)));
  const all: Loaded[] = [];
  const warnings: Warning[] = [...found.warnings];
  for (const file of found.files) {
    const result = loadFile(file);
    all.push(...result.articles);
    warnings.push(...result.warnings.map((message) => ({ path: file.path, message })));
  }
  all.push(...(await fetched).flat());
  warnings.push(...urlWarnings);
  return { articles: all.sort(compareNewestFirst).map((l) => l.article), warnings, failedUrls };
}
