/** The search field at the bottom, with the message under it for a bad or empty query. */
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
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
  return (
    <Box flexDirection="column" width={width}>
      <Box width={width} height={1} overflow="hidden">
        <Text bold>/</Text>
        <TextInput value={query} onChange={onChange} onSubmit={onSubmit} placeholder={'words, "a phrase", -word, a OR b, headline:word'} />
      </Box>
      {message === null ? null : (
        <Text color="red" wrap="truncate-end">
          {truncate(sanitize(message), width)}
        </Text>
      )}
    </Box>
  );
}
