/** Mouse reports (SGR mode) decoded into wheel turns and clicks, never into keys or text. */
import { describe, expect, it } from 'vitest';
import { decodeInput, KeyDecoder } from '../../src/keys/key-names.js';

const ESC = '\u001b';

describe('SGR mouse reports', () => {
  it('decode the wheel and a left click at 0-based cells', () => {
    expect(decodeInput(`${ESC}[<64;10;5M`)).toEqual([{ kind: 'mouse', action: 'wheelUp', x: 9, y: 4 }]);
    expect(decodeInput(`${ESC}[<65;1;1M`)).toEqual([{ kind: 'mouse', action: 'wheelDown', x: 0, y: 0 }]);
    expect(decodeInput(`${ESC}[<0;120;40M`)).toEqual([{ kind: 'mouse', action: 'click', x: 119, y: 39 }]);
    // With Shift, Alt or Ctrl held the wheel still scrolls.
    expect(decodeInput(`${ESC}[<69;3;3M`)).toEqual([{ kind: 'mouse', action: 'wheelDown', x: 2, y: 2 }]);
  });

  it('give nothing for releases, drags, other buttons and malformed reports', () => {
    for (const report of ['<0;10;5m', '<32;10;5M', '<1;10;5M', '<2;10;5M', '<3;10;5M', '<66;10;5M', '<0;0;5M', '<0;10M', '<a;1;1M', '<0;1;1;1M']) {
      expect(decodeInput(`${ESC}[${report}`), report).toEqual([]);
    }
  });

  it('are never text, even split across events or read with keys', () => {
    const decoder = new KeyDecoder();
    expect(decoder.decode(`${ESC}[<64;10;5M`).every((p) => p.kind === 'mouse')).toBe(true);
    expect(decodeInput(`${ESC}[<64;10;5M`).some((p) => p.kind === 'text' || p.kind === 'key')).toBe(false);
  });
});

describe('old-style (X10) mouse reports', () => {
  it('decode to the same events, their three bytes never typed, however Ink splits them', () => {
    const decoder = new KeyDecoder();
    // Wheel down (65 + 32 = 'a') at column 10, row 5 (+ 32 + 1).
    expect(decoder.decode(`${ESC}[M`)).toEqual([]);
    expect(decoder.decode(`a${String.fromCharCode(42)}${String.fromCharCode(37)}j`)).toEqual([
      { kind: 'mouse', action: 'wheelDown', x: 9, y: 4 },
      { kind: 'text', text: 'j' },
    ]);
    // A click (0 + 32 = ' ') and its release (3 + 32 = '#'), byte by byte.
    const presses = [`${ESC}[M`, ' ', '!', '"', `${ESC}[M`, '#', '!', '"'].flatMap((event) => decoder.decode(event));
    expect(presses).toEqual([{ kind: 'mouse', action: 'click', x: 0, y: 1 }]);
  });

  it('are no Enter on their own', () => {
    expect(decodeInput(`${ESC}[M`)).toEqual([]);
    expect(decodeInput(`${ESC}OM`)).toEqual([{ kind: 'key', name: 'return' }]);
  });
});
