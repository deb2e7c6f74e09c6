/**
 * Carrying out what the reducer asks of the world outside the reader (`outside` in the
 * state): open the selected article in the browser or the pager, edit it, list its links,
 * ask where to save it, open a link, pipe it to a command, save it. The programs and files
 * are reached through `OutsideTools`, handed in by the command that starts the reader; what
 * came of it is one line in the status bar.
 */
import { useCallback } from 'react';
import { articleLinks } from '../article/links.js';
import { articleMarkdown, articleText, fileNameFor } from '../article/to-text.js';
import type { Article } from '../article/types.js';
import { isFeedArticle } from '../feed/types.js';
import type { Action, AppState, OutsideRequest } from '../state/types.js';
import type { ReaderSource } from './reader-source.js';

/** How saving went: written, refused because the file exists, or failed (with why). */
export type SaveOutcome = { status: 'saved'; path: string } | { status: 'exists'; path: string } | { status: 'failed'; message: string };

/** The programs and files the reader reaches outside itself; each answers with a notice. */
export interface OutsideTools {
  /** Open an http(s) URL in the browser; `onLate` hears of a browser that failed after it started. */
  openUrl(url: string, onLate?: (text: string) => void): Promise<string>;
  /** Show a file in the pager. */
  page(file: string): Promise<string>;
  /** Edit a file in the editor. */
  edit(file: string): Promise<string>;
  /** Run a command typed by the user with `text` on its standard input. */
  pipe(command: string, text: string): Promise<string>;
  /** Write `content` to `file`; an existing file only when `overwrite`. */
  save(file: string, content: string, overwrite: boolean): Promise<SaveOutcome>;
}

export const NO_TOOLS_NOTICE = 'programs outside the reader are not available here';

/** The text saved for a file name: Markdown for `.md`, else plain text. */
export function savedContent(article: Article, file: string): string {
  return /\.(md|markdown)$/i.test(file) ? articleMarkdown(article, { linesApart: isFeedArticle(article) }) : articleText(article);
}

export interface OutsideOptions {
  tools: OutsideTools | null;
  source: ReaderSource;
  dispatch: (action: Action) => void;
}

/**
 * The function that carries out a state's outside request: synchronous for what only
 * changes the state (the link list, the save prompt), a promise for a program or a file,
 * settled once its notice is shown.
 */
export function useOutside({ tools, source, dispatch }: OutsideOptions): (request: OutsideRequest, now: AppState) => Promise<void> | null {
  return useCallback(
    (request: OutsideRequest, now: AppState): Promise<void> | null => {
      const article = source.article(source.selected(now));
      const say = (text: string): void => dispatch({ type: 'notice', text });
      const sayError = (error: unknown): void => say(error instanceof Error ? error.message : String(error));
      const notice = (text: string): null => {
        say(text);
        return null;
      };
      if (article === null) return notice('the article is not available');
      const later = (work: Promise<string>): Promise<void> => work.then(say, sayError);
      const feed = isFeedArticle(article) ? article.feedFields : null;
      switch (request.kind) {
        case 'links':
          dispatch({ type: 'linksShow', items: articleLinks(article, feed?.url ?? null) });
          return null;
        case 'askSave':
          dispatch({ type: 'promptOpen', purpose: 'save', label: 'save to: ', text: fileNameFor(article.headline, 'txt') });
          return null;
        default:
          break;
      }
      if (tools === null) return notice(NO_TOOLS_NOTICE);
      switch (request.kind) {
        case 'view':
          if (feed === null) return later(tools.page(article.path));
          if (feed.url === null) return notice('this entry has no link to open');
          return later(tools.openUrl(feed.url, say));
        case 'edit':
          if (feed !== null) return notice('a feed entry is not a file to edit: v opens it in the browser');
          return later(tools.edit(article.path));
        case 'open':
          return later(tools.openUrl(request.url, say));
        case 'pipe':
          return later(tools.pipe(request.command, articleText(article)));
        case 'save':
          return tools.save(request.file, savedContent(article, request.file), request.overwrite).then(
            (outcome) => {
              if (outcome.status === 'saved') say(`saved to ${outcome.path}`);
              else if (outcome.status === 'failed') say(outcome.message);
              else dispatch({ type: 'promptOpen', purpose: 'overwrite', label: `${request.file} exists: overwrite? (y/n) `, text: request.file, answer: 'yesno' });
            },
            sayError,
          );
      }
    },
    [tools, source, dispatch],
  );
}
