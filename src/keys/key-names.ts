/**
 * Turning what the terminal sent into key presses. Ink splits the bytes of one read into
 * events (a run of plain characters, one escape sequence, ESC ESC); each event is decoded
 * here into the key names the key map uses, so one place knows every key.
 *
 * Ink's own key parsing is not used for this: it reports ESC ESC (Esc pressed twice, read
 * together) exactly like a single Esc, ESC j (Esc then j, read together) as Alt-j, and a
 * line feed (Enter typed before the terminal was in raw mode) as no key at all.
 */
import type { KeyName } from './keymap.js';

/**
 * One thing the user did: a named key, printable text typed in one go, text pasted
 * (bracketed paste: the terminal marks it, so a pasted line break is not Enter), or the
 * mouse (see MouseEvent).
 */
export type KeyPress = { kind: 'key'; name: KeyName } | { kind: 'text'; text: string } | { kind: 'paste'; text: string } | MouseEvent;

/**
 * A mouse wheel turn or a left click, at a cell counted from 0 at the screen's top left.
 * Reported by the terminal in SGR mode (`ESC [ ? 1000 h` and `ESC [ ? 1006 h`).
 */
export interface MouseEvent {
  kind: 'mouse';
  action: 'wheelUp' | 'wheelDown' | 'click';
  x: number;
  y: number;
}

const ESC = '\u001b';
/** What a terminal in bracketed-paste mode (`ESC [ ? 2004 h`) sends around a paste. */
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;
/** An old-style (X10) mouse report starts so, with the button, column and row after it. */
const X10_MOUSE = `${ESC}[M`;

/**
 * Decodes input events as they come, keeping a paste together: everything between the
 * paste markers, however many events or reads it spans, is one `paste`, never keys.
 */
export class KeyDecoder {
  /** The paste so far while between the markers, else null. */
  private paste: string | null = null;
  /** The bytes so far of an old-style mouse report (`ESC [ M` and three bytes), else null. */
  private mouse: string[] | null = null;

  decode(event: string): KeyPress[] {
    if (this.mouse !== null) {
      const chars = Array.from(event);
      const taken = chars.splice(0, 3 - this.mouse.length);
      this.mouse.push(...taken);
      const rest = chars.join('');
      if (this.mouse.length < 3) return [];
      const [button, column, row] = this.mouse.map((c) => (c.codePointAt(0) ?? 0) - 32);
      this.mouse = null;
      return [...mouseAction(button ?? -1, (column ?? 0) - 1, (row ?? 0) - 1, true), ...this.decode(rest)];
    }
    if (this.paste !== null) {
      const end = event.indexOf(PASTE_END);
      if (end < 0) {
        this.paste += event;
        return [];
      }
      const text = this.paste + event.slice(0, end);
      this.paste = null;
      return [{ kind: 'paste', text }, ...this.decode(event.slice(end + PASTE_END.length))];
    }
    // A terminal without SGR reports sends the old ones: three raw bytes after `ESC [ M`,
    // which Ink hands over as events of their own. They are never keys or text either.
    if (event.startsWith(X10_MOUSE)) {
      this.mouse = [];
      return this.decode(event.slice(X10_MOUSE.length));
    }
    const start = event.indexOf(PASTE_START);
    if (start < 0) return decodeInput(event);
    const before = decodeInput(event.slice(0, start));
    this.paste = '';
    return [...before, ...this.decode(event.slice(start + PASTE_START.length))];
  }
}

/** Final bytes of CSI (`ESC [`) and SS3 (`ESC O`) sequences without a number. */
const LETTER_KEYS: Record<string, KeyName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  Z: 'shift+tab',
  M: 'return', // keypad Enter in application mode (SS3 M)
};

/** `ESC [ n ~` sequences, by n (both the xterm and the rxvt/linux numbers for Home/End). */
const TILDE_KEYS: Record<string, KeyName> = {
  '1': 'home',
  '2': 'insert',
  '3': 'delete',
  '4': 'end',
  '5': 'pageup',
  '6': 'pagedown',
  '7': 'home',
  '8': 'end',
};

