/**
 * The options of the reader and the listing, which may also come before a command: shared
 * by the argument parsing in main.ts and the early frame, which reads `--db` and
 * `--config` before the rest of the program has loaded.
 */
export const OPTIONS = {
  json: { type: 'boolean' },
  db: { type: 'string' },
  config: { type: 'string' },
  'no-color': { type: 'boolean' },
  fetch: { type: 'boolean' },
  'fetch-every': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
