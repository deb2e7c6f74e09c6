/**
 * The headline list's source column: each row's source by its short name, shown only when
 * the list holds articles from more than one source (no source chosen in the pane, and
 * the library has several).
 */
import type { ArticleSummary } from '../library/library.js';
import { sourceCount, sourceOfPath, type SourceRow } from '../state/sources.js';
import type { AppState } from '../state/types.js';

export type OriginOf = (row: ArticleSummary) => string;

/** One function per set of pane rows, so the list's memo holds while they stay the same. */
const cache = new WeakMap<readonly SourceRow[], OriginOf | null>();

export function originOf(state: Pick<AppState, 'sources' | 'source'>): OriginOf | null {
  if (state.source !== null) return null;
  let origin = cache.get(state.sources);
  if (origin === undefined) {
    const rows = state.sources;
    const names = new Map<string, string>();
    origin =
      sourceCount(rows) > 1
        ? (row: ArticleSummary): string => {
            let name = names.get(row.path);
            if (name === undefined) {
              name = sourceOfPath(rows, row.path)?.name ?? '';
              names.set(row.path, name);
            }
            return name;
          }
        : null;
    cache.set(rows, origin);
  }
  return origin;
}
