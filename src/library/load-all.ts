/** Find and parse every article under some paths, in the stable `--json` order. */
import type { Article } from '../article/types.js';
import { findArticleFiles } from './find.js';
import { compareNewestFirst } from './library.js';
import { loadArticleFile } from './load.js';

export interface Warning {
  path: string;
  message: string;
}

export interface LoadedArticles {
  articles: Article[];
  warnings: Warning[];
}

/** Files are read a few at a time: enough to overlap I/O, few enough to bound memory. */
const READ_CONCURRENCY = 16;

export async function loadArticles(paths: string[]): Promise<LoadedArticles> {
  const found = await findArticleFiles(paths);
  const results = new Array<Article | null>(found.files.length).fill(null);
  const fileWarnings: Warning[][] = found.files.map(() => []);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < found.files.length) {
      const index = next++;
      const file = found.files[index];
      if (!file) continue;
      const result = await loadArticleFile(file);
      if ('article' in result) {
        results[index] = result.article;
        fileWarnings[index] = result.article.warnings.map((message) => ({ path: file.path, message }));
      } else {
        fileWarnings[index] = [{ path: file.path, message: result.warning }];
      }
    }
  }
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  const articles = results.filter((a): a is Article => a !== null).sort(compareNewestFirst);
  return { articles, warnings: [...found.warnings, ...fileWarnings.flat()] };
}
