import { describe, expect, it } from 'vitest';
import { decodeInput, KeyDecoder, type KeyPress } from '../../src/keys/key-names.js';

const keys = (...names: string[]): KeyPress[] => names.map((name) => ({ kind: 'key', name }));

describe('decodeInput', () => {
  it('names arrows, paging, Home/End, Enter, Esc, Tab, Backspace and Ctrl keys', () => {
    expect(decodeInput('\u001b[B')).toEqual(keys('down'));
    expect(decodeInput('\u001bOA')).toEqual(keys('up'));
    expect(decodeInput('\u001b[1;5C')).toEqual(keys('right'));
    expect(decodeInput('\u001b[5~')).toEqual(keys('pageup'));
    expect(decodeInput('\u001b[6~')).toEqual(keys('pagedown'));
    expect(decodeInput('\u001b[H')).toEqual(keys('home'));
    expect(decodeInput('\u001b[4~')).toEqual(keys('end'));
    expect(decodeInput('\u001b[3~')).toEqual(keys('delete'));
    expect(decodeInput('\r')).toEqual(keys('return'));
    expect(decodeInput('\u001b')).toEqual(keys('escape'));
    expect(decodeInput('\t')).toEqual(keys('tab'));
    expect(decodeInput('\u007f')).toEqual(keys('backspace'));
    expect(decodeInput('\u0006')).toEqual(keys('ctrl+f'));
  });

  it('takes ESC ESC read together as two Escapes, not one Alt-Escape', () => {
    expect(decodeInput('\u001b\u001b')).toEqual(keys('escape', 'escape'));
  });

  it('takes a line feed as Enter (Enter typed before the terminal was in raw mode)', () => {
    expect(decodeInput('\n')).toEqual(keys('return'));
    expect(decodeInput('j\n')).toEqual([{ kind: 'text', text: 'j' }, ...keys('return')]);
  });

  it('keeps printable runs together as text and splits out control characters', () => {
    expect(decodeInput('yukos')).toEqual([{ kind: 'text', text: 'yukos' }]);
    expect(decodeInput('oil\rjj')).toEqual([{ kind: 'text', text: 'oil' }, ...keys('return'), { kind: 'text', text: 'jj' }]);
    expect(decodeInput('j\u001a')).toEqual([{ kind: 'text', text: 'j' }, ...keys('ctrl+z')]);
  });

  it('drops C1 controls and unknown sequences', () => {
    expect(decodeInput('a\u009bb')).toEqual([{ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' }]);
    expect(decodeInput('\u001b[I')).toEqual([]);
    expect(decodeInput('\u001b[[A')).toEqual([]);
  });

  it('takes an ESC that starts no sequence as Esc, then the key after it (no Alt keys are bound)', () => {
    expect(decodeInput('\u001bj')).toEqual([...keys('escape'), { kind: 'text', text: 'j' }]);
    expect(decodeInput('\u001b\r')).toEqual(keys('escape', 'return'));
    expect(decodeInput('\u001b\u001b[A')).toEqual(keys('escape', 'up'));
    expect(decodeInput('\u001b[')).toEqual([...keys('escape'), { kind: 'text', text: '[' }]);
  });
});

describe('KeyDecoder: bracketed paste', () => {
  it('gives a paste as one press, never keys, with the keys around it', () => {
    const decoder = new KeyDecoder();
    expect(decoder.decode('j\u001b[200~oil\rgas\u001b[201~k')).toEqual([
      { kind: 'text', text: 'j' },
      { kind: 'paste', text: 'oil\rgas' },
      { kind: 'text', text: 'k' },
    ]);
  });

  it('keeps a paste together over events and reads, escape sequences inside included', () => {
    const decoder = new KeyDecoder();
    expect(decoder.decode('\u001b[200~')).toEqual([]);
    expect(decoder.decode('oil\r')).toEqual([]);
    expect(decoder.decode('\u001b[A')).toEqual([]);
    expect(decoder.decode('gas\u001b[201~')).toEqual([{ kind: 'paste', text: 'oil\r\u001b[Agas' }]);
    expect(decoder.decode('s')).toEqual([{ kind: 'text', text: 's' }]);
  });

  it('decodes keys as decodeInput does outside a paste', () => {
    const decoder = new KeyDecoder();
    for (const event of ['\u001b[B', '\r', 'abc', '\u001b\u001b', '\u0003']) expect(decoder.decode(event)).toEqual(decodeInput(event));
  });
});
