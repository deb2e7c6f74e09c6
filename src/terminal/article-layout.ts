/**
 * An article set for the terminal: a header saying what it is (source, date, section and
 * file), then its blocks, all sanitised, wrapped to a width and styled by kind, with search
 * matches marked. Wrapping is the costly part, so layouts are cached by (article, width,
 * query) and scrolling only slices the lines.
 */
import type { Article, BlockKind } from '../article/types.js';
import { isFeedArticle } from '../feed/types.js';
import type { MatchRange } from '../search/match-ranges.js';
import { markMatches, segmentsOf } from './highlight.js';
import { type Segment, wrapRanges } from './text.js';

/**
 * How a line is drawn: by the kind of block it comes from, a blank between blocks, or the
 * header's lines (what the article is, and the file it was read from).
 */
export type LineStyle = BlockKind | 'blank' | 'header' | 'file';

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

/** The header's first line: `BBC · 2016-09-06 · business`, with `no date` for an undated article. */
export function headerText(article: Pick<Article, 'source' | 'date' | 'section'>): string {
  return [article.source, article.date ?? 'no date', article.section].filter((part) => part !== null && part !== '').join(' · ');
}

/** Wrapped, sanitised lines of `text` (no matches) in `style`. */
function plainLines(text: string, width: number, style: LineStyle): ArticleLine[] {
  const marked = markMatches(text, []);
  return wrapRanges(marked.text, width).map((range) => ({ style, indent: 0, segments: segmentsOf(marked, range.start, range.end) }));
}

/** Lay out an article at `width` columns; `highlight` finds search matches in raw text. */
export function layoutArticle(
  article: Article,
  width: number,
  highlight: ((text: string) => MatchRange[]) | null,
): ArticleLayout {
  // A feed entry is named by its feed's title and shown with its link, not its place in the store.
  const feed = isFeedArticle(article) ? article.feedFields : null;
  const header = headerText({ ...article, source: feed?.feed ?? article.source });
  const lines: ArticleLine[] = [...plainLines(header, width, 'header'), ...plainLines(feed?.url ?? article.path, width, 'file')];
  const matchLines: number[] = [];
  for (const block of article.blocks) {
    lines.push(BLANK);
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

/**
 * Roughly what a layout costs in memory: per line an object and its segment array, per
 * segment an object and its text (UTF-16). An estimate that follows the heap closely
 * enough to bound the cache: for 25 layouts of a 500,000-word article it said 360 MB
 * where the heap grew by 367 MB.
 */
const LINE_BYTES = 120;
const SEGMENT_BYTES = 60;

export function layoutBytes(layout: ArticleLayout): number {
  let bytes = layout.matchLines.length * 8;
  for (const line of layout.lines) {
    bytes += LINE_BYTES;
    for (const segment of line.segments) bytes += SEGMENT_BYTES + 2 * segment.text.length;
  }
  return bytes;
}

/**
 * What the cache may hold, in layoutBytes: the article on screen and its neighbours at a
 * few widths, for ordinary articles a few hundred layouts; for a huge one, only itself.
 * A layout takes two to three times its layoutBytes in the heap: at 32 MiB a reader paging
 * through a 20,000-article library grew by 80 MiB over 2,000 articles and kept it.
 */
export const CACHE_BYTES = 4 * 1024 * 1024;

/**
 * A least-recently-used cache of layouts keyed by (article key, width, query), bounded by
 * their size rather than their number: resizing over a long article makes a layout per
 * width, and each can be tens of megabytes. The newest layout is always kept.
 */
export class ArticleLayoutCache {
  private readonly entries = new Map<string, { layout: ArticleLayout; bytes: number }>();
  private total = 0;

  constructor(private readonly budget: number = CACHE_BYTES) {}

  /** What the cached layouts cost in all, in layoutBytes. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get(key: string, article: Article, width: number, query: string, highlight: ((text: string) => MatchRange[]) | null): ArticleLayout {
    const id = `${key}\u0000${width}\u0000${highlight === null ? '' : query}`;
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.layout;
    }
    const layout = layoutArticle(article, width, highlight);
    const bytes = layoutBytes(layout);
    this.entries.set(id, { layout, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.budget || oldest === id) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
    return layout;
  }
}
