import { describe, expect, it } from 'vitest';
import { parseKeySpec } from '../../src/keys/key-spec.js';
import { BINDINGS } from '../../src/keys/keymap.js';
import { findConflict, rebind } from '../../src/keys/rebind.js';

describe('keys as the config file writes them', () => {
  it.each([
    ['j', 'j'],
    ['G', 'G'],
    ['?', '?'],
    [' ', 'space'],
    ['space', 'space'],
    ['Enter', 'return'],
    ['esc', 'escape'],
    ['PgDn', 'pagedown'],
    ['page-up', 'pageup'],
    ['ctrl-n', 'ctrl+n'],
    ['Ctrl+N', 'ctrl+n'],
    ['C-x', 'ctrl+x'],
    ['ctrl-i', 'tab'],
    ['shift-tab', 'shift+tab'],
    ['é', 'é'],
  ])('%j is %j', (spec, name) => {
    expect(parseKeySpec(spec)).toBe(name);
  });

  it.each(['ctrl+', 'ctrl-1', 'jj', '', '\u0007', 'f13', 'alt-x', '\u001b'])('%j is no key', (spec) => {
    expect(parseKeySpec(spec)).toBeNull();
  });
});

describe('rebinding', () => {
  it('leaves the defaults without a conflict', () => {
    expect(findConflict(BINDINGS)).toBeNull();
  });

  it('finds a key meaning two things in one place, but not in different places', () => {
    expect(findConflict(rebind(BINDINGS, new Map([['item.star', ['j']]])))).toEqual({ key: 'j', commands: ['list.down', 'item.star'], place: 'the headline list' });
    expect(findConflict(rebind(BINDINGS, new Map([['field.submit', ['ctrl+l']]])))?.place).toBe('the search field');
    expect(findConflict(rebind(BINDINGS, new Map([['list.open', ['l']], ['article.next', ['l']]])))).toBeNull();
  });

  it('moves the hint keys with the keys they stood for', () => {
    const rebound = rebind(BINDINGS, new Map([['article.next', ['>']], ['article.previous', ['<']]]));
    expect(rebound.find((b) => b.command === 'article.next')?.hintKeys).toBe('</>');
    const unbound = rebind(BINDINGS, new Map([['list.up', []]]));
    expect(unbound.find((b) => b.command === 'list.down')?.hintKeys).toBe('j');
  });
});

describe('the README key table for a rebound key map', () => {
  it('shows the keys as rebound', async () => {
    const { keyTableMarkdown } = await import('../../src/keys/key-table.js');
    const { keymapFrom } = await import('../../src/config/keys.js');
    const table = keyTableMarkdown(keymapFrom({ star: ['*'], 'list.down': ['d', 'down'] }));
    expect(table).toContain('| Anywhere | * | star or unstar the article |');
    expect(table).toContain('| Headline list | d ↓ | next headline |');
    expect(keyTableMarkdown()).toContain('| Anywhere | s | star or unstar the article |');
  });
});
