/**
 * Where everything goes on the screen, as a pure function of the state: the reducer uses it
 * for page sizes and keeping the selection visible, the components for their sizes.
 */
import type { AppState, Pane } from './types.js';

/** From this width up, the list and the article sit side by side. */
export const WIDE_COLUMNS = 100;
/** Longest line the article is set in, so a full-width article stays readable. */
export const MAX_MEASURE = 110;

/** Drawn between the list and the article: a space keeps the list's last column off the rule. */
export const SEPARATOR = ' │';
/** The separator while the article has the keys: heavier, so the focus shows without colour. */
export const FOCUS_SEPARATOR = ' ┃';

/** From this width up, the sources pane sits beside the list and the article. */
export const SOURCES_COLUMNS = 120;
/** The sources pane's share of the width in three columns, and its bounds. */
const SOURCES_SHARE = 0.2;
const SOURCES_MIN = 20;
const SOURCES_MAX = 32;

export type LayoutMode = 'split' | 'list' | 'article' | 'sources';

export interface Layout {
  mode: LayoutMode;
  /** Rows for the list and article panes (the screen less the status and search lines). */
  bodyRows: number;
  listWidth: number;
  /** Columns of article text (pane width less its margins). */
  articleWidth: number;
  /** Column where the article pane starts. */
  articleLeft: number;
  /** Columns of the sources pane at the left (0 when it is not on screen), its rule included. */
  sourcesWidth: number;
  /** Lines under the body: the search field and its message. */
  searchLines: number;
  statusLines: number;
}

/** The message under the search field, if any: a query error or "no matches". */
export function searchMessage(state: AppState): string | null {
  const { search } = state;
  if (!search.open) return null;
  if (search.error !== null) return search.error;
  const outcome = search.outcome;
  if (outcome !== null && outcome.total === 0 && search.query.trim() !== '') {
    return outcome.suggestion !== null ? `no matches — did you mean ${outcome.suggestion}?` : 'no matches';
  }
  return null;
}

export function layoutOf(state: AppState): Layout {
  const { width, height } = state.size;
  const statusLines = height >= 2 ? 1 : 0;
  const searchLines = state.search.open ? (searchMessage(state) !== null ? 2 : 1) : 0;
  const bodyRows = Math.max(0, height - statusLines - searchLines);
  const threeColumns = state.sourcesShown && width >= SOURCES_COLUMNS;
  // Where the three columns do not fit, the pane has the screen to itself while it has the keys.
  const mode: LayoutMode = state.zoom
    ? 'article'
    : state.focus === 'sources' && state.sourcesShown && !threeColumns
      ? 'sources'
      : width >= WIDE_COLUMNS
      ? 'split'
      : state.focus === 'article'
        ? 'article'
        : 'list';
  if (mode === 'sources') return { mode, bodyRows, listWidth: 0, articleWidth: 0, articleLeft: width, sourcesWidth: width, searchLines, statusLines };
  if (mode === 'split') {
    const sourcesWidth = threeColumns ? Math.max(SOURCES_MIN, Math.min(SOURCES_MAX, Math.floor(width * SOURCES_SHARE))) : 0;
    const rest = width - sourcesWidth;
    const listWidth = Math.floor(rest * 0.4);
    const paneWidth = rest - listWidth - SEPARATOR.length;
    const articleLeft = sourcesWidth + listWidth + SEPARATOR.length;
    return { mode, bodyRows, listWidth, articleWidth: Math.max(1, paneWidth - 2), articleLeft, sourcesWidth, searchLines, statusLines };
  }
  if (mode === 'list') return { mode, bodyRows, listWidth: width, articleWidth: 0, articleLeft: width, sourcesWidth: 0, searchLines, statusLines };
  const margin = width >= 10 ? 1 : 0;
  return { mode, bodyRows, listWidth: 0, articleWidth: Math.max(1, Math.min(MAX_MEASURE, width - 2 * margin)), articleLeft: margin, sourcesWidth: 0, searchLines, statusLines };
}

/** The pane that has the keys: the one on screen, or in a split the focused one. */
export function keyPane(state: AppState): Pane {
  const { mode } = layoutOf(state);
  return mode === 'split' ? state.focus : mode;
}

/** Whether the article is on screen with the keys (so that opening it marks it read). */
export function articleOpen(state: AppState): boolean {
  return keyPane(state) === 'article';
}

/** The first article line on screen: the scroll asked for, but never past the last page. */
export function articleScroll(wanted: number, lines: number, bodyRows: number): number {
  return Math.min(wanted, Math.max(0, lines - bodyRows));
}

/** The article pane's width and the blank columns left of its text. */
export function articlePaneBox(layout: Layout, width: number): { width: number; margin: number } {
  if (layout.mode === 'split') return { width: width - layout.sourcesWidth - layout.listWidth - SEPARATOR.length, margin: 1 };
  return { width, margin: layout.articleLeft };
}
