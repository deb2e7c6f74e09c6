/**
 * An article set for the terminal: its blocks sanitised, wrapped to a width and styled by
 * kind, with search matches marked. Wrapping is the costly part, so layouts are cached by
 * (article, width, query) and scrolling only slices the lines.
 */
import type { Article, BlockKind } from '../article/types.js';
import type { MatchRange } from '../search/searcher.js';
import { markMatches, segmentsOf } from './highlight.js';
import { type Segment, wrapRanges } from './text.js';

/** How a line is drawn: by the kind of block it comes from, or a blank between blocks. */
export type LineStyle = BlockKind | 'blank';

export interface ArticleLine {
  style: LineStyle;
  /** Columns of indent before the text (credits and captions are set apart). */
  indent: number;
  segments: Segment[];
}

export interface ArticleLayout {
  lines: ArticleLine[];
  /** The line of each search match, in reading order. */
  matchLines: number[];
}

const INDENT: Partial<Record<BlockKind, number>> = { credit: 2, caption: 2 };
const BLANK: ArticleLine = { style: 'blank', indent: 0, segments: [] };

/** Lay out an article at `width` columns; `highlight` finds search matches in raw text. */
export function layoutArticle(
  article: Article,
  width: number,
  highlight: ((text: string) => MatchRange[]) | null,
): ArticleLayout {
  const lines: ArticleLine[] = [];
  const matchLines: number[] = [];
  for (const block of article.blocks) {
    if (lines.length > 0) lines.push(BLANK);
    const indent = Math.min(INDENT[block.kind] ?? 0, Math.max(0, width - 1));
    const prefix = block.kind === 'attribution' ? '— ' : '';
    // Each credit line names one picture: keep them on lines of their own.
    const texts = block.kind === 'credit' ? block.lines.map((line) => line.trim()).filter((line) => line !== '') : [block.text];
    for (const text of texts) {
      const ranges = highlight === null ? [] : highlight(text).map(([s, e]): MatchRange => [s + prefix.length, e + prefix.length]);
      const marked = markMatches(prefix + text, ranges);
      const wrapped = wrapRanges(marked.text, width - indent);
      const first = lines.length;
      for (const range of wrapped) lines.push({ style: block.kind, indent, segments: segmentsOf(marked, range.start, range.end) });
      for (const [start] of marked.ranges) {
        const index = wrapped.findIndex((r) => start < r.end);
        matchLines.push(first + (index < 0 ? Math.max(0, wrapped.length - 1) : index));
      }
    }
  }
  return { lines, matchLines };
}

/** Layouts kept: the article on screen and its neighbours at a couple of widths. */
const CACHE_SIZE = 64;

/** A small least-recently-used cache of layouts keyed by (article key, width, query). */
export class ArticleLayoutCache {
  private readonly entries = new Map<string, ArticleLayout>();

  get(key: string, article: Article, width: number, query: string, highlight: ((text: string) => MatchRange[]) | null): ArticleLayout {
    const id = `${key}\u0000${width}\u0000${highlight === null ? '' : query}`;
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const layout = layoutArticle(article, width, highlight);
    this.entries.set(id, layout);
    if (this.entries.size > CACHE_SIZE) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return layout;
  }
}
