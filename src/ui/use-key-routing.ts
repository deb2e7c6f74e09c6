/**
 * Every key comes here, and goes where the state says focus is now, as left by the keys
 * before it in the same read: `/yukos` is a search, `oil` Enter `j` moves in the hits.
 * Keys after an Enter whose hits have not come yet wait for them (Ctrl-C never waits).
 * What a key asks of the library (star, mark read) is done right after its reducer step.
 */
import { useCallback, useEffect, useRef } from 'react';
import { charName, type KeyPress } from '../keys/key-names.js';
import { commandFor, type Command } from '../keys/keymap.js';
import type { Library } from '../library/library.js';
import { editField } from '../state/field-edit.js';
import { keyPane } from '../state/layout.js';
import type { Action, AppState } from '../state/types.js';
import type { ReaderSource } from './reader-source.js';
import { useKeypresses } from './use-keypresses.js';

export interface KeyRoutingOptions {
  library: Library;
  source: ReaderSource;
  dispatch: (action: Action) => void;
  getState: () => AppState;
  /** Whether the keys wait for the hits of a submitted query (from the rendered state). */
  submitted: boolean;
  /** Marks the article open in a state read (see useMarkOpenedRead). */
  markOpenedRead: (now: AppState) => void;
  onSuspend?: (() => void) | undefined;
  onRedraw?: (() => void) | undefined;
  /** After each key's reducer step, with the command it ran (fetching, the list's count for a new view). */
  onStep?: ((now: AppState, command: Command) => void) | undefined;
}

export function useKeyRouting({ library, source, dispatch, getState, submitted, markOpenedRead, onSuspend, onRedraw, onStep }: KeyRoutingOptions): void {
  /** After a reducer step: do what it asked of the library, and mark an opened article read. */
  const afterStep = useCallback((): void => {
    const now = getState();
    if (now.effect !== null) library.setState(now.effect.id, now.effect.patch);
    markOpenedRead(now);
  }, [library, markOpenedRead, getState]);

  /** Run one key in the focused pane (list or article), against the newest state. */
  const runKey = useCallback(
    (name: string): void => {
      const now = getState();
      const command = commandFor(name, now.help ? 'help' : keyPane(now));
      if (command === null) return;
      if (command === 'app.suspend' && onSuspend !== undefined) onSuspend();
      if (command === 'app.redraw' && onRedraw !== undefined) onRedraw();
      // What the state before this key selects: its layout for scrolling and n/N, its marks
      // for s/m. Only read when the command needs it, so a burst of j stays cheap.
      const article = command.startsWith('article.') ? source.metrics(now) : undefined;
      const item = command.startsWith('item.') ? source.item(now) : undefined;
      dispatch({ type: 'command', command, ...(article === undefined ? {} : { article }), ...(item === undefined ? {} : { item }) });
      onStep?.(getState(), command);
      afterStep();
    },
    [source, onSuspend, onRedraw, dispatch, getState, afterStep, onStep],
  );

  /** A key while the search field is open: it edits the query, except these. */
  const fieldKey = useCallback(
    (press: KeyPress): void => {
      if (press.kind === 'key') {
        switch (commandFor(press.name, 'field')) {
          case 'field.cancel':
            return dispatch({ type: 'searchCancel' });
          case 'field.submit':
            return dispatch({ type: 'searchSubmit' });
          case 'field.previousHit':
            return dispatch({ type: 'command', command: 'list.up' });
          case 'field.nextHit':
            return dispatch({ type: 'command', command: 'list.down' });
          case 'app.interrupt':
            return dispatch({ type: 'command', command: 'app.interrupt' });
          case 'app.suspend':
            return onSuspend?.();
          case 'app.redraw':
            return onRedraw?.();
          default:
            break;
        }
      }
      const { query, cursor } = getState().search;
      const edited = editField({ query, cursor }, press);
      if (edited !== null) dispatch({ type: 'searchInput', query: edited.query, cursor: edited.cursor });
    },
    [onSuspend, onRedraw, dispatch, getState],
  );

  const queue = useRef<KeyPress[]>([]);
  const drain = useCallback((): void => {
    for (;;) {
      const press = queue.current[0];
      if (press === undefined) return;
      const now = getState();
      const interrupt = press.kind === 'key' && press.name === 'ctrl+c';
      if (now.search.submitted && !interrupt) return;
      queue.current.shift();
      if (now.search.open) {
        fieldKey(press);
      } else if (press.kind === 'paste') {
        // A paste is never keys: outside the field it starts a search for the pasted text.
        dispatch({ type: 'command', command: 'search.open' });
        if (getState().search.open) fieldKey(press);
      } else if (press.kind === 'key') {
        runKey(press.name);
      } else {
        // One character at a time: `/` may open the field, and the rest is then the query.
        const [first = '', ...rest] = Array.from(press.text);
        if (rest.length > 0) queue.current.unshift({ kind: 'text', text: rest.join('') });
        runKey(charName(first));
      }
    }
  }, [fieldKey, runKey, dispatch, getState]);
  const onKeys = useCallback(
    (presses: KeyPress[]) => {
      if (presses.some((p) => p.kind === 'key' && p.name === 'ctrl+c')) queue.current = presses.filter((p) => p.kind === 'key' && p.name === 'ctrl+c');
      else queue.current.push(...presses);
      drain();
    },
    [drain],
  );
  // The hits came: the keys that waited for them run now.
  useEffect(() => {
    if (!submitted) drain();
  }, [submitted, drain]);
  useKeypresses(onKeys);
}
