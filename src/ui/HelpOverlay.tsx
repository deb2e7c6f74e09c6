/** The `?` help: every binding of the key map and the query language, scrolled by the state. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { helpLines, type HelpLine } from '../keys/help.js';
import type { KeyMap } from '../keys/keymap.js';
import { fitWidth } from '../terminal/text.js';
import { useStyles } from './theme.js';

/** Width of the keys column; narrower screens give the descriptions more room. */
function keyColumn(width: number): number {
  return width >= 50 ? 22 : Math.max(6, Math.floor(width * 0.45));
}

function lineText(line: HelpLine, width: number): string {
  switch (line.kind) {
    case 'title':
      return line.text;
    case 'entry':
      return `  ${fitWidth(line.keys, keyColumn(width) - 1)} ${line.text}`;
    case 'blank':
      return '';
  }
}

/** The first line shown for a wanted scroll: the help never scrolls past its end. */
export function helpTop(scroll: number, height: number, keymap?: KeyMap): number {
  return Math.max(0, Math.min(scroll, helpLines(keymap).length - height));
}

export const HelpOverlay = memo(function HelpOverlay({ width, height, scroll, keymap }: { width: number; height: number; scroll: number; keymap?: KeyMap }) {
  const styles = useStyles();
  if (width <= 0 || height <= 0) return null;
  const lines = helpLines(keymap);
  const top = helpTop(scroll, height, keymap);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {lines.slice(top, top + height).map((line, i) => (
        <Text key={top + i} {...(line.kind === 'title' ? styles('helpTitle') : {})} wrap="truncate-end">
          {fitWidth(lineText(line, width), width)}
        </Text>
      ))}
    </Box>
  );
});
