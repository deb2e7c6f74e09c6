/**
 * The one key map: every command, the keys bound to it, what it does and where it applies.
 * Input handling, the status-bar hints and the `?` help overlay are all generated from
 * this table, so they cannot drift apart.
 */

/** Everything a key can ask the reader to do. */
export type Command =
  | 'list.up'
  | 'list.down'
  | 'list.pageUp'
  | 'list.pageDown'
  | 'list.top'
  | 'list.bottom'
  | 'list.open'
  | 'list.clearSearch'
  | 'article.up'
  | 'article.down'
  | 'article.pageUp'
  | 'article.pageDown'
  | 'article.top'
  | 'article.bottom'
  | 'article.back'
  | 'article.previous'
  | 'article.next'
  | 'article.nextMatch'
  | 'article.previousMatch'
  | 'view.zoom'
  | 'view.sort'
  | 'view.unreadOnly'
  | 'view.starredOnly'
  | 'view.markAllRead'
  | 'view.undo'
  | 'unread.next'
  | 'unread.previous'
  | 'field.historyBack'
  | 'field.historyForward'
  | 'item.star'
  | 'item.read'
  | 'search.open'
  | 'help.toggle'
  | 'field.submit'
  | 'field.cancel'
  | 'field.previousHit'
  | 'field.nextHit'
  | 'field.left'
  | 'field.right'
  | 'field.start'
  | 'field.end'
  | 'field.deleteBack'
  | 'field.deleteForward'
  | 'field.deleteToStart'
  | 'field.deleteToEnd'
  | 'field.deleteWord'
  | 'help.down'
  | 'help.up'
  | 'help.pageDown'
  | 'help.pageUp'
  | 'help.top'
  | 'help.bottom'
  | 'help.close'
  | 'app.quit'
  | 'app.quitAll'
  | 'app.interrupt'
  | 'app.suspend'
  | 'app.redraw'
  | 'item.view'
  | 'item.edit'
  | 'item.links'
  | 'item.pipe'
  | 'item.save'
  | 'links.down'
  | 'links.up'
  | 'links.top'
  | 'links.bottom'
  | 'links.open'
  | 'links.close'
  | 'sources.toggle'
  | 'sources.focus'
  | 'sources.down'
  | 'sources.up'
  | 'sources.pageDown'
  | 'sources.pageUp'
  | 'sources.top'
  | 'sources.bottom'
  | 'sources.choose'
  | 'sources.back'
  | 'feeds.fetchAll'
  | 'feeds.fetch';

/**
 * Where a binding applies: the focused pane, the search field, the help, or everywhere.
 * In the search field only the Ctrl keys of `global` apply; the others are typed text.
 */
export type KeyContext = 'global' | 'list' | 'article' | 'field' | 'help' | 'links' | 'sources';

/** Where keys are read: what `commandFor` looks a key up in. */
export type KeyScope = Exclude<KeyContext, 'global'>;

/**
 * A key as the terminal reports it: a printable character (`j`, `G`, `?`, `space`), a named
 * key (`up`, `down`, `left`, `right`, `pageup`, `pagedown`, `home`, `end`, `return`,
 * `escape`, `tab`), or `ctrl+` a letter.
 */
export type KeyName = string;

export interface Binding {
  command: Command;
  context: KeyContext;
  keys: readonly KeyName[];
  /** One line for the help overlay. */
  description: string;
  /** Short label for the status bar; bindings without one stay out of the hints. */
  hint?: string;
  /** Keys as the status bar shows them, when not simply the letter keys (`j/k`). */
  hintKeys?: string;
}

/** The group headings of the help overlay, in order. */
export const CONTEXT_TITLES: Record<KeyContext, string> = {
  list: 'Headline list',
  article: 'Article',
  field: 'Search field',
  help: 'Help',
  links: 'Link list',
  global: 'Anywhere',
  sources: 'Sources pane',
};