/** The keys in one input event as Ink hands it over; unknown sequences give none. */
export function decodeInput(event: string): KeyPress[] {
  if (event === '') return [];
  if (!event.startsWith(ESC)) return decodeRun(event);
  if (event === ESC) return [key('escape')];
  // The reader binds no Alt keys, so an ESC that does not start a sequence is the Esc key,
  // whatever came in the same read: Esc pressed twice (ESC ESC) is two Escapes, and Esc
  // then j typed quickly (ESC j) is Esc and j, not an Alt-j that nothing would act on.
  if (event[1] === ESC) return [key('escape'), ...decodeInput(event.slice(1))];
  const introducer = event[1];
  // A mouse report is never keys or text, whatever it says.
  if (event.startsWith(`${ESC}[<`)) return mouseEvent(event.slice(3));
  if (event === X10_MOUSE) return [];
  // `ESC [` or `ESC O` alone: Ink let them through unfinished, so they were Esc, then `[` or `O`.
  if ((introducer === '[' || introducer === 'O') && event.length > 2) {
    const name = sequenceName(event.slice(2));
    return name === null ? [] : [key(name)];
  }
  return [key('escape'), ...decodeRun(event.slice(1))];
}

/** SGR mouse report bits: the wheel, motion, and the low bits naming the button. */
const WHEEL = 64;
const MOTION = 32;
const BUTTONS = 3;
const MODIFIERS = 4 | 8 | 16;

/**
 * An SGR mouse report after `ESC [ <`: `button;column;row` and `M` (press) or `m` (release),
 * columns and rows counted from 1. Only wheel turns and left-button presses act; releases,
 * drags, other buttons and anything malformed give nothing.
 */
function mouseEvent(report: string): KeyPress[] {
  const match = /^(\d+);(\d+);(\d+)([Mm])$/.exec(report);
  if (match === null) return [];
  return mouseAction(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - 1, match[4] === 'M');
}

/** The wheel turn or left click a report's button code stands for, at a 0-based cell. */
function mouseAction(button: number, x: number, y: number, press: boolean): KeyPress[] {
  if (!press || button < 0 || x < 0 || y < 0) return [];
  const code = button & ~MODIFIERS;
  let action: MouseEvent['action'] | null = null;
  if (code === WHEEL) action = 'wheelUp';
  else if (code === WHEEL + 1) action = 'wheelDown';
  else if ((code & (WHEEL | MOTION)) === 0 && (code & BUTTONS) === 0) action = 'click';
  return action === null ? [] : [{ kind: 'mouse', action, x, y }];
}

function key(name: KeyName): KeyPress {
  return { kind: 'key', name };
}

/** A CSI or SS3 sequence after its introducer, e.g. `A`, `1;5A`, `5~`, `[A`. */
function sequenceName(sequence: string): KeyName | null {
  const final = sequence.at(-1) ?? '';
  if (final === '~') return TILDE_KEYS[sequence.slice(0, -1).split(';')[0] ?? ''] ?? null;
  // Only plain or modified keys (`A`, `1;5A`); `[A` and the like are function keys.
  if (!/^[\d;]*$/.test(sequence.slice(0, -1))) return null;
  return LETTER_KEYS[final] ?? null;
}

/**
 * A run of characters read together: printable stretches stay together as text (a paste,
 * or keys typed faster than they were read), control characters become keys.
 */
function decodeRun(run: string): KeyPress[] {
  const presses: KeyPress[] = [];
  let text = '';
  for (const ch of run) {
    const name = controlName(ch);
    if (name === undefined) {
      text += ch;
      continue;
    }
    if (text !== '') presses.push({ kind: 'text', text });
    text = '';
    if (name !== null) presses.push(key(name));
  }
  if (text !== '') presses.push({ kind: 'text', text });
  return presses;
}

/** The key a control character stands for; undefined for printable ones, null for ignored ones. */
function controlName(ch: string): KeyName | null | undefined {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x20 && code !== 0x7f && (code < 0x80 || code > 0x9f)) return undefined;
  // Enter is CR in raw mode; typed before raw mode was on, the terminal turned it into LF.
  if (ch === '\r' || ch === '\n') return 'return';
  if (ch === '\t') return 'tab';
  if (ch === '\u007f' || ch === '\b') return 'backspace';
  if (code >= 1 && code <= 26) return `ctrl+${String.fromCharCode(code + 96)}`;
  // NUL, ESC inside a run, FS..US, DEL's C1 cousins: nothing a reader binds, and nothing
  // that may reach the screen.
  return null;
}

/** The key name of one printable character, as the key map writes it. */
export function charName(ch: string): KeyName {
  return ch === ' ' ? 'space' : ch;
}
