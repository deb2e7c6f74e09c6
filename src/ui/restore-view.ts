/**
 * Reopening puts the reader back where it was: the sort, the filters and the selected
 * article of the last run on this library (not the search: a new run starts with the
 * list). The article is found again by its key when rows came or went since.
 */
import type { Library, SortOrder } from '../library/library.js';
import type { ReaderMemory, SavedView } from '../library/reader-memory.js';
import type { InitialOptions } from '../state/reducer.js';
import type { AppState } from '../state/types.js';
import { libraryView } from '../state/view.js';
import type { ReaderSource } from './reader-source.js';

/** The parts of the initial state that come from the library and the last run. */
export type RestoredView = Omit<InitialOptions, 'width' | 'height' | 'canSearch'>;

export function restoredView(library: Library, memory: ReaderMemory | null, sort: SortOrder): RestoredView {
  const history = memory?.searches() ?? [];
  const saved = memory?.lastView() ?? null;
  // Nothing saved: the configured sort.
  if (saved === null) return { count: library.count({ sort }), history, sort };
  const view = libraryView({ ...saved, readSince: Date.now(), source: null });
  const count = library.count(view);
  let selected = saved.selected;
  if (saved.selectedKey !== null && library.page(view, saved.selected, 1)[0]?.key !== saved.selectedKey) {
    const found = library.position(view, saved.selectedKey);
    selected = found >= 0 ? found : Math.min(saved.selected, Math.max(0, count - 1));
  }
  // The selection keeps its place on screen when it can.
  const top = Math.max(0, selected - (saved.selected - saved.top));
  return { count, history, sort: saved.sort, unreadOnly: saved.unreadOnly, starredOnly: saved.starredOnly, readSince: view.readSince ?? 0, selected, top };
}

/** What is kept of the view at quitting. */
export function viewToSave(state: AppState, source: ReaderSource): SavedView {
  const place = state.search.outcome !== null && state.search.before !== null ? state.search.before : state;
  return {
    sort: state.sort,
    unreadOnly: state.unreadOnly,
    starredOnly: state.starredOnly,
    // The article selected, in the hits too: it is looked for again in the list.
    selectedKey: source.selected(state)?.key ?? null,
    selected: place.selected,
    top: place.top,
  };
}

/**
 * Whether the screen shows what a launch restoring this view would draw first: the list
 * with the keys, no search, help, question, link list, message or chosen source, the
 * article at its top, and the sources pane as a launch starts it.
 */
export function shownAsRestored(state: AppState): boolean {
  const { search } = state;
  return (
    state.focus === 'list' &&
    !state.zoom &&
    !state.help &&
    state.prompt === null &&
    state.links === null &&
    state.notice === null &&
    search.outcome === null &&
    !search.open &&
    state.scroll === 0 &&
    state.source === null &&
    state.sourceSelected === 0 &&
    state.sourceTop === 0 &&
    state.sourcesShown === state.sources.some((row) => row.kind === 'source' && row.source.subscribed)
  );
}
