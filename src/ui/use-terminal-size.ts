/** The one place the terminal's size is read: it dispatches a resize when it changes. */
import { useStdout } from 'ink';
import { useEffect } from 'react';
import type { Action, Size } from '../state/types.js';
import { terminalSize } from '../terminal/screen.js';

/** Size of a stream, as terminalSize reads it. */
export function streamSize(stream: { columns?: number; rows?: number }): Size {
  const { columns, rows } = terminalSize(stream);
  return { width: columns, height: rows };
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
