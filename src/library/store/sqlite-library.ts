/**
 * The Library the reader and the CLI use, backed by the SQLite store. It never holds all
 * articles: count and page run indexed queries, `article` loads one row. A refresh started
 * with `refresh()` writes through the same connection and notifies subscribers as each
 * batch lands, so the view fills in while the user is already reading.
 */
import type Database from 'better-sqlite3';
import path from 'node:path';
import { creditsOf } from '../../article/credits.js';
import type { Article } from '../../article/types.js';
import type { Enclosure, FeedArticle, FeedFields } from '../../feed/types.js';
import type { FeedRow } from './feed-rows.js';
import type { ArticleSummary, Library, LibraryChange, LibraryView, UserState } from '../library.js';
import { describeStoreError, movedAsideNotice, openStore, type OpenedStore } from './open.js';
import { resolveDbPath, type DbLocationOptions } from './paths.js';
import { libraryRoot } from '../feed-names.js';
import type { Row } from './parse-file.js';
import { blocksFromStored } from './stored-blocks.js';
import { StoreMemory } from './reader-memory.js';
import { startRefresh, type Refresh, type RefreshOptions } from './refresh.js';
import { ORDER_BY, rootFilter, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../schema.js';


/** The columns `article()` reads: those of the row the refresh writes. */
type ArticleRow = Pick<Row, 'id' | 'path' | 'section' | 'headline' | 'standfirst' | 'date' | 'source' | 'words' | 'blocks' | 'warnings'> &
  Partial<Pick<FeedRow, 'feed_file' | 'url' | 'feed' | 'published' | 'author' | 'categories' | 'enclosures'>>;

interface StateRow {
  read: number;
  starred: number;
  read_at: number | null;
  starred_at: number | null;
}

/**
 * How often the store is asked whether another connection has written to it. Reading
 * `PRAGMA data_version` is one call into SQLite with no disk access, so a quarter second
 * costs nothing measurable and shows another reader's marks well within a second.
 */
export const WATCH_INTERVAL_MS = 250;

const NO_STATE: UserState = { read: false, starred: false, readAt: null, starredAt: null };

/** The statement cache's key: views with the same SQL share it (readSince is a parameter). */
function viewKey(view: LibraryView): string {
  return `${view.sort}:${view.unreadOnly ? 'u' : ''}${view.starredOnly ? 's' : ''}`;
}

/** The count cache's key: also the time an unread view keeps read articles from. */
function countKey(view: LibraryView): string {
  return view.unreadOnly ? `${viewKey(view)}:${readSince(view)}` : viewKey(view);
}

/** From when an unread view keeps read articles: never, unless the view says. */
function readSince(view: LibraryView): number {
  return view.readSince ?? Number.MAX_SAFE_INTEGER;
}

/** Read articles an unread view still shows: those read at or after its readSince. */
const KEPT_READ = 'coalesce(u.read_at, 0) >= ?';

export interface OpenLibraryOptions extends DbLocationOptions {
  /** The library paths: only articles found under them are shown. Empty shows all. */
  paths: string[];
}

export class SqliteLibrary implements Library {
  readonly db: Database.Database;
  readonly file: string;
  /** Message to show once when a corrupt or foreign database was moved aside, else null. */
  readonly notice: string | null;
  readonly roots: string[];
  /** What the reader remembers of this library between runs. */
  readonly memory: StoreMemory;
  private readonly listeners = new Set<(change: LibraryChange) => void>();
  private watch: { timer: NodeJS.Timeout; version: number } | null = null;
  private readonly refreshes = new Set<Refresh>();
  private readonly counts = new Map<string, number>();
  private readonly pageStatements = new Map<string, Database.Statement>();
  private readonly countStatements = new Map<string, Database.Statement>();
  private readonly filter;
  private readonly pageFilterSql: string;
  private readonly articleStatement;
  private readonly summaryStatement;
  private readonly stateStatement;
  private readonly setStateStatement;
  private readonly setReadStatement;

  constructor(store: OpenedStore, paths: string[]) {
    this.db = store.db;
    this.file = store.file;
    this.notice = movedAsideNotice(store);
    this.roots = paths.map((p) => libraryRoot(p, path.resolve));
    this.filter = rootFilter(this.roots, 'a.path');
    this.memory = new StoreMemory(this.db, this.roots);
    this.pageFilterSql = rootFilter(this.roots, '+a.path').sql;
    this.articleStatement = this.db.prepare(
      `SELECT id, path, section, headline, standfirst, date, source, words, blocks, warnings,
        feed_file, url, feed, published, author, categories, enclosures FROM articles WHERE rowid = ?`,
    );
    this.summaryStatement = this.db.prepare(
      `SELECT ${SUMMARY_COLUMNS}
        FROM articles a LEFT JOIN user_state u ON u.id = a.id
        WHERE a.rowid IN (SELECT value FROM json_each(?))`,
    );
    this.stateStatement = this.db.prepare('SELECT read, starred, read_at, starred_at FROM user_state WHERE id = ?');
    this.setStateStatement = this.db.prepare(`
      INSERT INTO user_state (id, read, starred, read_at, starred_at) VALUES (@id, @read, @starred, @read_at, @starred_at)
      ON CONFLICT (id) DO UPDATE SET read = excluded.read, starred = excluded.starred,
        read_at = excluded.read_at, starred_at = excluded.starred_at`);
    // An article already read keeps the time it was first read.
    this.setReadStatement = this.db.prepare(`
      INSERT INTO user_state (id, read, starred, read_at, starred_at) VALUES (@id, @read, 0, CASE WHEN @read = 1 THEN @now END, NULL)
      ON CONFLICT (id) DO UPDATE SET read = excluded.read,
        read_at = CASE WHEN excluded.read = 0 THEN NULL WHEN user_state.read = 1 THEN user_state.read_at ELSE @now END`);
  }

  private statement(cache: Map<string, Database.Statement>, key: string, sql: () => string): Database.Statement {
    let statement = cache.get(key);
    if (!statement) {
      statement = this.db.prepare(sql());
      cache.set(key, statement);
    }
    return statement;
  }

  /**
   * Counting: plain views count the path-index range of the roots. Starred views start
   * from the few starred ids (a partial index) rather than scan every article; unread is
   * all minus read, for the same reason.
   */
  private countSql(view: LibraryView): string {
    const filter = this.filter.sql;
    if (view.starredOnly) {
      return `SELECT count(*) AS n FROM user_state u CROSS JOIN articles a ON a.id = u.id
        WHERE u.starred = 1 ${view.unreadOnly ? `AND (u.read = 0 OR ${KEPT_READ})` : ''} AND (${filter})`;
    }
    if (view.unreadOnly) {
      return `SELECT (SELECT count(*) FROM articles a WHERE ${filter})
        - (SELECT count(*) FROM user_state u CROSS JOIN articles a ON a.id = u.id
           WHERE u.read = 1 AND NOT ${KEPT_READ} AND (${filter})) AS n`;
    }
    return `SELECT count(*) AS n FROM articles a WHERE ${filter}`;
  }

  private countParams(view: LibraryView): (string | number)[] {
    const params = this.filter.params;
    if (!view.unreadOnly) return params;
    return view.starredOnly ? [readSince(view), ...params] : [...params, readSince(view), ...params];
  }

  count(view: LibraryView): number {
    const key = countKey(view);
    const cached = this.counts.get(key);
    if (cached !== undefined) return cached;
    const statement = this.statement(this.countStatements, key, () => this.countSql(view));
    const { n } = statement.get(...this.countParams(view)) as { n: number };
    this.counts.set(key, n);
    return n;
  }

  /** How many articles under the roots have no date (after:/before: never find them). */
  countUndated(): number {
    const sql = `SELECT count(*) AS n FROM articles a WHERE a.date IS NULL AND (${this.filter.sql})`;
    return (this.db.prepare(sql).get(...this.filter.params) as { n: number }).n;
  }

  /**
   * Which rows a page shows, as keys. The root filter is written on `+a.path` so SQLite
   * cannot answer it from the path index and walks the sort's index instead (date or
   * headline), stopping after offset + limit entries; otherwise it would gather every row
   * under the roots and sort them (140 ms instead of under 1 ms at 100,000 articles). The
   * sort indexes hold path and rowid, so skipping `offset` rows never touches the table.
   */
  private keysSql(view: LibraryView): string {
    const order = ORDER_BY[view.sort];
    const filter = this.pageFilterSql;
    if (view.starredOnly) {
      return `SELECT a.rowid AS key FROM user_state u CROSS JOIN articles a ON a.id = u.id
        WHERE u.starred = 1 ${view.unreadOnly ? `AND (u.read = 0 OR ${KEPT_READ})` : ''} AND (${filter})
        ORDER BY ${order} LIMIT ? OFFSET ?`;
    }
    if (view.unreadOnly) {
      return `SELECT a.rowid AS key FROM articles a LEFT JOIN user_state u ON u.id = a.id
        WHERE (${filter}) AND (coalesce(u.read, 0) = 0 OR ${KEPT_READ}) ORDER BY ${order} LIMIT ? OFFSET ?`;
    }
    return `SELECT a.rowid AS key FROM articles a WHERE ${filter} ORDER BY ${order} LIMIT ? OFFSET ?`;
  }

  /** The parameters of keysSql before LIMIT and OFFSET. */
  private keysParams(view: LibraryView): (string | number)[] {
    if (!view.unreadOnly) return this.filter.params;
    return view.starredOnly ? [readSince(view), ...this.filter.params] : [...this.filter.params, readSince(view)];
  }

  page(view: LibraryView, offset: number, limit: number): ArticleSummary[] {
    if (limit <= 0) return [];
    const keysStatement = this.statement(this.pageStatements, viewKey(view), () => this.keysSql(view));
    const keys = (keysStatement.all(...this.keysParams(view), limit, Math.max(0, offset)) as { key: number }[]).map((r) => r.key);
    if (keys.length === 0) return [];
    const rows = this.summaryStatement.all(JSON.stringify(keys)) as SummaryRow[];
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const summaries: ArticleSummary[] = [];
    for (const key of keys) {
      const row = byKey.get(key);
      if (!row) continue;
      summaries.push(toSummary(row));
    }
    return summaries;
  }

  article(key: string): Article | null {
    if (!/^\d+$/.test(key)) return null;
    const row = this.articleStatement.get(Number(key)) as ArticleRow | undefined;
    if (!row) return null;
    const blocks = blocksFromStored(row.blocks);
    const article: Article = {
      id: row.id,
      path: row.path,
      section: row.section,
      headline: row.headline,
      standfirst: row.standfirst,
      date: row.date,
      source: row.source,
      credits: creditsOf(blocks),
      blocks,
      words: row.words,
      warnings: JSON.parse(row.warnings) as string[],
    };
    return row.feed_file ? withFeedFields(article, row) : article;
  }

  state(id: string): UserState {
    const row = this.stateStatement.get(id) as StateRow | undefined;
    if (!row) return { ...NO_STATE };
    return { read: row.read === 1, starred: row.starred === 1, readAt: row.read_at, starredAt: row.starred_at };
  }

  setState(id: string, patch: Partial<Pick<UserState, 'read' | 'starred'>>): void {
    const now = Date.now();
    const current = this.state(id);
    const read = patch.read ?? current.read;
    const starred = patch.starred ?? current.starred;
    try {
      this.setStateStatement.run({
        id,
        read: read ? 1 : 0,
        starred: starred ? 1 : 0,
        read_at: read ? (current.read ? current.readAt : now) : null,
        starred_at: starred ? (current.starred ? current.starredAt : now) : null,
      });
    } catch (error) {
      throw describeStoreError(error, this.file);
    }
    this.changed('marks');
  }

  setRead(ids: readonly string[], read: boolean): void {
    if (ids.length === 0) return;
    const now = Date.now();
    try {
      this.db.transaction(() => {
        for (const id of ids) this.setReadStatement.run({ id, read: read ? 1 : 0, now });
      })();
    } catch (error) {
      throw describeStoreError(error, this.file);
    }
    this.changed('marks');
  }

  markAllRead(view: LibraryView): string[] {
    const { sql, params } = this.viewRows(view);
    const ids = (this.db.prepare(`SELECT DISTINCT id FROM (${sql}) WHERE read = 0`).all(...params) as { id: string }[]).map((r) => r.id);
    this.setRead(ids, true);
    return ids;
  }

  /** Rows looked at directly before asking SQLite to number the whole view. */
  private static readonly NEAR = 200;

  findUnread(view: LibraryView, from: number, step: 1 | -1): number | null {
    // Most often an unread article is close by: one page read answers without numbering
    // every row of the view.
    const start = step === 1 ? from + 1 : Math.max(0, from - SqliteLibrary.NEAR);
    const near = this.page(view, start, step === 1 ? SqliteLibrary.NEAR : from - start);
    const found = step === 1 ? near.findIndex((row) => !row.read) : near.findLastIndex((row) => !row.read);
    if (found >= 0) return start + found;
    if (step === -1 ? start === 0 : near.length < SqliteLibrary.NEAR) return null;
    const { sql, params } = this.viewRows(view);
    const beyond = step === 1 ? 'row >= ? ORDER BY row' : 'row < ? ORDER BY row DESC';
    const row = this.db.prepare(`SELECT row FROM (${sql}) WHERE read = 0 AND ${beyond} LIMIT 1`).get(...params, step === 1 ? start + SqliteLibrary.NEAR : start) as
      | { row: number }
      | undefined;
    return row?.row ?? null;
  }

  indexOf(view: LibraryView, key: string): number | null {
    if (!/^\d+$/.test(key)) return null;
    const { sql, params } = this.viewRows(view);
    const row = this.db.prepare(`SELECT row FROM (${sql}) WHERE key = ?`).get(...params, Number(key)) as { row: number } | undefined;
    return row?.row ?? null;
  }

  /** Every row of the view, numbered from 0 in the view's order, with its read mark. */
  private viewRows(view: LibraryView): { sql: string; params: (string | number)[] } {
    const where = [`(${this.filter.sql})`];
    if (view.starredOnly) where.push('u.starred = 1');
    if (view.unreadOnly) where.push(`(coalesce(u.read, 0) = 0 OR ${KEPT_READ})`);
    const sql = `SELECT a.rowid AS key, a.id AS id, coalesce(u.read, 0) AS read, row_number() OVER (ORDER BY ${ORDER_BY[view.sort]}) - 1 AS row
      FROM articles a LEFT JOIN user_state u ON u.id = a.id WHERE ${where.join(' AND ')}`;
    return { sql, params: [...this.filter.params, ...(view.unreadOnly ? [readSince(view)] : [])] };
  }

  /** Subscribers also hear of writes by other processes, checked every WATCH_INTERVAL_MS. */
  subscribe(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    this.startWatching();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopWatching();
    };
  }

  /** Re-read counts and tell subscribers: after a refresh batch or a state change. */
  changed(change: LibraryChange = 'articles'): void {
    this.counts.clear();
    for (const listener of [...this.listeners]) listener(change);
  }

  /** `data_version` changes when another connection commits; this connection's writes leave it. */
  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private startWatching(): void {
    if (this.watch !== null || !this.db.open) return;
    const timer = setInterval(() => this.checkForOtherWriters(), WATCH_INTERVAL_MS);
    // Watching never keeps the process alive on its own.
    timer.unref();
    this.watch = { timer, version: this.dataVersion() };
  }

  private stopWatching(): void {
    if (this.watch === null) return;
    clearInterval(this.watch.timer);
    this.watch = null;
  }

  private checkForOtherWriters(): void {
    if (this.watch === null || !this.db.open) return;
    let version: number;
    try {
      version = this.dataVersion();
    } catch {
      // A busy or closing database: look again next time.
      return;
    }
    if (version === this.watch.version) return;
    this.watch.version = version;
    this.changed('articles');
  }

  /**
   * Start a background refresh of this library's paths (or of `paths`): what the store
   * already holds is visible at once; subscribers hear of each batch as it lands.
   */
  refresh(options: Omit<RefreshOptions, 'onChange'> & { paths?: string[] } = {}): Refresh {
    const { paths = this.roots, ...rest } = options;
    const refresh = startRefresh(this.db, paths, { ...rest, onChange: () => this.changed() });
    this.refreshes.add(refresh);
    const forget = (): void => {
      this.refreshes.delete(refresh);
    };
    refresh.done.then(forget, forget);
    return refresh;
  }

  close(): void {
    for (const refresh of this.refreshes) refresh.cancel();
    this.stopWatching();
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }
}

/**
 * Open the library for `paths` in the database chosen by `--db`, `NEWSREADER_DB` or the
 * platform data directory. Throws StoreError (one clear line) when that cannot be done.
 */
export function openLibrary(options: OpenLibraryOptions): SqliteLibrary {
  const store = openStore(resolveDbPath(options));
  return new SqliteLibrary(store, options.paths);
}

/** A feed entry's row read back as the parser made it: the article with its link, feed and enclosures. */
function withFeedFields(article: Article, row: ArticleRow): FeedArticle {
  const feedFields: FeedFields = {
    url: row.url ?? null,
    feed: row.feed ?? null,
    published: row.published ?? null,
    author: row.author ?? null,
    categories: JSON.parse(row.categories ?? '[]') as string[],
    enclosures: JSON.parse(row.enclosures ?? '[]') as Enclosure[],
    source: row.feed_file ?? '',
  };
  return { ...article, feedFields };
}
