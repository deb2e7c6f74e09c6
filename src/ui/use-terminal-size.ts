/** The one place the terminal's size is read: it dispatches a resize when it changes. */
import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { Action, Size } from '../state/types.js';

/** Size of a stream, with the classic 80x24 when it reports none (a pseudo-terminal without a size). */
export function streamSize(stream: { columns?: number; rows?: number }): Size {
  return { width: stream.columns || 80, height: stream.rows || 24 };
}

/**
 * Dispatch `resize` whenever the terminal changes size. A `fixed` size (component tests)
 * replaces the terminal's and is dispatched when it changes.
 */
export function useTerminalSize(dispatch: (action: Action) => void, fixed: Size | undefined): void {
  const { stdout } = useStdout();
  const fixedWidth = fixed?.width;
  const fixedHeight = fixed?.height;
  useEffect(() => {
    if (fixedWidth !== undefined && fixedHeight !== undefined) {
      dispatch({ type: 'resize', width: fixedWidth, height: fixedHeight });
      return;
    }
    const onResize = (): void => dispatch({ type: 'resize', ...streamSize(stdout) });
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, dispatch, fixedWidth, fixedHeight]);
}
