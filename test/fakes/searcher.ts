/**
 * A stand-in Searcher for the reader's tests: case-insensitive substring matching of each
 * query word in headlines and text, with controllable answers (errors, suggestions,
 * delays resolved by hand to test that stale outcomes are dropped).
 */
import type { ArticleSummary } from '../../src/library/library.js';
import type { MatchRange } from '../../src/search/match-ranges.js';
import type { SearchOutcome, Searcher } from '../../src/search/searcher.js';

export function substringHighlight(query: string): (text: string) => MatchRange[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  return (text) => {
    const lower = text.toLowerCase();
    const ranges: MatchRange[] = [];
    for (const word of words) {
      for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
    }
    return ranges.sort((a, b) => a[0] - b[0]);
  };
}

export interface FakeSearcherOptions {
  /** Full text per summary key (headline is always searched). */
  bodies?: Map<string, string>;
  /** Queries answered with this error. */
  malformed?: (query: string) => string | null;
  suggestion?: string | null;
  /** Hold every answer until `release()` is called. */
  manual?: boolean;
}

export class FakeSearcher implements Searcher {
  readonly asked: string[] = [];
  private readonly held: (() => void)[] = [];

  private readonly rows: ArticleSummary[];

  constructor(
    rows: ArticleSummary[],
    private readonly options: FakeSearcherOptions = {},
  ) {
    this.rows = [...rows];
  }

  /** An article the searcher finds from now on, as after an index refresh. */
  addRow(row: ArticleSummary): void {
    this.rows.push(row);
  }

  rowAt(index: number): ArticleSummary {
    const row = this.rows[index];
    if (row === undefined) throw new Error(`no row ${index}`);
    return row;
  }

  search(query: string, limit: number, offset = 0): Promise<SearchOutcome> {
    this.asked.push(query);
    const outcome = this.answer(query, limit, offset);
    if (!this.options.manual) return Promise.resolve(outcome);
    return new Promise((resolve) => this.held.push(() => resolve(outcome)));
  }

  /** Resolve held answers, in the order given by `order` (indexes into the held list). */
  release(order?: number[]): void {
    const held = this.held.splice(0);
    for (const index of order ?? held.map((_, i) => i)) held[index]?.();
  }

  private answer(query: string, limit: number, offset: number): SearchOutcome {
    const error = this.options.malformed?.(query) ?? null;
    const highlight = substringHighlight(query);
    if (error !== null) return { query, offset, total: 0, hits: [], error, suggestion: null, highlight };
    const hits = this.rows.filter((r) => highlight(`${r.headline}\n${this.options.bodies?.get(r.key) ?? ''}`).length > 0);
    return {
      query,
      offset,
      total: hits.length,
      hits: hits.slice(offset, offset + limit),
      error: null,
      suggestion: hits.length === 0 ? (this.options.suggestion ?? null) : null,
      highlight,
    };
  }

  close(): void {}
}
