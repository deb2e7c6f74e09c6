/**
 * From the parsed TOML document to settings: every setting checked, every unknown one
 * refused, so a typo is said rather than silently ignored.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { SORT_ORDERS, type SortOrder } from '../library/library.js';
import { THEME_NAMES, type ThemeName } from '../terminal/theme.js';
import { stylesFrom } from './colors.js';
import { parseDuration } from './duration.js';
import { SettingError } from './errors.js';
import { keymapFrom } from './keys.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';

type Table = Record<string, unknown>;

function isTable(value: unknown): value is Table {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], key: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new SettingError([key], `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}

/** A path of `paths`: `~` is the home folder, a relative path is read from the config file's folder, a URL stays. */
function expandPath(entry: string, folder: string): string {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(entry)) return entry;
  if (entry === '~') return homedir();
  if (entry.startsWith('~/')) return path.join(homedir(), entry.slice(2));
  return path.resolve(folder, entry);
}

function pathsFrom(value: unknown, folder: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((p): p is string => typeof p === 'string' && p.trim() !== '')) {
    throw new SettingError(['paths'], 'must be a list of folders, files or feed URLs, like ["~/news"]');
  }
  return list.map((p) => expandPath(p, folder));
}

function tableOf(value: unknown, key: string): Table {
  if (!isTable(value)) throw new SettingError([key], `must be a table ([${key}])`);
  return value;
}

/** The settings a document asks for; `folder` is the config file's, for relative paths. */
export function settingsFrom(document: Table, folder: string): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(document)) {
    switch (key) {
      case 'paths':
        settings.paths = pathsFrom(value, folder);
        break;
      case 'theme':
        settings.theme = oneOf<ThemeName>(value, THEME_NAMES, key);
        break;
      case 'mark_read_after': {
        const ms = typeof value === 'string' ? parseDuration(value) : undefined;
        if (ms === undefined) throw new SettingError([key], `${JSON.stringify(value)} is not a duration like "1s", "500ms" or "never"`);
        settings.markReadAfter = ms;
        break;
      }
      case 'sort':
        settings.sort = oneOf<SortOrder>(value, SORT_ORDERS, key);
        break;
      case 'mouse':
      case 'fetch_on_start':
        if (typeof value !== 'boolean') throw new SettingError([key], 'must be true or false');
        if (key === 'mouse') settings.mouse = value;
        else settings.fetchOnStart = value;
        break;
      case 'fetch_every': {
        const ms = typeof value === 'string' ? parseDuration(value) : undefined;
        if (ms === undefined || (ms !== null && ms < 60_000)) throw new SettingError([key], `${JSON.stringify(value)} is not a time of a minute or more like "30m", or "never"`);
        settings.fetchEvery = ms;
        break;
      }
      case 'keys':
        settings.keys = keymapFrom(tableOf(value, key));
        break;
      case 'colors':
        settings.colors = stylesFrom(tableOf(value, key));
        break;
      default:
        throw new SettingError([key], 'unknown setting (paths, theme, mark_read_after, sort, mouse, fetch_on_start, fetch_every, [keys], [colors])');
    }
  }
  return settings;
}
