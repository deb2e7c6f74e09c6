/**
 * Editing the search query: the text and a cursor, moved and changed by key presses. Pure,
 * so the reader's one input handler can apply it and tests can check it without a screen.
 * The cursor counts user-perceived characters (graphemes) from the start.
 */
import type { KeyPress } from '../keys/key-names.js';
import { commandFor, type KeyMap } from '../keys/keymap.js';
import { graphemes } from '../terminal/text.js';

export interface FieldText {
  query: string;
  cursor: number;
}

/**
 * The field after a key, or null when the key is not an edit (Enter, Esc, ↑, …). The keys
 * come from the key map's search-field bindings.
 */
export function editField(field: FieldText, press: KeyPress, keymap?: KeyMap): FieldText | null {
  const chars = graphemes(field.query);
  const at = Math.max(0, Math.min(field.cursor, chars.length));
  const before = chars.slice(0, at).join('');
  const after = chars.slice(at).join('');
  if (press.kind === 'text') {
    const typed = withoutControls(press.text);
    const start = before + typed;
    return { query: start + after, cursor: graphemes(start).length };
  }
  if (press.kind === 'paste') return editField(field, { kind: 'text', text: pastedText(press.text) });
  // The pointer never edits the query.
  if (press.kind === 'mouse') return null;
  // Space arrives as text; as a key name (from a test or a terminal quirk) it is text too.
  if (press.name === 'space') return editField(field, { kind: 'text', text: ' ' });
  switch (commandFor(press.name, 'field', keymap)) {
    case 'field.deleteBack':
      return at === 0 ? field : { query: chars.slice(0, at - 1).join('') + after, cursor: at - 1 };
    case 'field.deleteForward':
      return { query: before + chars.slice(at + 1).join(''), cursor: at };
    case 'field.left':
      return { query: field.query, cursor: Math.max(0, at - 1) };
    case 'field.right':
      return { query: field.query, cursor: Math.min(chars.length, at + 1) };
    case 'field.start':
      return { query: field.query, cursor: 0 };
    case 'field.end':
      return { query: field.query, cursor: chars.length };
    case 'field.deleteToStart':
      return { query: after, cursor: 0 };
    case 'field.deleteToEnd':
      return { query: before, cursor: at };
    case 'field.deleteWord': {
      // The word before the cursor, and the spaces after it, as shells do.
      const kept = before.replace(/\S*\s*$/u, '');
      return { query: kept + after, cursor: graphemes(kept).length };
    }
    default:
      return null;
  }
}

/** Pasted text as one line of a query: line breaks and tabs become spaces. */
export function pastedText(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, ' ');
}

/** The text without control characters, which could act on the terminal. */
export function withoutControls(text: string): string {
  return Array.from(text)
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('');
}
