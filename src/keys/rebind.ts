/**
 * Rebinding keys: the default bindings with some commands given other keys, and the check
 * that no key is left meaning two things in one place.
 */
import { type Binding, type Command, CONTEXT_TITLES, isControlKey, type KeyContext, keyLabel, type KeyName, type KeyScope } from './keymap.js';

/**
 * The bindings with `changes` put in: each changed command has exactly the keys given (none
 * unbinds it). The status-bar hint keys follow the keys they stood for (`j/k` becomes `n/e`
 * when down and up move to n and e).
 */
export function rebind(defaults: readonly Binding[], changes: ReadonlyMap<Command, readonly KeyName[]>): Binding[] {
  const keysOf = (binding: Binding): readonly KeyName[] => changes.get(binding.command) ?? binding.keys;
  return defaults.map((binding) => {
    const keys = [...new Set(keysOf(binding))];
    const rebound: Binding = { ...binding, keys };
    if (binding.hintKeys === undefined) return rebound;
    const hint = reboundHint(binding, defaults, keysOf);
    const { hintKeys: _old, ...rest } = rebound;
    return hint === '' ? rest : { ...rest, hintKeys: hint };
  });
}

/** Each key of a hint like `j/k` or `[/]`, written as the key now bound to what it stood for. */
function reboundHint(binding: Binding, defaults: readonly Binding[], keysOf: (b: Binding) => readonly KeyName[]): string {
  const parts = (binding.hintKeys ?? '').split('/').map((part) => {
    const owner = [binding, ...defaults.filter((b) => b.context === binding.context)].find((b) => b.keys.some((k) => keyLabel(k) === part));
    if (owner === undefined) return part;
    const now = keysOf(owner);
    if (now.some((k) => keyLabel(k) === part)) return part;
    const first = now.find((k) => k.length === 1) ?? now[0];
    return first === undefined ? '' : keyLabel(first);
  });
  return parts.filter((p) => p !== '').join('/');
}

/** Two commands a key would run in the same place. */
export interface Conflict {
  key: KeyName;
  commands: [Command, Command];
  /** Where: `the headline list`. */
  place: string;
}

/**
 * Which bindings apply together in a place. Everywhere-keys apply in both panes and, when
 * they are Ctrl keys, in the search field; the help's own keys are meant to shadow them
 * (any key closes the help), so there only the help's keys are compared.
 */
function inPlace(binding: Binding, key: KeyName, scope: KeyScope): boolean {
  if (binding.context === scope) return true;
  if (binding.context !== 'global') return false;
  if (scope === 'list' || scope === 'article') return true;
  return scope === 'field' && isControlKey(key);
}

/** The first key bound to two commands in one place, or null. */
export function findConflict(bindings: readonly Binding[]): Conflict | null {
  const scopes: KeyScope[] = ['list', 'article', 'field', 'help'];
  for (const scope of scopes) {
    const seen = new Map<KeyName, Command>();
    for (const binding of bindings) {
      for (const key of binding.keys) {
        if (!inPlace(binding, key, scope)) continue;
        const other = seen.get(key);
        if (other !== undefined && other !== binding.command) return { key, commands: [other, binding.command], place: placeName(scope) };
        seen.set(key, binding.command);
      }
    }
  }
  return null;
}

function placeName(context: KeyContext): string {
  return `the ${CONTEXT_TITLES[context].toLowerCase()}`;
}
