/** The key map as a Markdown table, for the README (a test keeps the two in step). */
import { BINDINGS, bindingKeys, CONTEXT_TITLES } from './keymap.js';

export function keyTableMarkdown(): string {
  const rows = BINDINGS.map((b) => `| ${CONTEXT_TITLES[b.context]} | ${bindingKeys(b).replaceAll('|', '\\|')} | ${b.description} |`);
  return ['| Where | Keys | What it does |', '|---|---|---|', ...rows].join('\n');
}
