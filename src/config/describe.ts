/**
 * The settings as a TOML file: `newsreader config` prints the ones in effect, and
 * `newsreader config --default` a file with every setting at its default, commented out,
 * that loads to exactly the defaults (and still does with the comment marks taken off).
 */
import { type Binding, BINDINGS, CONTEXT_TITLES, type KeyContext } from '../keys/keymap.js';
import { STYLE_DESCRIPTIONS, type Style, STYLE_NAMES, type Theme } from '../terminal/theme.js';
import { formatDuration } from './duration.js';
import { DEFAULT_SETTINGS, type Settings } from './settings.js';
import { tomlLine } from './toml-text.js';

const CONTEXTS: KeyContext[] = ['list', 'article', 'sources', 'field', 'help', 'links', 'global'];

function styleTable(style: Style): Record<string, string | boolean> {
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined && v !== false)) as Record<string, string | boolean>;
}

function topLines(settings: Settings): string[] {
  return [
    ...(settings.paths === null ? [] : [tomlLine('paths', settings.paths)]),
    tomlLine('theme', settings.theme),
    tomlLine('mark_read_after', formatDuration(settings.markReadAfter)),
    tomlLine('sort', settings.sort),
    tomlLine('mouse', settings.mouse),
    tomlLine('fetch_on_start', settings.fetchOnStart),
    tomlLine('fetch_every', formatDuration(settings.fetchEvery)),
  ];
}

/** The bindings by where they apply, one action a line; `commented` puts a # before each. */
function keyLines(bindings: readonly Binding[], commented: boolean): string[] {
  const lines: string[] = [];
  for (const context of CONTEXTS) {
    if (lines.length > 0) lines.push('');
    lines.push(`# ${CONTEXT_TITLES[context]}`);
    for (const b of bindings.filter((x) => x.context === context)) {
      lines.push(`${commented ? '# ' : ''}${tomlLine(b.command, b.keys).padEnd(44)} # ${b.description}`);
    }
  }
  return lines;
}

/** The settings in effect, as a file that would give them; `theme` is what the styles end up as. */
export function effectiveToml(settings: Settings, theme: Theme): string {
  return [
    ...topLines(settings),
    '',
    '[keys]',
    ...keyLines(settings.keys.bindings, false),
    '',
    '[colors]',
    ...STYLE_NAMES.map((name) => tomlLine(name, styleTable(theme[name]))),
    '',
  ].join('\n');
}

/** The commented default file. */
export function defaultFileText(theme: Theme): string {
  const d = DEFAULT_SETTINGS;
  return `# newsreader's config file. Every setting is shown at its default, commented out:
# take the # off a line to change it. \`newsreader config\` shows what is in effect.

# Folders, article files and feed URLs opened when no PATH is given (~ is your home;
# a relative path is read from this file's folder). Without it: the subscribed feeds,
# or the bundled articles while there are none.
# paths = ["~/news"]

# dark, light (for a white background) or none (inverse, bold and underline only).
# NO_COLOR=1 or --no-color always draw without colour, whatever the theme and [colors].
# ${tomlLine('theme', d.theme)}

# How long an article is open before it counts as read: "0s" (at once), "1s",
# "500ms", or "never". Moving on sooner leaves it unread.
# ${tomlLine('mark_read_after', formatDuration(d.markReadAfter))}

# The list's order at start: newest, oldest or headline (o changes it in the reader).
# ${tomlLine('sort', d.sort)}

# The mouse wheel scrolls the pane under the pointer; a click selects a headline (a click
# on the selected one opens it). false leaves the terminal's own text selection alone.
# ${tomlLine('mouse', d.mouse)}

# Fetch the subscribed feeds in the background as the reader opens (as --fetch does),
# and again every so often while it is open: "30m", "2h", or "never" (as --fetch-every).
# ${tomlLine('fetch_on_start', d.fetchOnStart)}
# ${tomlLine('fetch_every', formatDuration(d.fetchEvery))}

# Keys: an action and every key for it, in place of its defaults ([] unbinds it).
# A key is a character ("j", "G", "?"), space, enter, esc, tab, shift-tab, backspace,
# delete, insert, up, down, left, right, home, end, pgup, pgdn, or ctrl-LETTER.
# An action is the id below (list.down), or the part after the dot for all of them
# at once where that is clear (down = list.down, article.down and help.down);
# search is /, help is ?. Ctrl-C always quits at once. A key may not mean two things
# in one place; the help's keys take over while it is open.
[keys]
${keyLines(BINDINGS, true).join('\n')}

# Styles: each one set here replaces the theme's style of that name. fg and bg take a
# colour name (black, red, green, yellow, blue, magenta, cyan, white, gray, or
# redBright and the like), "#rrggbb", or 0-255; the attributes are bold, dim, italic,
# underline, inverse and strikethrough (true or false). The dark theme's values:
[colors]
${STYLE_NAMES.map((name) => `# ${tomlLine(name, styleTable(theme[name])).padEnd(60)} # ${STYLE_DESCRIPTIONS[name]}`).join('\n')}
`;
}
