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
import type { ArticleSummary, FetchProgress, FetchRun, Library, LibraryChange, LibraryView, SortOrder, SourceSummary, UserState } from '../library.js';
import { sourceNames } from '../sources.js';
import { fetchInWorker } from '../subscriptions/fetch-thread.js';
import { feedFieldsOf, type FeedColumns } from './stored-feed-fields.js';
import { BUSY_TIMEOUT_MS, describeStoreError, movedAsideNotice, openStore, type OpenedStore } from './open.js';
import { resolveDbPath, type DbLocationOptions } from './paths.js';
import { libraryRoot } from '../feed-names.js';
import type { Row } from './parse-file.js';
import { blocksFromStored } from './stored-blocks.js';
import { StoreMemory } from './reader-memory.js';
import { startRefresh, type Refresh, type RefreshOptions } from './refresh.js';
import { rootFilter, SUMMARY_COLUMNS, toSummary, type SummaryRow } from '../schema.js';
import { countKey, viewKey, ViewSql } from './view-sql.js';

/** The columns `article()` reads: those of the row the refresh writes. */
type ArticleRow = Pick<Row, 'id' | 'path' | 'section' | 'headline' | 'standfirst' | 'date' | 'source' | 'words' | 'blocks' | 'warnings'> & FeedColumns;

interface StateRow {
  read: number;
  starred: number;
  read_at: number | null;
  starred_at: number | null;
}

/** SQL with its `@f` placeholders numbered in order (`@f0`, `@f1`, …), for named parameters. */
function numbered(sql: string): string {
  let i = 0;
  return sql.replaceAll('@f', () => `@f${i++}`);
}

/**
 * How often the store is asked whether another connection has written to it. Reading
 * `PRAGMA data_version` is one call into SQLite with no disk access, so a quarter second
 * costs nothing measurable and shows another reader's marks well within a second.
 */
export const WATCH_INTERVAL_MS = 250;

