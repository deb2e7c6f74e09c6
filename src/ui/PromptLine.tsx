/**
 * The prompt at the bottom, in the status bar's place: its label, then the answer typed so
 * far with the cursor drawn inverse (for a yes/no question, the cursor after the label).
 */
import { Box, Text } from 'ink';
import type { PromptState } from '../state/prompt.js';
import { sanitize } from '../terminal/sanitize.js';
import { graphemes, truncate, widthOf } from '../terminal/text.js';
import { visibleAround } from './SearchField.js';

/** A grapheme as it may reach the screen: typed and pasted text is untrusted too. */
function shown(grapheme: string): string {
  const safe = sanitize(grapheme);
  return safe === '' ? '�' : safe;
}

export function PromptLine({ width, prompt }: { width: number; prompt: PromptState }) {
  if (width <= 0) return null;
  const label = truncate(sanitize(prompt.label), Math.max(0, width - 1));
  const room = Math.max(1, width - widthOf(label));
  const { before, at, after } =
    prompt.answer === 'yesno' ? { before: '', at: ' ', after: '' } : visibleAround(graphemes(prompt.text).map(shown), prompt.cursor, room);
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text bold>{label}</Text>
      <Text>{before}</Text>
      <Text inverse>{at}</Text>
      <Text>{after}</Text>
    </Box>
  );
}
