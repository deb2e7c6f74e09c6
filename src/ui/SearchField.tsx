/** The search field at the bottom, with the message under it for a bad or empty query. */
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { useCallback, useRef } from 'react';
import { sanitize } from '../terminal/sanitize.js';
import { truncate } from '../terminal/text.js';

export interface SearchFieldProps {
  width: number;
  query: string;
  message: string | null;
  onChange: (query: string) => void;
  onSubmit: () => void;
}

export function SearchField({ width, query, message, onChange, onSubmit }: SearchFieldProps) {
  // The input keeps its own cursor. When the query changes other than by typing in it (keys
  // that raced ahead of it, a paste cleaned of control characters), start it afresh so the
  // cursor sits at the end of the new text.
  const typed = useRef(query);
  const generation = useRef(0);
  if (query !== typed.current) {
    typed.current = query;
    generation.current += 1;
  }
  const onType = useCallback(
    (value: string) => {
      typed.current = value;
      onChange(value);
    },
    [onChange],
  );
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width} height={1} overflow="hidden">
        <Text bold>/</Text>
        <TextInput key={generation.current} value={query} onChange={onType} onSubmit={onSubmit} placeholder={'words, "a phrase", -word, a OR b, headline:word'} />
      </Box>
      {message === null ? null : (
        <Text color="red" wrap="truncate-end">
          {truncate(sanitize(message), width)}
        </Text>
      )}
    </Box>
  );
}
