/** The `?` help: every binding of the key map, grouped by where it applies. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import { bindingKeys, helpGroups } from '../keys/keymap.js';
import { fitWidth } from '../terminal/text.js';

/** Width of the keys column; narrower screens give the descriptions more room. */
function keyColumn(width: number): number {
  return width >= 50 ? 22 : Math.max(6, Math.floor(width * 0.45));
}

interface HelpLine {
  text: string;
  title: boolean;
}

/** The help as lines, before it is cut to the screen. */
export function helpLines(width = 80): HelpLine[] {
  const column = keyColumn(width);
  const lines: HelpLine[] = [{ text: 'Keys  (j/k scroll, any other key closes)', title: true }];
  for (const group of helpGroups()) {
    lines.push({ text: '', title: false }, { text: group.title, title: true });
    for (const b of group.bindings) {
      lines.push({ text: `  ${fitWidth(bindingKeys(b), column - 1)} ${b.description}`, title: false });
    }
  }
  return lines;
}

export const HelpOverlay = memo(function HelpOverlay({ width, height, scroll }: { width: number; height: number; scroll: number }) {
  if (width <= 0 || height <= 0) return null;
  const HELP = helpLines(width);
  const top = Math.max(0, Math.min(scroll, HELP.length - height));
  return (
    <Box flexDirection="column" width={width} height={height}>
      {HELP.slice(top, top + height).map((line, i) => (
        <Text key={top + i} bold={line.title} wrap="truncate-end">
          {fitWidth(line.text, width)}
        </Text>
      ))}
    </Box>
  );
});
