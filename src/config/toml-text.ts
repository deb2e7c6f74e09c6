/**
 * Writing settings back as TOML, for `newsreader config` and the default file: plain
 * values, lists of strings and inline tables, so each setting stays on its own line.
 */

export type TomlValue = string | number | boolean | readonly string[] | { readonly [key: string]: string | number | boolean };

/** A key as TOML wants it: bare when it can be, else quoted. Dotted ids stay dotted (`list.down`). */
export function tomlKey(key: string): string {
  return key
    .split('.')
    .map((part) => (/^[A-Za-z0-9_-]+$/.test(part) ? part : JSON.stringify(part)))
    .join('.');
}

/** A value; JSON's string escapes are TOML's basic-string escapes. */
export function tomlValue(value: TomlValue): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${tomlKey(k)} = ${tomlValue(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

export function tomlLine(key: string, value: TomlValue): string {
  return `${tomlKey(key)} = ${tomlValue(value)}`;
}
