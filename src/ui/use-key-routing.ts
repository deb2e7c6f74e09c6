/**
 * Every key comes here, and goes where the state says focus is now, as left by the keys
 * before it in the same read: `/yukos` is a search, `oil` Enter `j` moves in the hits.
 * Keys after an Enter whose hits have not come yet wait for them (Ctrl-C never waits).
 * What a key asks of the library (star, mark read) is done right after its reducer step.
 */
import { useCallback, useEffect, useRef } from 'react';
import { charName, type KeyPress, type MouseEvent } from '../keys/key-names.js';
import { DEFAULT_KEYMAP, type Command, type KeyMap, type KeyScope } from '../keys/keymap.js';
import type { Library } from '../library/library.js';
import { editField } from '../state/field-edit.js';
import { keyPane } from '../state/layout.js';
import { wheelCommands } from '../state/mouse.js';
import { atArticleEnd } from '../state/reducer.js';
import { unreadView } from '../state/view.js';
import type { Action, AppState, OutsideRequest } from '../state/types.js';
import type { ReaderSource } from './reader-source.js';
import { useKeypresses } from './use-keypresses.js';

export interface KeyRoutingOptions {
  library: Library;
  /** Does what a step asked of the library (useCarryOut). */
  carryOut: (state: AppState) => void;
  source: ReaderSource;
  dispatch: (action: Action) => void;
  getState: () => AppState;
  /** Whether the keys wait for the hits of a submitted query (from the rendered state). */
  submitted: boolean;
  /** Marks the article open in a state read (see useMarkOpenedRead). */
  markOpenedRead: (now: AppState) => void;
  onSuspend?: (() => void) | undefined;
  onRedraw?: (() => void) | undefined;
  /** Carries out an outside request (see use-outside.ts); a promise holds the keys after it until it settles. */
  onOutside?: ((request: OutsideRequest, now: AppState) => Promise<void> | null) | undefined;
  /** The keys in effect (the defaults when absent). */
  keymap?: KeyMap | undefined;
  /** After each key's reducer step, with the command it ran (fetching, the list's count for a new view). */
  onStep?: ((now: AppState, command: Command) => void) | undefined;
  /**
   * After each read of keys has been routed: a query typed is answered at once when it can
   * be; true when it was, and keys waiting for its hits (`oil` Enter `j`) then run.
   */
  afterKeys?: (() => boolean) | undefined;
}

/** What a one-line editor does with its line: the actions for Enter, Esc and an edit. */
interface LineEditor {
  submit: Action;
  cancel: Action;
  edited: (text: string, cursor: number) => Action;
  /** The editor's own commands (the search field's history and hits), or null for none. */
  more?: (command: Command) => Action | null;
}

const SEARCH_FIELD: LineEditor = {
  submit: { type: 'searchSubmit' },
  cancel: { type: 'searchCancel' },
  edited: (query, cursor) => ({ type: 'searchInput', query, cursor }),
  more: (command) => {
    switch (command) {
      case 'field.historyBack':
        return { type: 'historyStep', step: 1 };
      case 'field.historyForward':
        return { type: 'historyStep', step: -1 };
      case 'field.previousHit':
        return { type: 'command', command: 'list.up' };
      case 'field.nextHit':
        return { type: 'command', command: 'list.down' };
      default:
        return null;
    }
  },
};

const PROMPT_LINE: LineEditor = {
  submit: { type: 'promptAccept' },
  cancel: { type: 'promptCancel' },
  edited: (text, cursor) => ({ type: 'promptEdit', text, cursor }),
};

/** Where a key is looked up: the link list or the help when up, else the pane with the keys. */
function scopeOf(state: AppState): KeyScope {
  if (state.links !== null) return 'links';
  return state.help ? 'help' : keyPane(state);
}

