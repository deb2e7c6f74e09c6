/** The settings of the config file, and what they are without one. */
import { DEFAULT_KEYMAP, type KeyMap } from '../keys/keymap.js';
import type { SortOrder } from '../library/library.js';
import type { Style, StyleName, ThemeName } from '../terminal/theme.js';

export interface Settings {
  /** Opened when no PATH is given, `~` expanded; null: the subscribed feeds, or the bundled articles. */
  paths: string[] | null;
  theme: ThemeName;
  /** Milliseconds an article is open before it counts as read; 0 at once, null never. */
  markReadAfter: number | null;
  /** The list's sort at start. */
  sort: SortOrder;
  keys: KeyMap;
  /** Styles put in place of the theme's own. */
  colors: Partial<Record<StyleName, Style>>;
  /** Whether the reader takes the mouse (wheel and clicks). */
  mouse: boolean;
  /** Fetch the subscribed feeds in the background as the reader opens. */
  fetchOnStart: boolean;
  /** And again every this many milliseconds while it is open; null: not again. */
  fetchEvery: number | null;
}

export const DEFAULT_SETTINGS: Settings = {
  paths: null,
  theme: 'dark',
  markReadAfter: 0,
  sort: 'newest',
  keys: DEFAULT_KEYMAP,
  colors: {},
  mouse: true,
  fetchOnStart: false,
  fetchEvery: null,
};