export const BINDINGS: readonly Binding[] = [
  { command: 'list.down', context: 'list', keys: ['down', 'j'], description: 'next headline', hint: 'move', hintKeys: 'j/k' },
  { command: 'list.up', context: 'list', keys: ['up', 'k'], description: 'previous headline' },
  { command: 'list.pageDown', context: 'list', keys: ['pagedown', 'ctrl+f'], description: 'page down' },
  { command: 'list.pageUp', context: 'list', keys: ['pageup', 'ctrl+b'], description: 'page up' },
  { command: 'list.top', context: 'list', keys: ['home', 'g'], description: 'first headline' },
  { command: 'list.bottom', context: 'list', keys: ['end', 'G'], description: 'last headline' },
  { command: 'list.open', context: 'list', keys: ['return', 'right', 'tab'], description: 'read the article', hint: 'read' },
  { command: 'list.clearSearch', context: 'list', keys: ['escape'], description: 'leave search results' },
  { command: 'article.down', context: 'article', keys: ['down', 'j'], description: 'scroll down a line', hint: 'scroll', hintKeys: 'j/k' },
  { command: 'article.up', context: 'article', keys: ['up', 'k'], description: 'scroll up a line' },
  { command: 'article.pageDown', context: 'article', keys: ['space', 'pagedown', 'ctrl+f'], description: 'page down; at the end, the next unread article', hint: 'page' },
  { command: 'article.pageUp', context: 'article', keys: ['b', 'pageup', 'ctrl+b'], description: 'page up' },
  { command: 'article.top', context: 'article', keys: ['home', 'g'], description: 'top of the article' },
  { command: 'article.bottom', context: 'article', keys: ['end', 'G'], description: 'end of the article' },
  { command: 'article.back', context: 'article', keys: ['left', 'escape', 'tab'], description: 'back to the list', hint: 'list' },
  { command: 'article.previous', context: 'article', keys: ['['], description: 'previous article' },
  { command: 'article.next', context: 'article', keys: [']'], description: 'next article', hint: 'next', hintKeys: '[/]' },
  { command: 'article.nextMatch', context: 'global', keys: ['n'], description: 'next search match' },
  { command: 'article.previousMatch', context: 'global', keys: ['N'], description: 'previous search match' },
  { command: 'search.open', context: 'global', keys: ['/'], description: 'search: a fresh query (↑ in the field brings back the last)', hint: 'search' },
  { command: 'item.star', context: 'global', keys: ['s'], description: 'star or unstar the article', hint: 'star' },
  { command: 'item.read', context: 'global', keys: ['m'], description: 'mark read or unread (undoes opening it)' },
  { command: 'unread.next', context: 'global', keys: ['J'], description: 'next unread article', hint: 'unread', hintKeys: 'J/K' },
  { command: 'unread.previous', context: 'global', keys: ['K'], description: 'previous unread article' },
  { command: 'view.unreadOnly', context: 'global', keys: ['u'], description: 'unread articles only, or all again' },
  { command: 'view.starredOnly', context: 'global', keys: ['S'], description: 'starred articles only, or all again' },
  { command: 'view.markAllRead', context: 'global', keys: ['A'], description: 'mark every article in the view read (asks first)' },
  { command: 'view.undo', context: 'global', keys: ['U'], description: 'undo marking the view read' },
  { command: 'view.sort', context: 'global', keys: ['o'], description: 'sort: newest, oldest, headline (in search: relevance first)' },
  { command: 'view.zoom', context: 'global', keys: ['z'], description: 'full-width article on or off' },
  { command: 'help.toggle', context: 'global', keys: ['?'], description: 'this help', hint: 'help' },
  { command: 'item.view', context: 'global', keys: ['v'], description: 'open outside: a feed entry in the browser, a file in $PAGER' },
  { command: 'item.edit', context: 'global', keys: ['e'], description: 'edit the article file in $EDITOR' },
  { command: 'item.links', context: 'global', keys: ['L'], description: "list the article's links, to open one" },
  { command: 'item.pipe', context: 'global', keys: ['|'], description: "pipe the article's text to a command" },
  { command: 'item.save', context: 'global', keys: ['w'], description: 'save the article as text (or Markdown: .md)' },
  { command: 'field.submit', context: 'field', keys: ['return'], description: 'keep the results' },
  { command: 'field.cancel', context: 'field', keys: ['escape'], description: 'back to the list as it was' },
  { command: 'field.historyBack', context: 'field', keys: ['up'], description: 'an earlier query' },
  { command: 'field.historyForward', context: 'field', keys: ['down'], description: 'a later query' },
  { command: 'field.nextHit', context: 'field', keys: ['ctrl+n'], description: 'next hit' },
  { command: 'field.previousHit', context: 'field', keys: ['ctrl+p'], description: 'previous hit' },
  { command: 'field.left', context: 'field', keys: ['left', 'ctrl+b'], description: 'cursor left' },
  { command: 'field.right', context: 'field', keys: ['right', 'ctrl+f'], description: 'cursor right' },
  { command: 'field.start', context: 'field', keys: ['home', 'ctrl+a'], description: 'cursor to the start' },
  { command: 'field.end', context: 'field', keys: ['end', 'ctrl+e'], description: 'cursor to the end' },
  { command: 'field.deleteBack', context: 'field', keys: ['backspace', 'ctrl+h'], description: 'delete before the cursor' },
  { command: 'field.deleteForward', context: 'field', keys: ['delete', 'ctrl+d'], description: 'delete at the cursor' },
  { command: 'field.deleteWord', context: 'field', keys: ['ctrl+w'], description: 'delete the word before the cursor' },
  { command: 'field.deleteToStart', context: 'field', keys: ['ctrl+u'], description: 'delete to the start' },
  { command: 'field.deleteToEnd', context: 'field', keys: ['ctrl+k'], description: 'delete to the end' },
  { command: 'help.down', context: 'help', keys: ['down', 'j'], description: 'scroll down a line' },
  { command: 'help.up', context: 'help', keys: ['up', 'k'], description: 'scroll up a line' },
  { command: 'help.pageDown', context: 'help', keys: ['space', 'pagedown', 'ctrl+f'], description: 'page down' },
  { command: 'help.pageUp', context: 'help', keys: ['b', 'pageup', 'ctrl+b'], description: 'page up' },
  { command: 'help.top', context: 'help', keys: ['home', 'g'], description: 'top of the help' },
  { command: 'help.bottom', context: 'help', keys: ['end', 'G'], description: 'end of the help' },
  { command: 'help.close', context: 'help', keys: ['q', 'escape', '?'], description: 'close the help (so does any other key)' },
  { command: 'links.down', context: 'links', keys: ['down', 'j'], description: 'next link' },
  { command: 'links.up', context: 'links', keys: ['up', 'k'], description: 'previous link' },
  { command: 'links.top', context: 'links', keys: ['home', 'g'], description: 'first link' },
  { command: 'links.bottom', context: 'links', keys: ['end', 'G'], description: 'last link' },
  { command: 'links.open', context: 'links', keys: ['return'], description: 'open the link in the browser (or type its number)' },
  { command: 'links.close', context: 'links', keys: ['escape', 'q'], description: 'close the link list' },
  { command: 'app.quit', context: 'global', keys: ['q'], description: 'quit; in an article: back to the list', hint: 'quit' },
  { command: 'app.quitAll', context: 'global', keys: ['Q'], description: 'quit from anywhere' },
  { command: 'app.interrupt', context: 'global', keys: ['ctrl+c'], description: 'quit at once (exit status 130)' },
  { command: 'app.suspend', context: 'global', keys: ['ctrl+z'], description: 'suspend (fg resumes)' },
  { command: 'app.redraw', context: 'global', keys: ['ctrl+l'], description: 'redraw the screen' },
  { command: 'sources.toggle', context: 'global', keys: ['F'], description: 'sources pane on or off' },
  { command: 'sources.focus', context: 'list', keys: ['left', 'h'], description: 'to the sources pane' },
  { command: 'sources.down', context: 'sources', keys: ['down', 'j'], description: 'next source', hint: 'move', hintKeys: 'j/k' },
  { command: 'sources.up', context: 'sources', keys: ['up', 'k'], description: 'previous source' },
  { command: 'sources.pageDown', context: 'sources', keys: ['pagedown', 'ctrl+f'], description: 'page down' },
  { command: 'sources.pageUp', context: 'sources', keys: ['pageup', 'ctrl+b'], description: 'page up' },
  { command: 'sources.top', context: 'sources', keys: ['home', 'g'], description: 'first source' },
  { command: 'sources.bottom', context: 'sources', keys: ['end', 'G'], description: 'last source' },
  { command: 'sources.choose', context: 'sources', keys: ['return', 'right', 'l'], description: 'show only this source (All: every one)', hint: 'show', hintKeys: 'Enter' },
  { command: 'sources.back', context: 'sources', keys: ['tab', 'escape'], description: 'back to the list' },
  { command: 'feeds.fetchAll', context: 'global', keys: ['R'], description: 'fetch every subscribed feed in the background' },
  { command: 'feeds.fetch', context: 'global', keys: ['r'], description: "fetch the selected source's or article's feed" },
];

