import { describe, expect, it } from 'vitest';
import type { KeyPress } from '../../src/keys/key-names.js';
import { editField, type FieldText } from '../../src/state/field-edit.js';

const key = (name: string): KeyPress => ({ kind: 'key', name });
const text = (t: string): KeyPress => ({ kind: 'text', text: t });

function edit(field: FieldText, ...presses: KeyPress[]): FieldText {
  return presses.reduce((f, p) => editField(f, p) ?? f, field);
}

describe('editField', () => {
  it('inserts typed and pasted text at the cursor', () => {
    expect(edit({ query: 'oil', cursor: 0 }, text('crude '))).toEqual({ query: 'crude oil', cursor: 6 });
    expect(edit({ query: 'ol', cursor: 1 }, text('i'))).toEqual({ query: 'oil', cursor: 2 });
  });

  it('moves the cursor by whole characters and stops at the ends', () => {
    const field = { query: 'café 🇬🇧', cursor: 7 };
    expect(edit(field, key('left'))).toEqual({ query: 'café 🇬🇧', cursor: 5 });
    expect(edit(field, key('right'))).toEqual({ query: 'café 🇬🇧', cursor: 6 });
    expect(edit(field, key('home'), key('left'))).toEqual({ query: 'café 🇬🇧', cursor: 0 });
    expect(edit({ query: 'oil', cursor: 0 }, key('end'))).toEqual({ query: 'oil', cursor: 3 });
  });

  it('deletes before and under the cursor, a word, or to either end', () => {
    expect(edit({ query: 'café 🇬🇧', cursor: 6 }, key('backspace'))).toEqual({ query: 'café ', cursor: 5 });
    expect(edit({ query: 'oil', cursor: 0 }, key('backspace'))).toEqual({ query: 'oil', cursor: 0 });
    expect(edit({ query: 'oil', cursor: 0 }, key('delete'))).toEqual({ query: 'il', cursor: 0 });
    expect(edit({ query: 'crude oil', cursor: 9 }, key('ctrl+w'))).toEqual({ query: 'crude ', cursor: 6 });
    expect(edit({ query: 'crude oil', cursor: 6 }, key('ctrl+u'))).toEqual({ query: 'oil', cursor: 0 });
    expect(edit({ query: 'crude oil', cursor: 5 }, key('ctrl+k'))).toEqual({ query: 'crude', cursor: 5 });
  });

  it('keeps control characters out of the query', () => {
    expect(edit({ query: '', cursor: 0 }, text('a\u0007b\u009bc'))).toEqual({ query: 'abc', cursor: 3 });
  });

  it('leaves Enter, Esc and the arrows up and down to the reader', () => {
    for (const name of ['return', 'escape', 'up', 'down', 'ctrl+c']) expect(editField({ query: 'x', cursor: 1 }, key(name))).toBeNull();
  });
});

describe('pasting into the field', () => {
  it('inserts a paste at the cursor as one line: line breaks and tabs become spaces, controls go', () => {
    expect(editField({ query: 'ab', cursor: 1 }, { kind: 'paste', text: 'oil\r\ngas\nco\tal\u001b[31m' })).toEqual({
      query: 'aoil gas co al[31mb',
      cursor: 18,
    });
  });
});
