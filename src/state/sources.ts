/**
 * The sources pane as a pure function of the state: its rows (All, then the library's
 * sources grouped by tag, a feed under each of its tags), moving in it, and choosing a
 * source to filter the headline list by.
 */
import type { Command } from '../keys/keymap.js';
import type { SourceSummary } from '../library/library.js';
import { layoutOf } from './layout.js';
import type { AppState } from './types.js';

/** Feeds without a tag are listed under this heading, paths given on the command line under LOCAL. */
export const UNTAGGED = 'Feeds';
export const LOCAL = 'Local';

export type SourceRow =
  | { kind: 'all'; unread: number; total: number }
  | { kind: 'group'; name: string }
  | { kind: 'source'; source: SourceSummary };

/** The pane's rows: All first, then each group under its heading, groups in name order. */
export function sourceRows(sources: readonly SourceSummary[]): SourceRow[] {
  const groups = new Map<string, SourceSummary[]>();
  const add = (group: string, source: SourceSummary): void => {
    const list = groups.get(group) ?? [];
    list.push(source);
    groups.set(group, list);
  };
  let unread = 0;
  let total = 0;
  for (const source of sources) {
    unread += source.unread;
    total += source.total;
    if (!source.subscribed) add(LOCAL, source);
    else if (source.tags.length === 0) add(UNTAGGED, source);
    else for (const tag of source.tags) add(tag, source);
  }
  const named = [...groups.keys()].filter((g) => g !== UNTAGGED && g !== LOCAL).sort((a, b) => a.localeCompare(b));
  const order = [...named, UNTAGGED, LOCAL].filter((g) => groups.has(g));
  const rows: SourceRow[] = [{ kind: 'all', unread, total }];
  for (const group of order) {
    rows.push({ kind: 'group', name: group });
    for (const source of groups.get(group) ?? []) rows.push({ kind: 'source', source });
  }
  return rows;
}

function selectable(row: SourceRow | undefined): boolean {
  return row !== undefined && row.kind !== 'group';
}

/** The selectable row nearest `index` going `step` (1 down, -1 up), else the nearest the other way. */
function nearestSelectable(rows: readonly SourceRow[], index: number, step: 1 | -1): number {
  const start = Math.max(0, Math.min(rows.length - 1, index));
  for (let i = start; i >= 0 && i < rows.length; i += step) if (selectable(rows[i])) return i;
  for (let i = start; i >= 0 && i < rows.length; i -= step) if (selectable(rows[i])) return i;
  return 0;
}

/** Rows of the pane on screen. */
export function sourceRowsOnScreen(state: AppState): number {
  return Math.max(1, layoutOf(state).bodyRows);
}

/** Select row `index` (the nearest selectable one going `step`), kept on screen. */
function selectSource(state: AppState, index: number, step: 1 | -1): AppState {
  const sourceSelected = nearestSelectable(state.sources, index, step);
  const rows = sourceRowsOnScreen(state);
  let sourceTop = Math.max(0, Math.min(state.sourceTop, Math.max(0, state.sources.length - rows)));
  // A heading just above the selection comes into view with it.
  const wantedTop = sourceSelected > 0 && state.sources[sourceSelected - 1]?.kind === 'group' ? sourceSelected - 1 : sourceSelected;
  if (wantedTop < sourceTop) sourceTop = wantedTop;
  if (sourceSelected >= sourceTop + rows) sourceTop = sourceSelected - rows + 1;
  return { ...state, sourceSelected, sourceTop };
}

/** The source the pane's selection is on, or null on All (or with no sources). */
export function selectedSource(state: AppState): SourceSummary | null {
  const row = state.sources[state.sourceSelected];
  return row?.kind === 'source' ? row.source : null;
}

/** The key of a pane row, to find it again when the rows change. */
function rowKey(row: SourceRow | undefined, index: number, rows: readonly SourceRow[]): string {
  if (row === undefined || row.kind === 'all') return 'all';
  if (row.kind === 'group') return `group:${row.name}`;
  // The same feed under two tags: the tag above it tells them apart.
  const group = rows.slice(0, index).findLast((r) => r.kind === 'group');
  return `${group?.kind === 'group' ? group.name : ''}:${row.source.root}`;
}

