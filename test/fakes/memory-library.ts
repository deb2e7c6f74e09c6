/**
 * A `Library` over articles held in memory: what the reader uses until the SQLite store is
 * wired in, and what component tests read from. Read and star state lives only as long as
 * the process.
 */
import type { Article } from '../../src/article/types.js';
import {
  type ArticleSummary,
  compareNewestFirst,
  type Library,
  type LibraryChange,
  type LibraryView,
  type SortOrder,
  type UserState,
} from '../../src/library/library.js';

const UNTOUCHED: UserState = { read: false, starred: false, readAt: null, starredAt: null };

function compareOldestFirst(a: Article, b: Article): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

// Quotes and other punctuation do not count: 'Blog' files under B, not before A.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true, ignorePunctuation: true });

function compareHeadline(a: Article, b: Article): number {
  return collator.compare(a.headline, b.headline) || compareNewestFirst(a, b);
}

const COMPARE: Record<SortOrder, (a: Article, b: Article) => number> = {
  newest: compareNewestFirst,
  oldest: compareOldestFirst,
  headline: compareHeadline,
};

export class MemoryLibrary implements Library {
  private readonly articles: readonly Article[];
  private readonly orders = new Map<SortOrder, number[]>();
  private readonly states = new Map<string, UserState>();
  private readonly listeners = new Set<(change: LibraryChange) => void>();

  /** `articles` in any order; each one's key is its index in this array. */
  constructor(articles: readonly Article[]) {
    this.articles = articles;
  }

  private order(sort: SortOrder): number[] {
    let order = this.orders.get(sort);
    if (order === undefined) {
      const compare = COMPARE[sort];
      order = this.articles.map((_, i) => i).sort((i, j) => compare(this.articles[i] as Article, this.articles[j] as Article));
      this.orders.set(sort, order);
    }
    return order;
  }

  private rows(view: LibraryView): number[] {
    const order = this.order(view.sort);
    if (!view.unreadOnly && !view.starredOnly) return order;
    return order.filter((i) => {
      const state = this.state((this.articles[i] as Article).id);
      return (!view.unreadOnly || !state.read) && (!view.starredOnly || state.starred);
    });
  }

  count(view: LibraryView): number {
    return this.rows(view).length;
  }

  page(view: LibraryView, offset: number, limit: number): ArticleSummary[] {
    const start = Math.max(0, offset);
    return this.rows(view)
      .slice(start, start + Math.max(0, limit))
      .map((i) => this.summary(i));
  }

  /** The list row for the article at `index`. */
  summary(index: number): ArticleSummary {
    const a = this.articles[index] as Article;
    const { read, starred } = this.state(a.id);
    return { key: String(index), id: a.id, path: a.path, section: a.section, headline: a.headline, date: a.date, source: a.source, words: a.words, read, starred };
  }

  article(key: string): Article | null {
    if (!/^\d+$/.test(key)) return null;
    return this.articles[Number(key)] ?? null;
  }

  state(id: string): UserState {
    return this.states.get(id) ?? UNTOUCHED;
  }

  setState(id: string, patch: Partial<Pick<UserState, 'read' | 'starred'>>): void {
    const now = Date.now();
    const old = this.state(id);
    const next: UserState = { ...old };
    if (patch.read !== undefined && patch.read !== old.read) {
      next.read = patch.read;
      next.readAt = patch.read ? now : null;
    }
    if (patch.starred !== undefined && patch.starred !== old.starred) {
      next.starred = patch.starred;
      next.starredAt = patch.starred ? now : null;
    }
    if (next.read === old.read && next.starred === old.starred) return;
    this.states.set(id, next);
    for (const listener of [...this.listeners]) listener('marks');
  }

  subscribe(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    this.listeners.clear();
  }
}