const NO_STATE: UserState = { read: false, starred: false, readAt: null, starredAt: null };

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
  private sourceList: SourceSummary[] | null = null;
  private readonly fetches = new Set<FetchRun>();
  private readonly pageStatements = new Map<string, Database.Statement>();
  private readonly countStatements = new Map<string, Database.Statement>();
  private readonly positionStatements = new Map<string, Database.Statement>();
  private readonly sql: ViewSql;
  private readonly articleStatement;
  private readonly summaryStatement;
  private readonly stateStatement;
  private readonly pathsOfId;
  private readonly setStateStatement;
  private readonly setReadStatement;

  constructor(store: OpenedStore, paths: string[]) {
    this.db = store.db;
    this.file = store.file;
    this.notice = movedAsideNotice(store);
    this.roots = paths.map((p) => libraryRoot(p, path.resolve));
    this.sql = new ViewSql(this.roots);
    this.memory = new StoreMemory(this.db, this.roots);
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
    this.pathsOfId = this.db.prepare('SELECT path FROM articles WHERE id = ?').pluck();
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

  count(view: LibraryView): number {
    const key = countKey(view);
    const cached = this.counts.get(key);
    if (cached !== undefined) return cached;
    const statement = this.statement(this.countStatements, key, () => this.sql.countSql(view));
    const { n } = statement.get(...this.sql.countParams(view)) as { n: number };
    this.counts.set(key, n);
    return n;
  }

  /** How many articles under the roots have no date (after:/before: never find them). */
  countUndated(): number {
    const { filter } = this.sql;
    const sql = `SELECT count(*) AS n FROM articles a WHERE a.date IS NULL AND (${filter.sql})`;
    return (this.db.prepare(sql).get(...filter.params) as { n: number }).n;
  }

  page(view: LibraryView, offset: number, limit: number): ArticleSummary[] {
    if (limit <= 0) return [];
    const keysStatement = this.statement(this.pageStatements, viewKey(view), () => this.sql.keysSql(view));
    const keys = (keysStatement.all(...this.sql.keysParams(view), limit, Math.max(0, offset)) as { key: number }[]).map((r) => r.key);
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
    const feedFields = feedFieldsOf(row);
    return {
      ...(feedFields === null ? {} : { feedFields }),
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
    if (read !== current.read) this.countRead(id, read);
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
    const { sql, params } = this.sql.rows(view);
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
    const { sql, params } = this.sql.rows(view);
    const beyond = step === 1 ? 'row >= ? ORDER BY row' : 'row < ? ORDER BY row DESC';
    const row = this.db.prepare(`SELECT row FROM (${sql}) WHERE read = 0 AND ${beyond} LIMIT 1`).get(...params, step === 1 ? start + SqliteLibrary.NEAR : start) as
      | { row: number }
      | undefined;
    return row?.row ?? null;
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
    // A mark set here is counted into the sources as it is set (see setState).
    if (change === 'articles') this.sourceList = null;
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

  /**
   * Each root as a source, named as `source:` names it, with its unread and total counts:
   * the total from the path index alone, the read ones from the few read ids (a partial
   * index), so counting never reads the articles' rows.
   */
  sources(): SourceSummary[] {
    if (this.sourceList !== null) return this.sourceList;
    this.sourceList = sourceNames(this.db, this.roots).map((source): SourceSummary => {
      const under = rootFilter([source.root], 'a.path');
      const total = (this.statement(this.countStatements, `source-total:${under.sql}`, () => `SELECT count(*) FROM articles a WHERE ${under.sql}`)
        .pluck()
        .get(...under.params) as number);
      const read = (this.statement(
        this.countStatements,
        `source-read:${under.sql}`,
        () => `SELECT count(*) FROM user_state u CROSS JOIN articles a ON a.id = u.id WHERE u.read = 1 AND (${under.sql})`,
      )
        .pluck()
        .get(...under.params) as number);
      const { root, name, kind, tags, subscription } = source;
      return { root, name, kind, tags, total, unread: Math.max(0, total - read), error: subscription?.lastError ?? null, subscribed: subscription !== null };
    });
    return this.sourceList;
  }

  /**
   * An article read or unread: one more or one fewer unread in each source it is in, so a
   * mark does not count every source again (17 ms for 100 feeds of 100 entries).
   */
  private countRead(id: string, read: boolean): void {
    if (this.sourceList === null) return;
    const paths = this.pathsOfId.all(id) as string[];
    const step = read ? -1 : 1;
    this.sourceList = this.sourceList.map((source) => {
      const root = source.root.endsWith('/') ? source.root.slice(0, -1) : source.root;
      const within = paths.filter((p) => p === root || p.startsWith(`${root}/`) || p.startsWith(`${root}#`)).length;
      return within === 0 ? source : { ...source, unread: Math.max(0, Math.min(source.total, source.unread + step * within)) };
    });
  }

  /**
   * Where an article is in a view: its row number in the view's order, or -1. Counted as
   * the rows that sort before it, on the sort's index (the selection is usually near the
   * top, so this reads few entries); views of marks number the whole view instead.
   */
  position(view: LibraryView, key: string): number {
    if (!/^\d+$/.test(key)) return -1;
    const filter = this.sql.filterOf(view);
    const anchorSql = (): string => `SELECT sort_date, path, headline FROM articles a WHERE rowid = ? AND (${filter.sql})`;
    const anchor = this.statement(this.positionStatements, `anchor:${viewKey(view)}`, anchorSql).get(Number(key), ...filter.params) as { sort_date: string | null; path: string; headline: string } | undefined;
    if (anchor === undefined) return -1;
    if (view.unreadOnly || view.starredOnly) return this.positionByNumbering(view, key);
    const dated = anchor.sort_date !== null;
    const before: Record<SortOrder, string> = {
      newest: dated ? '(a.sort_date > @d OR (a.sort_date = @d AND a.path < @p))' : '(a.sort_date IS NOT NULL OR a.path < @p)',
      oldest: dated ? '(a.sort_date IS NULL OR a.sort_date < @d OR (a.sort_date = @d AND a.path > @p))' : '(a.sort_date IS NULL AND a.path > @p)',
      headline: '(a.headline < @h COLLATE NOCASE OR (a.headline = @h COLLATE NOCASE AND a.path < @p))',
    };
    const sql = `SELECT count(*) FROM articles a WHERE (${this.sql.filterOf(view, '+a.path').sql.replaceAll('?', '@f')}) AND ${before[view.sort]}`;
    const statement = this.statement(this.positionStatements, `${viewKey(view)}:${dated}`, () => numbered(sql));
    const params: Record<string, string> = { d: anchor.sort_date ?? '', p: anchor.path, h: anchor.headline };
    filter.params.forEach((value, i) => (params[`f${i}`] = value));
    return statement.pluck().get(params) as number;
  }

  /** An article's place in a view by numbering the whole view (for views of marks). */
  private positionByNumbering(view: LibraryView, key: string): number {
    const { sql, params } = this.sql.rows(view);
    const statement = this.statement(this.positionStatements, `numbered:${viewKey(view)}`, () => `SELECT row FROM (${sql}) WHERE key = ?`);
    const row = statement.get(...params, Number(key)) as { row: number } | undefined;
    return row?.row ?? -1;
  }

  /** Fetch subscribed feeds in a worker thread; each feed stored is a change heard at once. */
  fetchFeeds(urls: readonly string[] | null, onProgress: (progress: FetchProgress) => void): FetchRun {
    const run = fetchInWorker({
      dbPath: this.file,
      urls,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      onProgress: (progress) => {
        if (progress.finished) this.fetches.delete(run);
        if (this.db.open && (progress.feed !== null || progress.finished)) this.changed('articles');
        onProgress(progress);
      },
    });
    this.fetches.add(run);
    return run;
  }

  close(): void {
    for (const run of this.fetches) run.cancel();
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