/** New rows from the library (counts changed, a feed failed): the selection stays on its source. */
export function withSourceRows(state: AppState, rows: readonly SourceRow[]): AppState {
  const key = rowKey(state.sources[state.sourceSelected], state.sourceSelected, state.sources);
  const found = rows.findIndex((row, i) => rowKey(row, i, rows) === key);
  const next: AppState = { ...state, sources: rows };
  const chosen = state.source;
  // A chosen source that is gone (unsubscribed elsewhere) filters no more.
  const stillThere = chosen === null || rows.some((r) => r.kind === 'source' && r.source.root === chosen.root);
  const filtered = stillThere ? next : { ...next, source: null, selected: 0, top: 0 };
  return selectSource(filtered, found >= 0 ? found : state.sourceSelected, 1);
}

/** Keys of the sources pane and `F`; null for every other command. */
export function sourcesCommand(state: AppState, command: Command): AppState | null {
  const page = Math.max(1, sourceRowsOnScreen(state) - 1);
  switch (command) {
    case 'sources.toggle':
      if (state.sourcesShown) return { ...state, sourcesShown: false, focus: state.focus === 'sources' ? 'list' : state.focus };
      if (state.sources.length <= 1) return { ...state, notice: 'no sources to show' };
      return { ...state, sourcesShown: true, zoom: false, focus: 'sources' };
    case 'sources.focus':
      if (state.sources.length <= 1) return state;
      return { ...state, sourcesShown: true, zoom: false, focus: 'sources' };
    case 'sources.down':
      return selectSource(state, state.sourceSelected + 1, 1);
    case 'sources.up':
      return selectSource(state, state.sourceSelected - 1, -1);
    case 'sources.pageDown':
      return selectSource(state, state.sourceSelected + page, 1);
    case 'sources.pageUp':
      return selectSource(state, state.sourceSelected - page, -1);
    case 'sources.top':
      return selectSource(state, 0, 1);
    case 'sources.bottom':
      return selectSource(state, state.sources.length - 1, -1);
    case 'sources.choose': {
      const source = selectedSource(state);
      const chosen = source === null ? null : { root: source.root, name: source.name };
      // The same source again keeps the place in the list.
      if (chosen?.root === state.source?.root) return { ...state, focus: 'list' };
      return { ...state, source: chosen, focus: 'list', selected: 0, top: 0, scroll: 0, match: -1 };
    }
    case 'sources.back':
      return { ...state, focus: 'list' };
    default:
      return null;
  }
}

/** Why the selected source's last fetch failed, while the pane has the keys. */
export function sourceErrorText(state: AppState): string | null {
  if (state.focus !== 'sources' || !state.sourcesShown) return null;
  const source = selectedSource(state);
  return source?.error == null ? null : `${source.name}: ${source.error}`;
}

/**
 * The source an article path belongs to: the root it lies under (a feed entry's path is
 * `ROOT#ID`, a file's `ROOT/…` or the root itself), the longest when roots nest.
 */
export function sourceOfPath(sources: readonly SourceRow[], articlePath: string): SourceSummary | null {
  let best: SourceSummary | null = null;
  for (const row of sources) {
    if (row.kind !== 'source') continue;
    const root = row.source.root.endsWith('/') ? row.source.root.slice(0, -1) : row.source.root;
    const under = articlePath === root || articlePath.startsWith(`${root}/`) || articlePath.startsWith(`${root}#`);
    if (under && (best === null || root.length > best.root.length)) best = row.source;
  }
  return best;
}

/** How many different sources the pane lists (a feed under two tags counts once). */
export function sourceCount(sources: readonly SourceRow[]): number {
  return new Set(sources.flatMap((row) => (row.kind === 'source' ? [row.source.root] : []))).size;
}
