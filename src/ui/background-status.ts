/**
 * What runs in the background, for the status bar: the refresh's progress or why it
 * stopped, and the health of the search worker. Held outside React and read through a
 * state hook, so progress is drawn with the next frame rather than forcing one.
 *
 * Why not `instance.rerender()` or `useSyncExternalStore` on each change: both render
 * synchronously. A refresh whose parse workers are ahead of it resumes from already
 * settled promises, so its progress arrives in bursts of microtasks with no turn of the
 * event loop between them; React counts synchronous renders that leave work pending
 * (the list's re-read after each batch) and, past 50 in a row, throws "Maximum update
 * depth exceeded" into the refresh, which stopped it at about 5,200 articles. A plain
 * state update is batched and rendered when React's scheduler gets its turn.
 */
import { useEffect, useState } from 'react';

/** The parts of the status text, in the order they are shown. */
export type BackgroundPart = 'refresh' | 'search';

const ORDER: readonly BackgroundPart[] = ['refresh', 'search'];

export class BackgroundStatus {
  private readonly parts = new Map<BackgroundPart, string>();
  private readonly listeners = new Set<(text: string | null) => void>();

  /** Set or clear (null) one part; listeners hear only of a changed text. */
  set(part: BackgroundPart, text: string | null): void {
    const before = this.text();
    if (text === null || text === '') this.parts.delete(part);
    else this.parts.set(part, text);
    const after = this.text();
    if (after === before) return;
    for (const listener of [...this.listeners]) listener(after);
  }

  /** The status text, parts joined by ` · `, or null when nothing runs. */
  text(): string | null {
    const shown = ORDER.map((part) => this.parts.get(part)).filter((t): t is string => t !== undefined);
    return shown.length === 0 ? null : shown.join(' · ');
  }

  subscribe(listener: (text: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** The current background text, re-rendered (batched) when it changes. */
export function useBackgroundStatus(status: BackgroundStatus): string | null {
  const [text, setText] = useState(() => status.text());
  useEffect(() => {
    // A change between the first render and this effect would otherwise be missed; the
    // render it asks for is the batched kind (see above), which is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setText(status.text());
    return status.subscribe(setText);
  }, [status]);
  return text;
}
