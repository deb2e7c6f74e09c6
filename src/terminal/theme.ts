/**
 * The reader's look as named styles: every component draws with a style of the theme, never
 * with a colour of its own, so a theme (or the config file's `[colors]`) restyles it all.
 * `dark` is the original look; `light` keeps to colours that read on a white background;
 * `none` uses attributes only (inverse, bold, underline), as NO_COLOR asks.
 */

/** Colours as Ink takes them: a name (`yellow`, `blueBright`), `#rrggbb`, `ansi256(n)`, `rgb(r,g,b)`. */
export type Colour = string;

/** How one kind of text is drawn. Attributes left out are off. */
export interface Style {
  fg?: Colour;
  bg?: Colour;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strikethrough?: boolean;
}

/** The attributes a style may set, besides its colours. */
export const ATTRIBUTES = ['bold', 'dim', 'italic', 'underline', 'inverse', 'strikethrough'] as const;

/** Every named style, with what it draws (the default config file lists them). */
export const STYLE_DESCRIPTIONS = {
  selection: 'the selected headline while the list has the keys',
  selectionInactive: 'the selected headline while the article has the keys',
  unread: 'an unread headline and its ● marker',
  star: 'the ★ marker of a starred article',
  meta: 'the date and section columns of the list',
  headlineMatch: 'search words in a headline',
  match: 'search words in the article',
  currentMatch: 'the search match n/N went to',
  rule: 'the line between the list and the article',
  ruleFocused: 'that line while the article has the keys',
  status: 'the status bar',
  dim: 'placeholder and empty-pane text',
  headline: "the article's headline",
  standfirst: "the article's standfirst",
  byline: 'dateline, credits, attribution and file name in the article',
  caption: 'picture captions in the article',
  header: 'feed entry headers in the article',
  text: 'paragraphs of the article',
  helpTitle: 'headings of the ? help',
  prompt: 'the / of the search field',
  cursor: 'the cursor in the search field',
  error: 'a bad query or no matches, under the search field',
} as const;

export type StyleName = keyof typeof STYLE_DESCRIPTIONS;

export const STYLE_NAMES = Object.keys(STYLE_DESCRIPTIONS) as StyleName[];

export type Theme = Readonly<Record<StyleName, Style>>;

export const THEME_NAMES = ['dark', 'light', 'none'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** Attributes only: what every theme falls back to without colour. */
const NONE: Theme = {
  selection: { inverse: true },
  selectionInactive: { bold: true, underline: true },
  unread: { bold: true },
  star: {},
  meta: { dim: true },
  headlineMatch: { underline: true },
  match: { underline: true },
  currentMatch: { inverse: true, bold: true },
  rule: { dim: true },
  ruleFocused: { bold: true },
  status: { inverse: true },
  dim: { dim: true },
  headline: { bold: true },
  standfirst: { italic: true },
  byline: { dim: true },
  caption: { dim: true, italic: true },
  header: { bold: true },
  text: {},
  helpTitle: { bold: true },
  prompt: { bold: true },
  cursor: { inverse: true },
  error: { bold: true },
};

/** The reader's original look, for a dark background. */
const DARK: Theme = {
  ...NONE,
  star: { fg: 'yellow' },
  headlineMatch: { fg: 'yellow', underline: true },
  match: { fg: 'black', bg: 'gray', underline: true },
  currentMatch: { fg: 'yellow', inverse: true, bold: true },
  error: { fg: 'red' },
};

/** For a white background: no yellow (pale on white), darker accents. */
const LIGHT: Theme = {
  ...NONE,
  star: { fg: 'red' },
  headlineMatch: { fg: 'blue', underline: true },
  match: { fg: 'black', bg: 'cyanBright', underline: true },
  currentMatch: { fg: 'blue', inverse: true, bold: true },
  meta: { fg: 'gray' },
  byline: { fg: 'gray' },
  caption: { fg: 'gray', italic: true },
  error: { fg: 'red', bold: true },
};

export const THEMES: Readonly<Record<ThemeName, Theme>> = { dark: DARK, light: LIGHT, none: NONE };

/**
 * The theme to draw with: a named theme with the config file's styles put in place of its
 * own. Without colour (NO_COLOR, --no-color) that is `none` and the config's styles are not
 * used: colours would be taken out of them, and a style that was only colours would vanish.
 */
export function themeOf(name: ThemeName, styles: Partial<Record<StyleName, Style>>, colour: boolean): Theme {
  if (!colour) return NONE;
  return { ...THEMES[name], ...styles };
}
