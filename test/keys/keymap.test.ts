import { describe, expect, it } from 'vitest';
import { BINDINGS, commandFor, helpGroups, hintsFor } from '../../src/keys/keymap.js';

describe('key map', () => {
  it('binds each key at most once per pane', () => {
    for (const pane of ['list', 'article'] as const) {
      const seen = new Map<string, string>();
      for (const b of BINDINGS.filter((x) => x.context === pane || x.context === 'global')) {
        for (const key of b.keys) {
          expect(seen.get(key), `${key} in ${pane}`).toBeUndefined();
          seen.set(key, b.command);
        }
      }
    }
  });

  it('gives the same key its meaning in the focused pane', () => {
    expect(commandFor('j', 'list')).toBe('list.down');
    expect(commandFor('j', 'article')).toBe('article.down');
    expect(commandFor('escape', 'article')).toBe('article.back');
    expect(commandFor('q', 'article')).toBe('app.quit');
    expect(commandFor('x', 'list')).toBeNull();
  });

  it('binds each key once in the search field and in the help, where they may shadow global keys', () => {
    for (const scope of ['field', 'help'] as const) {
      const keys = BINDINGS.filter((b) => b.context === scope).flatMap((b) => b.keys);
      expect(new Set(keys).size, scope).toBe(keys.length);
    }
  });

  it('lets only Ctrl keys through from everywhere into the search field, the rest is text', () => {
    expect(commandFor('ctrl+c', 'field')).toBe('app.interrupt');
    expect(commandFor('ctrl+l', 'field')).toBe('app.redraw');
    expect(commandFor('ctrl+w', 'field')).toBe('field.deleteWord');
    expect(commandFor('return', 'field')).toBe('field.submit');
    for (const key of ['q', 'Q', 's', 'm', '/', '?', 'n']) expect(commandFor(key, 'field'), key).toBeNull();
  });

  it('scrolls the help with the paging keys and closes it with q', () => {
    expect(commandFor('G', 'help')).toBe('help.bottom');
    expect(commandFor('space', 'help')).toBe('help.pageDown');
    expect(commandFor('pagedown', 'help')).toBe('help.pageDown');
    expect(commandFor('q', 'help')).toBe('help.close');
    expect(commandFor('Q', 'help')).toBe('app.quitAll');
  });

  it('covers every key the reader documents', () => {
    const expected: [string, 'list' | 'article', string][] = [
      ['up', 'list', 'list.up'], ['k', 'list', 'list.up'], ['pagedown', 'list', 'list.pageDown'], ['ctrl+b', 'list', 'list.pageUp'],
      ['home', 'list', 'list.top'], ['G', 'list', 'list.bottom'], ['return', 'list', 'list.open'], ['right', 'list', 'list.open'],
      ['tab', 'list', 'list.open'], ['space', 'article', 'article.pageDown'], ['b', 'article', 'article.pageUp'],
      ['g', 'article', 'article.top'], ['left', 'article', 'article.back'], ['tab', 'article', 'article.back'],
      ['[', 'article', 'article.previous'], [']', 'article', 'article.next'], ['?', 'list', 'help.toggle'],
      ['ctrl+c', 'article', 'app.interrupt'], ['s', 'list', 'item.star'], ['m', 'list', 'item.read'], ['/', 'article', 'search.open'],
      ['n', 'article', 'article.nextMatch'], ['N', 'list', 'article.previousMatch'], ['o', 'list', 'view.sort'], ['z', 'list', 'view.zoom'],
    ];
    for (const [key, pane, command] of expected) expect(commandFor(key, pane), `${key} in ${pane}`).toBe(command);
  });

  it('lists every binding in the help exactly once', () => {
    const listed = helpGroups().flatMap((g) => g.bindings);
    expect(listed).toHaveLength(BINDINGS.length);
    expect(new Set(listed.map((b) => b.command)).size).toBe(BINDINGS.length);
  });

  it('hints at the keys that matter in each pane', () => {
    expect(hintsFor('list').map((h) => h.label)).toEqual(expect.arrayContaining(['move', 'read', 'help', 'quit']));
    expect(hintsFor('article').map((h) => h.label)).toEqual(expect.arrayContaining(['scroll', 'list', 'help']));
    expect(hintsFor('list', ['search.open']).map((h) => h.label)).not.toContain('search');
  });
});
