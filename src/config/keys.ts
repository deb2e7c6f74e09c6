/**
 * The `[keys]` table: an action and the keys bound to it, in place of its default keys.
 *
 * An action is named by its command id (`list.down`, also written as `[keys.list]` and
 * `down = …`), or by a short name: the part after the dot, which rebinds every command of
 * that name outside the search field (`down` moves down in the list, the article and the
 * help), when no two of them could meet in one place. `search` and `help` name `/` and `?`.
 */
import { type Binding, BINDINGS, type Command, type KeyContext, KeyMap, type KeyName } from '../keys/keymap.js';
import { parseKeySpec } from '../keys/key-spec.js';
import { findConflict, rebind } from '../keys/rebind.js';
import { SettingError } from './errors.js';

/** Short names that are not simply the part after the dot. */
const EXTRA_NAMES: Record<string, Command> = { search: 'search.open', help: 'help.toggle' };

/** Ctrl-C always quits at once: the reader's input handling relies on it. */
const FIXED: readonly Command[] = ['app.interrupt'];

/** Names compared without case, `-` or `_`: `pageDown`, `page_down`, `page-down`. */
function normal(name: string): string {
  return name.toLowerCase().replaceAll(/[-_]/g, '');
}

function sharePlace(a: KeyContext, b: KeyContext): boolean {
  return a === b || (a === 'global' && (b === 'list' || b === 'article')) || (b === 'global' && (a === 'list' || a === 'article'));
}

/** Every name an action can be given in `[keys]`, to the commands it rebinds; ambiguous short names map to null. */
function actionNames(bindings: readonly Binding[]): Map<string, Command[] | null> {
  const names = new Map<string, Command[] | null>();
  for (const b of bindings) names.set(normal(b.command), [b.command]);
  const groups = new Map<string, Binding[]>();
  for (const b of bindings) {
    if (b.context === 'field') continue;
    const short = normal(b.command.slice(b.command.indexOf('.') + 1));
    groups.set(short, [...(groups.get(short) ?? []), b]);
  }
  for (const [short, group] of groups) {
    if (names.has(short)) continue;
    const ambiguous = group.some((a, i) => group.slice(i + 1).some((b) => sharePlace(a.context, b.context)));
    names.set(short, ambiguous ? null : group.map((b) => b.command));
  }
  for (const [name, command] of Object.entries(EXTRA_NAMES)) names.set(name, [command]);
  return names;
}

/** `[keys]` as a flat list: `list.down` whether written dotted, quoted or as a sub-table. */
function flatten(table: Record<string, unknown>, prefix: string[] = []): { path: string[]; value: unknown }[] {
  return Object.entries(table).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? flatten(value as Record<string, unknown>, [...prefix, key]) : [{ path: [...prefix, key], value }],
  );
}

function keysOf(value: unknown, path: string[], fieldOnly: boolean): KeyName[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((k): k is string => typeof k === 'string')) {
    throw new SettingError(path, 'must be a key or a list of keys, like ["j", "down", "ctrl-n"]');
  }
  return list.map((spec) => {
    const key = parseKeySpec(spec);
    if (key === null) throw new SettingError(path, `${JSON.stringify(spec)} is not a key`);
    if (fieldOnly && (Array.from(key).length === 1 || key === 'space')) throw new SettingError(path, `${JSON.stringify(spec)} would be typed into the search field; use a named or Ctrl key`);
    return key;
  });
}

/** The key map the `[keys]` table asks for, or a SettingError naming the action at fault. */
export function keymapFrom(table: Record<string, unknown>): KeyMap {
  const names = actionNames(BINDINGS);
  const contexts = new Map(BINDINGS.map((b) => [b.command, b.context]));
  /** Who set each command: its name in the file. Short names first, so a command id wins. */
  const setBy = new Map<Command, string[]>();
  const changes = new Map<Command, KeyName[]>();
  const entries = flatten(table).map((entry) => {
    const name = entry.path.join('.');
    const path = ['keys', ...entry.path];
    const commands = names.get(normal(name));
    if (commands === undefined) throw new SettingError(path, 'no such action (newsreader config --default lists them)');
    if (commands === null) {
      const options = BINDINGS.filter((b) => b.context !== 'field' && normal(b.command.slice(b.command.indexOf('.') + 1)) === normal(name)).map((b) => b.command);
      throw new SettingError(path, `could mean ${options.join(' or ')}; write which`);
    }
    return { path, commands, specific: commands.length === 1 && normal(name).includes('.'), value: entry.value };
  });
  for (const entry of [...entries.filter((e) => !e.specific), ...entries.filter((e) => e.specific)]) {
    for (const command of entry.commands) {
      const keys = keysOf(entry.value, entry.path, contexts.get(command) === 'field');
      if (FIXED.includes(command) && keys.join() !== 'ctrl+c') throw new SettingError(entry.path, `${command} stays on Ctrl-C`);
      changes.set(command, keys);
      setBy.set(command, entry.path);
    }
  }
  const bindings = rebind(BINDINGS, changes);
  const conflict = findConflict(bindings);
  if (conflict !== null) {
    const [a, b] = conflict.commands;
    const blamed = setBy.get(b) ?? setBy.get(a) ?? ['keys'];
    throw new SettingError(blamed, `${JSON.stringify(conflict.key)} would be both ${a} and ${b} in ${conflict.place}`);
  }
  return new KeyMap(bindings);
}