export function useKeyRouting(options: KeyRoutingOptions): void {
  const { library, carryOut, source, dispatch, getState, submitted, markOpenedRead, onSuspend, onRedraw, onOutside, onStep, afterKeys, keymap = DEFAULT_KEYMAP } = options;
  /** Work outside the reader under way: the keys after the one that asked for it wait. */
  const outsideBusy = useRef(false);
  const drainRef = useRef<() => void>(() => undefined);
  /** After a reducer step: do what it asked of the library and outside, and mark an opened article read. */
  const afterStep = useCallback((): void => {
    carryOut(getState());
    const now = getState();
    markOpenedRead(now);
    const pending = now.outside === null ? null : (onOutside?.(now.outside, now) ?? null);
    if (pending !== null) {
      outsideBusy.current = true;
      void pending.finally(() => {
        outsideBusy.current = false;
        drainRef.current();
      });
    }
  }, [carryOut, markOpenedRead, getState, onOutside]);

  /** What a command needs to know of the library before it runs, read only when it needs it. */
  const facts = useCallback(
    (command: Command, now: AppState): Omit<Extract<Action, { type: 'command' }>, 'type' | 'command'> => {
      // The selected article's layout for scrolling and n/N, its marks for s/m; only read
      // when the command needs them, so a burst of j stays cheap.
      const article = command.startsWith('article.') ? source.metrics(now) : undefined;
      const item = command.startsWith('item.') || command.startsWith('view.') ? source.item(now) : undefined;
      let unread: number | null | undefined;
      if (command === 'unread.next' || command === 'unread.previous') unread = source.findUnread(now, command === 'unread.next' ? 1 : -1);
      else if (command === 'article.pageDown' && atArticleEnd(now, article)) unread = source.findUnread(now, 1);
      const unreadCount = command === 'view.markAllRead' && now.search.outcome === null ? library.count(unreadView(now)) : undefined;
      return {
        ...(article === undefined ? {} : { article }),
        ...(item === undefined ? {} : { item }),
        ...(unread === undefined ? {} : { unread }),
        ...(unreadCount === undefined ? {} : { unreadCount }),
        ...(command === 'view.unreadOnly' ? { now: Date.now() } : {}),
      };
    },
    [library, source],
  );

  /** Run one command against the newest state. */
  const runCommand = useCallback(
    (command: Command): void => {
      const now = getState();
      if (command === 'app.suspend' && onSuspend !== undefined) onSuspend();
      if (command === 'app.redraw' && onRedraw !== undefined) onRedraw();
      dispatch({ type: 'command', command, ...facts(command, now) });
      // The step's own effect first: a dispatch from onStep would clear it.
      afterStep();
      onStep?.(getState(), command);
    },
    [facts, onSuspend, onRedraw, dispatch, getState, afterStep, onStep],
  );

  /** Run one key in the focused pane (list or article), against the newest state. */
  const runKey = useCallback(
    (name: string): void => {
      const now = getState();
      if (now.links !== null && /^[0-9]$/.test(name)) {
        dispatch({ type: 'linksDigit', digit: name });
        afterStep();
        return;
      }
      const command = keymap.commandFor(name, scopeOf(now));
      if (command !== null) runCommand(command);
    },
    [keymap, getState, runCommand, dispatch, afterStep],
  );

  /** The wheel scrolls the pane under the pointer; a click selects or focuses (state/mouse.ts). */
  const runMouse = useCallback(
    (press: MouseEvent): void => {
      if (press.action === 'click') {
        dispatch({ type: 'click', x: press.x, y: press.y });
        afterStep();
        return;
      }
      for (const command of wheelCommands(getState(), press.x, press.y, press.action === 'wheelDown')) runCommand(command);
    },
    [dispatch, getState, afterStep, runCommand],
  );

  /**
   * A key in a one-line editor (the search field, a prompt's line): Enter and Esc end it,
   * Ctrl-C, Ctrl-Z and Ctrl-L act as anywhere, `more` takes the editor's own commands, and
   * every other key edits the line.
   */
  const lineKey = useCallback(
    (press: KeyPress, line: { query: string; cursor: number }, on: LineEditor): void => {
      const command = press.kind === 'key' ? keymap.commandFor(press.name, 'field') : null;
      switch (command) {
        case 'field.cancel':
          return dispatch(on.cancel);
        case 'field.submit':
          dispatch(on.submit);
          return afterStep();
        case 'app.interrupt':
          return dispatch({ type: 'command', command: 'app.interrupt' });
        case 'app.suspend':
          return onSuspend?.();
        case 'app.redraw':
          return onRedraw?.();
        default: {
          const own = command === null ? null : (on.more?.(command) ?? null);
          if (own !== null) return dispatch(own);
        }
      }
      const edited = editField(line, press, keymap);
      if (edited !== null) dispatch(on.edited(edited.query, edited.cursor));
    },
    [keymap, onSuspend, onRedraw, dispatch, afterStep],
  );

  /** A key while the search field is open: it edits the query, or walks the history or the hits. */
  const fieldKey = useCallback(
    (press: KeyPress): void => lineKey(press, getState().search, SEARCH_FIELD),
    [lineKey, getState],
  );

  /** A key while the prompt is up: a line is edited as the search field is; a yes/no takes y or n. */
  const promptKey = useCallback(
    (press: KeyPress): void => {
      const prompt = getState().prompt;
      if (prompt === null) return;
      if (prompt.answer === 'line') return lineKey(press, { query: prompt.text, cursor: prompt.cursor }, PROMPT_LINE);
      const name = press.kind === 'key' ? press.name : null;
      if (name === 'ctrl+c') return dispatch({ type: 'command', command: 'app.interrupt' });
      const answer = press.kind === 'text' ? press.text.trim().toLowerCase() : name;
      if (answer === 'y') dispatch({ type: 'promptAccept' });
      else if (answer === 'n' || answer === 'escape' || answer === 'q') dispatch({ type: 'promptCancel' });
      afterStep();
    },
    [lineKey, dispatch, getState, afterStep],
  );

  const queue = useRef<KeyPress[]>([]);
  const drain = useCallback((): void => {
    for (;;) {
      const press = queue.current[0];
      if (press === undefined) return;
      const now = getState();
      const interrupt = press.kind === 'key' && press.name === 'ctrl+c';
      if ((now.search.submitted || outsideBusy.current) && !interrupt) return;
      queue.current.shift();
      if (press.kind === 'mouse') {
        // The pointer acts on the panes, not on a question or a line being typed.
        if (now.prompt === null && !now.search.open) runMouse(press);
      } else if (now.prompt !== null) {
        if (press.kind === 'text' && now.prompt.answer === 'yesno') {
          // One answer key at a time: the keys after it are the reader's again.
          const [first = '', ...rest] = Array.from(press.text);
          if (rest.length > 0) queue.current.unshift({ kind: 'text', text: rest.join('') });
          promptKey({ kind: 'text', text: first });
        } else promptKey(press);
      } else if (now.search.open) {
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
  }, [fieldKey, promptKey, runKey, runMouse, dispatch, getState]);
  drainRef.current = drain;
  const onKeys = useCallback(
    (presses: KeyPress[]) => {
      if (presses.some((p) => p.kind === 'key' && p.name === 'ctrl+c')) queue.current = presses.filter((p) => p.kind === 'key' && p.name === 'ctrl+c');
      else queue.current.push(...presses);
      drain();
      if (afterKeys?.() === true) drain();
    },
    [drain, afterKeys],
  );
  // The hits came: the keys that waited for them run now.
  useEffect(() => {
    if (!submitted) drain();
  }, [submitted, drain]);
  useKeypresses(onKeys);
}
