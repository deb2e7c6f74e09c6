/**
 * The reader's one input handler: every key reaches `handler`, always, whatever has focus.
 * Handlers that Ink switches on and off (`useInput` with `isActive`) leave a gap after
 * each switch, until React has run the effects of the new frame; a key typed in that gap
 * (the `j` right after Enter closes the search field) was lost. Here nothing is switched:
 * the handler decides by the state what a key does.
 */
import { useStdin } from 'ink';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { KeyDecoder, type KeyPress } from '../keys/key-names.js';

export function useKeypresses(handler: (presses: KeyPress[]) => void): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  // The newest handler, swapped in as a frame is committed, before any input is read.
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    setRawMode(true);
    return () => {
      setRawMode(false);
    };
  }, [setRawMode]);
  useEffect(() => {
    // Ink splits what it reads into events (a run of characters, one escape sequence);
    // the raw event is decoded here, as Ink's own key flags cannot tell ESC ESC from ESC.
    const decoder = new KeyDecoder();
    const onInput = (event: unknown): void => {
      if (typeof event !== 'string') return;
      const presses = decoder.decode(event);
      if (presses.length > 0) latest.current(presses);
    };
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
    };
  }, [events]);
}
