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