const KEY_LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  return: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  space: 'Space',
};

/** How a key is written for people: `↓`, `PgDn`, `Ctrl-F`, `j`. */
export function keyLabel(key: KeyName): string {
  if (key.startsWith('ctrl+')) return `Ctrl-${key.slice(5).toUpperCase()}`;
  return KEY_LABELS[key] ?? key;
}

/** The keys of a binding as people write them: `↓ j`. */
export function bindingKeys(binding: Binding): string {
  return binding.keys.map(keyLabel).join(' ');
}

type Lookup = Map<KeyName, Command>;

/** Keys that cannot be typed text, so they act in the search field too. */
export function isControlKey(key: KeyName): boolean {
  return key.startsWith('ctrl+');
}

function buildLookup(bindings: readonly Binding[], scope: KeyScope): Lookup {
  const lookup: Lookup = new Map();
  // The scope's own bindings first so they win over global ones for the same key.
  for (const binding of bindings.filter((b) => b.context === scope)) {
    for (const key of binding.keys) if (!lookup.has(key)) lookup.set(key, binding.command);
  }
  for (const binding of bindings.filter((b) => b.context === 'global')) {
    for (const key of binding.keys) {
      if (scope === 'field' && !isControlKey(key)) continue;
      if (!lookup.has(key)) lookup.set(key, binding.command);
    }
  }
  return lookup;
}

