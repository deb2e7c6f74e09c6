/**
 * An article written out for other programs: as plain text (piped to a command, saved as
 * `.txt`) or as Markdown (saved as `.md`), and a file name to save it under.
 */
import type { Article, Block } from './types.js';

/** What the article is, in one line: `BBC · 2016-09-06 · business` (`no date` when undated). */
export function metaLine(article: Pick<Article, 'source' | 'date' | 'section'>): string {
  return [article.source, article.date ?? 'no date', article.section].filter((part) => part !== null && part !== '').join(' · ');
}

/** The blocks after the headline, which both formats write first on their own. */
function bodyBlocks(article: Article): Block[] {
  const first = article.blocks.findIndex((b) => b.kind === 'headline');
  return first < 0 ? article.blocks : article.blocks.filter((_, i) => i !== first);
}

/**
 * Headline, the meta line, then each block as its lines are in the file (or, for a feed
 * entry, as its content set them: list items and references stay one a line), blank lines
 * between blocks.
 */
export function articleText(article: Article): string {
  const parts = [`${article.headline}\n${metaLine(article)}`];
  for (const block of bodyBlocks(article)) {
    const lines = block.lines.map((line) => line.trim()).filter((line) => line !== '');
    if (lines.length > 0) parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Characters Markdown would read as markup, anywhere in a line. */
const INLINE_MARKUP = /[\\`*_[\]<>]/g;
/** A line start Markdown would read as a heading, list item, quote or rule. */
const LINE_START_MARKUP = /^(#|[-+]\s|=+$|-+$)/;
const NUMBERED_ITEM = /^(\d+)([.)]\s)/;

/** A line of text that reads in Markdown as the same text, not as markup. */
export function escapeMarkdown(line: string): string {
  const inline = line.replace(INLINE_MARKUP, '\\$&');
  if (LINE_START_MARKUP.test(inline)) return `\\${inline}`;
  return inline.replace(NUMBERED_ITEM, '$1\\$2');
}

/**
 * A block in Markdown. A text file's lines are one paragraph (the file wraps them); lines
 * that stand apart (credits, a feed entry's list items and references) keep their breaks.
 */
function markdownBlock(block: Block, linesApart: boolean): string {
  const lines = block.lines.map((line) => line.trim()).filter((line) => line !== '').map(escapeMarkdown);
  const text = linesApart || block.kind === 'credit' ? lines.join('  \n') : escapeMarkdown(block.text.trim());
  switch (block.kind) {
    case 'caption':
      return text === '' ? '' : `*${text}*`;
    case 'attribution':
      return `— ${text}`;
    default:
      return text;
  }
}

/**
 * The article in Markdown: the headline as `#`, the standfirst, the meta line in italics,
 * then the body's blocks as paragraphs.
 */
export function articleMarkdown(article: Article, options: { linesApart?: boolean } = {}): string {
  const parts = [`# ${escapeMarkdown(article.headline.trim())}`];
  const body = bodyBlocks(article);
  const standfirst = body.findIndex((b) => b.kind === 'standfirst');
  if (standfirst >= 0) parts.push(markdownBlock(body[standfirst]!, false));
  parts.push(`*${escapeMarkdown(metaLine(article))}*`);
  for (const [i, block] of body.entries()) {
    if (i === standfirst) continue;
    const text = markdownBlock(block, options.linesApart ?? false);
    if (text !== '') parts.push(text);
  }
  return `${parts.join('\n\n')}\n`;
}

/** Longest name part, in characters: room for an extension under any file system's limit. */
const MAX_NAME = 60;

/**
 * A file name made from a headline that any file system and shell take as it is: letters
 * and digits of any script, lower case, words joined by `-`, no leading dot, cut at a word.
 * `New consoles promise big problems` -> `new-consoles-promise-big-problems.txt`.
 */
export function fileNameFor(headline: string, extension: string): string {
  const words = headline
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  let name = '';
  for (const word of words) {
    const next = name === '' ? word : `${name}-${word}`;
    if (Array.from(next).length > MAX_NAME) {
      if (name === '') name = Array.from(word).slice(0, MAX_NAME).join('');
      break;
    }
    name = next;
  }
  return `${name === '' ? 'article' : name}.${extension}`;
}
