/**
 * The article's links (`L`), numbered, over the body: a title line, then one link a line
 * with the selected one inverse. Links come from untrusted text: each is sanitised and cut
 * to the width.
 */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { LinksState } from '../state/links.js';
import { sanitize } from '../terminal/sanitize.js';
import { fitWidth, truncate } from '../terminal/text.js';

/** The first link on screen: the list scrolls only as far as the selection needs. */
export function linksTop(selected: number, rows: number): number {
  return Math.max(0, selected - Math.max(1, rows) + 1);
}

export function linkLine(index: number, count: number, label: string | null, url: string): string {
  const number = String(index + 1).padStart(String(count).length);
  return `${number}  ${label === null ? '' : label.startsWith('[') ? `${sanitize(label)} ` : `${sanitize(label)}: `}${sanitize(url)}`;
}

export const LinksOverlay = memo(function LinksOverlay({ width, height, links }: { width: number; height: number; links: LinksState }) {
  if (width <= 0 || height <= 0) return null;
  const count = links.items.length;
  const rows = height - 1;
  const top = linksTop(links.selected, rows);
  const title = `Links (${count}): Enter or the number opens one in the browser, Esc closes${links.typed === '' ? '' : ` · ${links.typed}`}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate-end">
        {fitWidth(truncate(title, width), width)}
      </Text>
      {links.items.slice(top, top + rows).map((link, i) => {
        const index = top + i;
        const text = fitWidth(truncate(` ${linkLine(index, count, link.label, link.url)}`, width), width);
        return (
          <Text key={index} inverse={index === links.selected} wrap="truncate-end">
            {text}
          </Text>
        );
      })}
    </Box>
  );
});