/**
 * A set of bindings with what is looked up in it: the defaults, or the defaults with keys
 * rebound by the config file. Input, the status-bar hints and the help all read one.
 */
export class KeyMap {
  private readonly lookups: Record<KeyScope, Lookup>;

  constructor(readonly bindings: readonly Binding[]) {
    this.lookups = {
      list: buildLookup(bindings, 'list'),
      article: buildLookup(bindings, 'article'),
      field: buildLookup(bindings, 'field'),
      help: buildLookup(bindings, 'help'),
      links: buildLookup(bindings, 'links'),
      sources: buildLookup(bindings, 'sources'),
    };
  }

  /** The command a key runs where keys are read now, or null when the key is not bound there. */
  commandFor(key: KeyName, scope: KeyScope): Command | null {
    return this.lookups[scope].get(key) ?? null;
  }

  /** The binding of a command (every command has one). */
  binding(command: Command): Binding | undefined {
    return this.bindings.find((b) => b.command === command);
  }

  /** The bindings shown as hints in the status bar for a pane, in table order. */
  hintsFor(pane: 'list' | 'article' | 'sources', without: readonly Command[] = []): { keys: string; label: string }[] {
    const shown = this.bindings.filter(
      (b) => b.hint !== undefined && b.keys.length > 0 && (b.context === pane || b.context === 'global') && !without.includes(b.command),
    );
    // The pane's own keys first, then help and quit, so narrow bars keep what matters most.
    const rank = (b: Binding): number => (b.context !== 'global' ? 0 : b.command === 'help.toggle' || b.command === 'app.quit' ? 1 : 2);
    return [...shown].sort((a, b) => rank(a) - rank(b)).map((b) => ({ keys: hintKeys(b), label: b.hint ?? '' }));
  }

  /** The help overlay's content: bindings grouped by where they apply. */
  helpGroups(): { title: string; bindings: Binding[] }[] {
    const order: KeyContext[] = ['list', 'article', 'sources', 'field', 'help', 'links', 'global'];
    return order.map((context) => ({
      title: CONTEXT_TITLES[context],
      bindings: this.bindings.filter((b) => b.context === context),
    }));
  }
}

/** The bindings as the program comes. */
export const DEFAULT_KEYMAP = new KeyMap(BINDINGS);

/** The command a key runs where keys are read now, or null when the key is not bound there. */
export function commandFor(key: KeyName, scope: KeyScope, keymap: KeyMap = DEFAULT_KEYMAP): Command | null {
  return keymap.commandFor(key, scope);
}

/** The bindings shown as hints in the status bar for a pane, in table order. */
export function hintsFor(pane: 'list' | 'article' | 'sources', without: readonly Command[] = [], keymap: KeyMap = DEFAULT_KEYMAP): { keys: string; label: string }[] {
  return keymap.hintsFor(pane, without);
}

/** Status-bar hints are short: the letter keys only, or the first key when there are none. */
function hintKeys(binding: Binding): string {
  if (binding.hintKeys !== undefined) return binding.hintKeys;
  const letters = binding.keys.filter((k) => k.length === 1);
  return (letters.length > 0 ? letters : binding.keys.slice(0, 1)).map(keyLabel).join('/');
}

/** The help overlay's content: bindings grouped by where they apply. */
export function helpGroups(keymap: KeyMap = DEFAULT_KEYMAP): { title: string; bindings: Binding[] }[] {
  return keymap.helpGroups();
}
