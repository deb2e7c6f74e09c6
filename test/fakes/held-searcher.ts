/**
 * The real searcher, watched: it records every query the reader asks, and with `hold` keeps
 * each answer back until `release`, so a test can deliver answers out of order. That race
 * happens with the real worker only by chance; everything else is the real search.
 */
import type { SearchOutcome, Searcher } from '../../src/search/searcher.js';

export class HeldSearcher implements Searcher {
  readonly asked: string[] = [];
  private readonly held: (() => void)[] = [];

  constructor(
    private readonly inner: Searcher,
    private readonly options: { hold: boolean } = { hold: false },
  ) {}

  search(query: string, limit: number, offset = 0): Promise<SearchOutcome> {
    this.asked.push(query);
    const answer = this.inner.search(query, limit, offset);
    if (!this.options.hold) return answer;
    return new Promise((resolve, reject) =>
      this.held.push(() => {
        answer.then(resolve, reject);
      }),
    );
  }

  /** Deliver the held answers in `order` (indexes into the held list; all, in turn, by default). */
  release(order?: number[]): void {
    const held = this.held.splice(0);
    for (const index of order ?? held.map((_, i) => i)) held[index]?.();
  }

  close(): void {
    this.inner.close();
  }
}
