/** `mark_read_after`, `fetch_every`: "1s", "500ms", "2m", "1h", "0", or "never". */

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, null for "never", undefined when the text is no duration. */
export function parseDuration(text: string): number | null | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'never') return null;
  if (trimmed === '0') return 0;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(trimmed);
  if (match === null) return undefined;
  return Math.round(Number(match[1]) * (UNITS[match[2] ?? 's'] ?? 1000));
}

/** A duration as the config file writes it: "never", "500ms", "1s", "1.5s", "30m". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'never';
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms % 1000 === 0 || ms > 1000 ? `${ms / 1000}s` : `${ms}ms`;
}
