/**
 * Fetching subscribed feeds from the reader: `R` all of them, `r` the selected source's
 * or the selected article's feed, and with `--fetch` at start and every few minutes. The
 * fetch runs in a worker thread (Library.fetchFeeds), so keys are answered throughout;
 * the status bar shows `fetching 12/40`, then a summary until the next key.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Command } from '../keys/keymap.js';
import type { FetchProgress, FetchRun, Library } from '../library/library.js';
import { keyPane } from '../state/layout.js';
import { selectedSource, sourceOfPath } from '../state/sources.js';
import type { Action, AppState } from '../state/types.js';
import type { ReaderSource } from './reader-source.js';

export interface FetchOptions {
  library: Library;
  source: ReaderSource;
  dispatch: (action: Action) => void;
  /** Fetch every feed once the reader is up. */
  onStart?: boolean;
  /** Then again every this many minutes (0 or absent: never). */
  everyMinutes?: number;
}

export interface Fetching {
  /** `fetching 12/40` while a fetch runs, else null. */
  text: string | null;
  /** Run after each key: starts a fetch for `R` and `r`. */
  onCommand: (now: AppState, command: Command) => void;
}

/** `fetched 40 feeds: 12 new, 2 failed`. */
function summary(feeds: number, added: number, failed: number): string {
  return `fetched ${feeds} ${feeds === 1 ? 'feed' : 'feeds'}: ${added} new${failed > 0 ? `, ${failed} failed (marked ! in the sources pane, F)` : ''}`;
}

export function useFetch({ library, source, dispatch, onStart = false, everyMinutes = 0 }: FetchOptions): Fetching {
  const [text, setText] = useState<string | null>(null);
  const running = useRef<FetchRun | null>(null);

  const start = useCallback(
    (urls: readonly string[] | null, timed = false): void => {
      if (library.fetchFeeds === undefined) return dispatch({ type: 'notice', text: 'fetching is not available here' });
      // A timed fetch finding one still running leaves it be, quietly.
      if (running.current !== null) return timed ? undefined : dispatch({ type: 'notice', text: 'a fetch is already running' });
      // Every feed is every subscribed feed the reader shows.
      const chosen = urls ?? (library.sources?.() ?? []).filter((s) => s.subscribed).map((s) => s.root);
      if (chosen.length === 0) return timed ? undefined : dispatch({ type: 'notice', text: 'no subscribed feeds to fetch (newsreader add URL)' });
      let added = 0;
      let failed = 0;
      setText('fetching…');
      running.current = library.fetchFeeds(chosen, (progress: FetchProgress) => {
        if (progress.feed !== null) {
          added += progress.feed.added;
          if (progress.feed.failed) failed++;
        }
        if (!progress.finished) {
          setText(`fetching ${progress.done}/${progress.total}`);
          return;
        }
        running.current = null;
        setText(null);
        dispatch({ type: 'notice', text: progress.error ?? summary(progress.total, added, failed) });
      });
    },
    [library, dispatch],
  );

  const onCommand = useCallback(
    (now: AppState, command: Command): void => {
      if (command === 'feeds.fetchAll') return start(null);
      if (command !== 'feeds.fetch') return;
      const inPane = keyPane(now) === 'sources';
      const row = inPane ? null : source.selected(now);
      const chosen = inPane ? selectedSource(now) : row === null ? null : sourceOfPath(now.sources, row.path);
      // All in the pane is every feed.
      if (inPane && chosen === null) return start(null);
      if (chosen === null || !chosen.subscribed) {
        return dispatch({ type: 'notice', text: chosen === null ? 'no feed selected' : `${chosen.name} is not a subscribed feed` });
      }
      start([chosen.root]);
    },
    [start, source, dispatch],
  );

  useEffect(() => {
    // Starting a fetch shows `fetching…` at once: one batched render, the point of it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (onStart) start(null, true);
    const timer = everyMinutes > 0 ? setInterval(() => start(null, true), everyMinutes * 60_000) : null;
    return () => {
      if (timer !== null) clearInterval(timer);
    };
  }, [onStart, everyMinutes, start]);

  useEffect(
    () => () => {
      running.current?.cancel();
      running.current = null;
    },
    [],
  );
  return { text, onCommand };
}
