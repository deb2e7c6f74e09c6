/**
 * useReducer whose newest state can be read at once, before React renders it. Several keys
 * can arrive in one read (`/x` Esc Esc, `oil` Enter `j`): each must be routed by the state
 * the keys before it left (the field closed, the results shown), not by the last frame.
 */
import { useCallback, useRef, useState } from 'react';

export function useSyncReducer<S, A>(reducer: (state: S, action: A) => S, init: () => S): [S, (action: A) => void, () => S] {
  const [state, setState] = useState<S>(init);
  // The newest state, ahead of the rendered one; starts as the first state.
  const current = useRef<S>(state);
  const dispatch = useCallback(
    (action: A) => {
      const next = reducer(current.current, action);
      current.current = next;
      setState(next);
    },
    [reducer],
  );
  const getState = useCallback(() => current.current, []);
  return [state, dispatch, getState];
}
