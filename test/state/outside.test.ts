/** The reducer's part in going outside: the requests `v` `e` `L` `|` `w` leave, the prompt, the link list. */
import { describe, expect, it } from 'vitest';
import type { ArticleLink } from '../../src/article/links.js';
import type { Command } from '../../src/keys/keymap.js';
import { initialState, reducer } from '../../src/state/reducer.js';
import type { Action, AppState } from '../../src/state/types.js';

const make = (count = 3): AppState => initialState({ width: 120, height: 40, count, canSearch: true });
const apply = (state: AppState, ...actions: Action[]): AppState => actions.reduce(reducer, state);
const cmd = (command: Command): Action => ({ type: 'command', command });

const LINKS: ArticleLink[] = Array.from({ length: 12 }, (_, i) => ({ url: `https://example.org/${i + 1}`, label: null }));

describe('requests outside the reader', () => {
  it.each([
    ['item.view', { kind: 'view' }],
    ['item.edit', { kind: 'edit' }],
    ['item.links', { kind: 'links' }],
    ['item.save', { kind: 'askSave' }],
  ] as const)('%s asks for %o, for one step only', (command, request) => {
    const s = apply(make(), cmd(command));
    expect(s.outside).toEqual(request);
    expect(apply(s, cmd('list.down')).outside).toBeNull();
  });

  it('asks nothing with no article, and says so', () => {
    const s = apply(make(0), cmd('item.view'));
    expect(s.outside).toBeNull();
    expect(s.notice).toBe('no article selected');
  });
});

describe('the prompt', () => {
  it('| opens it empty; typing edits it; Enter asks to pipe to the command and closes it', () => {
    let s = apply(make(), cmd('item.pipe'));
    expect(s.prompt).toMatchObject({ purpose: 'pipe', label: '| ', text: '', cursor: 0, answer: 'line' });
    s = apply(s, { type: 'promptEdit', text: 'wc -l', cursor: 5 });
    expect(s.prompt).toMatchObject({ text: 'wc -l', cursor: 5 });
    s = apply(s, { type: 'promptAccept' });
    expect(s.prompt).toBeNull();
    expect(s.outside).toEqual({ kind: 'pipe', command: 'wc -l' });
  });

  it('keeps the cursor inside the text', () => {
    const s = apply(make(), cmd('item.pipe'), { type: 'promptEdit', text: 'ab', cursor: 9 });
    expect(s.prompt?.cursor).toBe(2);
  });

  it('Esc cancels: nothing asked; an empty answer asks nothing either', () => {
    const cancelled = apply(make(), cmd('item.pipe'), { type: 'promptEdit', text: 'cat', cursor: 3 }, { type: 'promptCancel' });
    expect(cancelled.prompt).toBeNull();
    expect(cancelled.outside).toBeNull();
    const empty = apply(make(), cmd('item.pipe'), { type: 'promptEdit', text: '  ', cursor: 2 }, { type: 'promptAccept' });
    expect(empty.outside).toBeNull();
    expect(empty.notice).toBe('no command: nothing piped');
  });

  it('the save prompt starts with the name given, the cursor at its end; Enter asks to save without overwriting', () => {
    let s = apply(make(), { type: 'promptOpen', purpose: 'save', label: 'save to: ', text: 'a-b.txt' });
    expect(s.prompt).toMatchObject({ text: 'a-b.txt', cursor: 7 });
    s = apply(s, { type: 'promptAccept' });
    expect(s.outside).toEqual({ kind: 'save', file: 'a-b.txt', overwrite: false });
  });

  it('the overwrite question takes no text; yes asks to overwrite, no says not saved', () => {
    const asked = apply(make(), { type: 'promptOpen', purpose: 'overwrite', label: 'x.txt exists: overwrite? (y/n) ', text: 'x.txt', answer: 'yesno' });
    expect(apply(asked, { type: 'promptEdit', text: 'zzz', cursor: 3 }).prompt?.text).toBe('x.txt');
    expect(apply(asked, { type: 'promptAccept' }).outside).toEqual({ kind: 'save', file: 'x.txt', overwrite: true });
    const no = apply(asked, { type: 'promptCancel' });
    expect(no.outside).toBeNull();
    expect(no.notice).toBe('not saved');
  });
});

describe('the link list', () => {
  const shown = (items = LINKS): AppState => apply(make(), { type: 'linksShow', items });

  it('shows the links with the first selected; none is a notice, not a list', () => {
    expect(shown().links).toMatchObject({ selected: 0, typed: '' });
    const none = shown([]);
    expect(none.links).toBeNull();
    expect(none.notice).toBe('no links in this article');
  });

  it('moves with its own keys, kept inside the list, and Enter asks to open the selected link', () => {
    let s = apply(shown(), cmd('links.down'), cmd('links.down'), cmd('links.up'));
    expect(s.links?.selected).toBe(1);
    s = apply(s, cmd('links.open'));
    expect(s.outside).toEqual({ kind: 'open', url: 'https://example.org/2' });
    expect(s.links).not.toBeNull();
    expect(apply(s, cmd('links.up'), cmd('links.up')).links?.selected).toBe(0);
    expect(apply(s, cmd('links.bottom')).links?.selected).toBe(11);
    expect(apply(s, cmd('links.bottom'), cmd('links.down')).links?.selected).toBe(11);
  });

  it('a number opens its link at once when no longer number could follow; 1 of 12 waits for a second digit', () => {
    const three = apply(shown(), { type: 'linksDigit', digit: '3' });
    expect(three.outside).toEqual({ kind: 'open', url: 'https://example.org/3' });
    const one = apply(shown(), { type: 'linksDigit', digit: '1' });
    expect(one.outside).toBeNull();
    expect(one.links).toMatchObject({ selected: 0, typed: '1' });
    const twelve = apply(one, { type: 'linksDigit', digit: '2' });
    expect(twelve.outside).toEqual({ kind: 'open', url: 'https://example.org/12' });
    const enter = apply(one, cmd('links.open'));
    expect(enter.outside).toEqual({ kind: 'open', url: 'https://example.org/1' });
  });

  it('a number past the end is a notice', () => {
    const s = apply(shown(LINKS.slice(0, 3)), { type: 'linksDigit', digit: '7' });
    expect(s.outside).toBeNull();
    expect(s.notice).toBe('no link 7');
  });

  it('list keys do not reach the list below; Esc closes it, Q still quits', () => {
    const s = apply(shown(), cmd('list.down'), cmd('item.star'));
    expect(s.selected).toBe(0);
    expect(s.effect).toBeNull();
    expect(apply(s, cmd('links.close')).links).toBeNull();
    expect(apply(s, cmd('app.quitAll')).quit).toBe(true);
  });
});
