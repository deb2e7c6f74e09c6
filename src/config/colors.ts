/**
 * The `[colors]` table: named styles of the theme, each `{ fg, bg, bold, underline, … }`,
 * put in place of the theme's own style of that name.
 */
import { ATTRIBUTES, type Colour, type Style, type StyleName, STYLE_NAMES } from '../terminal/theme.js';
import { SettingError } from './errors.js';

/** The terminal's sixteen colours as chalk names them; `grey` and `gray` are bright black. */
const BASE = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
const NAMED = new Map<string, string>([
  ...BASE.map((c) => [c, c] as const),
  ...BASE.map((c) => [`${c}bright`, `${c}Bright`] as const),
  ...BASE.map((c) => [`bright${c}`, `${c}Bright`] as const),
  ['gray', 'gray'],
  ['grey', 'gray'],
]);

/**
 * A colour as Ink draws it, or null: a name (`yellow`, `bright-blue`, `blueBright`), `#rgb`
 * or `#rrggbb`, a palette number 0-255, `ansi256(n)` or `rgb(r, g, b)`.
 */
export function parseColour(value: unknown): Colour | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 255 ? `ansi256(${value})` : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^#(?:[\da-f]{3}|[\da-f]{6})$/i.test(text)) return text;
  const palette = /^ansi256\(\s?(\d{1,3})\s?\)$/.exec(text);
  if (palette !== null) return Number(palette[1]) <= 255 ? text : null;
  const rgb = /^rgb\(\s?(\d{1,3}),\s?(\d{1,3}),\s?(\d{1,3})\s?\)$/.exec(text);
  if (rgb !== null) return rgb.slice(1).every((n) => Number(n) <= 255) ? text : null;
  return NAMED.get(text.toLowerCase().replaceAll(/[-_\s]/g, '')) ?? null;
}

function isStyleName(name: string): name is StyleName {
  return (STYLE_NAMES as string[]).includes(name);
}

function styleFrom(value: unknown, path: string[]): Style {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SettingError(path, 'must be a table like { fg = "black", bg = "yellow", bold = true }');
  }
  const style: Style = {};
  for (const [key, setting] of Object.entries(value)) {
    const at = [...path, key];
    if (key === 'fg' || key === 'bg') {
      const colour = parseColour(setting);
      if (colour === null) throw new SettingError(at, `${JSON.stringify(setting)} is not a colour (a name like "yellow", "#rrggbb" or 0-255)`);
      style[key] = colour;
    } else if ((ATTRIBUTES as readonly string[]).includes(key)) {
      if (typeof setting !== 'boolean') throw new SettingError(at, 'must be true or false');
      if (setting) style[key as (typeof ATTRIBUTES)[number]] = true;
    } else {
      throw new SettingError(at, `unknown attribute (fg, bg, ${ATTRIBUTES.join(', ')})`);
    }
  }
  return style;
}

/** The styles the table sets, or a SettingError naming the style at fault. */
export function stylesFrom(table: Record<string, unknown>): Partial<Record<StyleName, Style>> {
  const styles: Partial<Record<StyleName, Style>> = {};
  for (const [name, value] of Object.entries(table)) {
    if (!isStyleName(name)) throw new SettingError(['colors', name], 'no such style (newsreader config --default lists them)');
    styles[name] = styleFrom(value, ['colors', name]);
  }
  return styles;
}
