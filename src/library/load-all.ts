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

export async function loadArticles(paths: string[]): Promise<LoadedArticles> {
  const found = await findArticleFiles(paths);
  const loaded: { article: Article; mtimeMs: number; path: string; date: string | null }[] = [];
  const warnings: Warning[] = [...found.warnings];
  for (const file of found.files) {
    const result = loadArticleFile(file);
    if ('warning' in result) {
      warnings.push({ path: file.path, message: result.warning });
      continue;
    }
    const { article, mtimeMs } = result;
    loaded.push({ article, mtimeMs, path: article.path, date: article.date });
    for (const message of article.warnings) warnings.push({ path: file.path, message });
  }
  return { articles: loaded.sort(compareNewestFirst).map((l) => l.article), warnings };
}
