/** The key map as a Markdown table, for the README (a test keeps the two in step). */
import { bindingKeys, CONTEXT_TITLES, DEFAULT_KEYMAP, type KeyMap } from './keymap.js';

/** The table for a key map: the defaults for the README, or the keys as the config file rebinds them. */
export function keyTableMarkdown(keymap: KeyMap = DEFAULT_KEYMAP): string {
  const rows = keymap.bindings.map((b) => `| ${CONTEXT_TITLES[b.context]} | ${bindingKeys(b).replaceAll('|', '\\|')} | ${b.description} |`);
  return ['| Where | Keys | What it does |', '|---|---|---|', ...rows].join('\n');
}
