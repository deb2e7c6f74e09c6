import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { SearchField, visibleAround } from '../../src/ui/SearchField.js';

describe('visibleAround', () => {
  const chars = Array.from('crude oil prices');

  it('shows the whole query when it fits, the cursor on its own cell at the end', () => {
    expect(visibleAround(chars, chars.length, 40)).toEqual({ before: 'crude oil prices', at: ' ', after: '' });
  });

  it('scrolls left just enough to keep the cursor in view', () => {
    expect(visibleAround(chars, chars.length, 8)).toEqual({ before: ' prices', at: ' ', after: '' });
    expect(visibleAround(chars, 0, 8)).toEqual({ before: '', at: 'c', after: 'rude oi' });
  });

  it('counts wide characters as two columns', () => {
    expect(visibleAround(Array.from('東京の石油'), 5, 7)).toEqual({ before: 'の石油', at: ' ', after: '' });
    expect(visibleAround(Array.from('東京の石油'), 5, 8)).toEqual({ before: 'の石油', at: ' ', after: '' });
    expect(visibleAround(Array.from('東京の石油'), 5, 9)).toEqual({ before: '京の石油', at: ' ', after: '' });
  });
});

// eslint-disable-next-line no-control-regex
const plain = (frame: string | undefined): string => (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '').replace(/ +$/gm, '');

describe('SearchField', () => {
  it('draws the query with the cursor, and the placeholder when empty', () => {
    const { lastFrame, rerender } = render(<SearchField width={30} query="oil" cursor={1} message={null} />);
    expect(plain(lastFrame())).toBe('/oil');
    rerender(<SearchField width={30} query="" cursor={0} message="type something" />);
    expect(plain(lastFrame()).split('\n')).toEqual(['/words, "a phrase", -word, a …', 'type something']);
  });

  it('never shows control or bidi characters that got into the query', () => {
    const { lastFrame } = render(<SearchField width={30} query={'a\u202eb'} cursor={3} message={null} />);
    expect(lastFrame()).not.toContain('\u202e');
  });
});
