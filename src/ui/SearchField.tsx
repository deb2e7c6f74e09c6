/**
 * The search field at the bottom, with the message under it for a bad or empty query. It
 * only draws: the reader's one input handler edits the query and moves the cursor (see
 * state/field-edit.ts), so no key is lost while focus moves between the field and the list.
 */
import { Box, Text } from 'ink';
import { sanitize } from '../terminal/sanitize.js';
import { graphemes, truncate, widthOf } from '../terminal/text.js';
import { useStyles } from './theme.js';

export const PLACEHOLDER = 'words, "a phrase", -word, a OR b, headline:word  (↑ earlier searches)';

export interface SearchFieldProps {
  width: number;
  query: string;
  /** Graphemes of the query before the cursor. */
  cursor: number;
  message: string | null;
}

export function SearchField({ width, query, cursor, message }: SearchFieldProps) {
  const styles = useStyles();
  const room = Math.max(1, width - 1); // after the `/`
  let line;
  if (query === '') {
    const rest = truncate(PLACEHOLDER.slice(1), room - 1);
    line = (
      <>
        <Text {...styles('cursor')}>{PLACEHOLDER[0]}</Text>
        <Text {...styles('dim')}>{rest}</Text>
      </>
    );
  } else {
    const { before, at, after } = visibleAround(graphemes(query).map(shown), cursor, room);
    line = (
      <>
        <Text>{before}</Text>
        <Text {...styles('cursor')}>{at}</Text>
        <Text>{after}</Text>
      </>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width} height={1} overflow="hidden">
        <Text {...styles('prompt')}>/</Text>
        {line}
      </Box>
      {message === null ? null : (
        <Text {...styles('error')} wrap="truncate-end">
          {truncate(sanitize(message), width)}
        </Text>
      )}
    </Box>
  );
}

/** A grapheme as it may reach the screen: typed and pasted text is untrusted too. */
function shown(grapheme: string): string {
  const safe = sanitize(grapheme);
  return safe === '' ? '�' : safe;
}

/**
 * The part of the query that fits in `room` columns with the cursor in view: the text is
 * scrolled left just enough to show the cursor, which takes a cell of its own at the end.
 */
export function visibleAround(chars: readonly string[], cursor: number, room: number): { before: string; at: string; after: string } {
  const at = Math.max(0, Math.min(cursor, chars.length));
  const cursorChar = chars[at] ?? ' ';
  let used = widthOf(cursorChar);
  let start = at;
  while (start > 0 && used + widthOf(chars[start - 1] ?? '') <= room) {
    start -= 1;
    used += widthOf(chars[start] ?? '');
  }
  let end = at + 1;
  while (end < chars.length && used + widthOf(chars[end] ?? '') <= room) {
    used += widthOf(chars[end] ?? '');
    end += 1;
  }
  return { before: chars.slice(start, at).join(''), at: cursorChar, after: chars.slice(at + 1, end).join('') };
}
