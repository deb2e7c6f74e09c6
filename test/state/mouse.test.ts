/** What is under the pointer, from the same layout the screen is drawn with. */
import { describe, expect, it } from 'vitest';
import { clickAt, pointerTarget, wheelCommands } from '../../src/state/mouse.js';
import { initialState, reducer } from '../../src/state/reducer.js';

const split = () => initialState({ width: 120, height: 20, count: 50, canSearch: true });
const narrow = () => initialState({ width: 80, height: 20, count: 50, canSearch: true });

describe('pointerTarget', () => {
  it('tells the list, the rule, the article and the status bar apart in the split view', () => {
    const state = split();
    expect(pointerTarget(state, 0, 0)).toEqual({ pane: 'list', row: 0 });
    expect(pointerTarget(state, 47, 5)).toEqual({ pane: 'list', row: 5 });
    expect(pointerTarget(state, 48, 5)).toBeNull(); // the rule
    expect(pointerTarget(state, 50, 5)).toEqual({ pane: 'article' });
    expect(pointerTarget(state, 50, 19)).toBeNull(); // the status bar
    expect(pointerTarget({ ...state, help: true }, 50, 5)).toEqual({ pane: 'help' });
  });

  it('is the one pane on screen in a narrow terminal', () => {
    expect(pointerTarget(narrow(), 70, 3)).toEqual({ pane: 'list', row: 3 });
    expect(pointerTarget({ ...narrow(), focus: 'article' }, 3, 3)).toEqual({ pane: 'article' });
  });
});

describe('the wheel', () => {
  it('scrolls what is under the pointer, three lines a notch', () => {
    expect(wheelCommands(split(), 5, 5, true)).toEqual(['list.down', 'list.down', 'list.down']);
    expect(wheelCommands(split(), 60, 5, false)).toEqual(['article.up', 'article.up', 'article.up']);
    expect(wheelCommands({ ...split(), help: true }, 60, 5, true)).toEqual(['help.down', 'help.down', 'help.down']);
    expect(wheelCommands(split(), 60, 19, true)).toEqual([]);
  });
});

describe('a click', () => {
  it('selects the headline under it, counted from the top of the window', () => {
    const state = { ...split(), top: 10, selected: 12 };
    expect(clickAt(state, 5, 3, 50)).toMatchObject({ selected: 13, focus: 'list', scroll: 0 });
    expect(clickAt(state, 5, 2, 50)).toMatchObject({ selected: 12, focus: 'article' });
    // Below the last headline: nothing.
    expect(clickAt(state, 5, 3, 12)).toBe(state);
  });

  it('gives the article the keys, through the reducer', () => {
    const next = reducer(split(), { type: 'click', x: 80, y: 4 });
    expect(next.focus).toBe('article');
    expect(reducer(initialState({ width: 120, height: 20, count: 0, canSearch: true }), { type: 'click', x: 80, y: 4 }).focus).toBe('list');
  });
});
