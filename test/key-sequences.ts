/** The bytes a terminal sends for each key, shared by the component and end-to-end tests. */
const SEQUENCES: Record<string, string> = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageup: '\u001b[5~',
  pagedown: '\u001b[6~',
  home: '\u001b[H',
  end: '\u001b[F',
  return: '\r',
  escape: '\u001b',
  tab: '\t',
  space: ' ',
  backspace: '\u007f',
};

/** The bytes a terminal sends for a key name (`down`, `ctrl+f`, `j`). */
export function keySequence(key: string): string {
  if (key.startsWith('ctrl+')) return String.fromCharCode(key.charCodeAt(5) - 96);
  return SEQUENCES[key] ?? key;
}

