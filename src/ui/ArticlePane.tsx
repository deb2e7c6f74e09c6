/** The article pane: a slice of the article's wrapped lines, styled by block kind. */
import { Box, Text, type TextProps } from 'ink';
import { memo } from 'react';
import type { ArticleLine, LineStyle } from '../terminal/article-layout.js';
import { fitWidth } from '../terminal/text.js';

const STYLES: Record<LineStyle, TextProps> = {
  headline: { bold: true },
  standfirst: { italic: true },
  dateline: { dimColor: true },
  credit: { dimColor: true },
  caption: { dimColor: true, italic: true },
  attribution: { dimColor: true },
  paragraph: {},
  blank: {},
  header: { bold: true },
  file: { dimColor: true },
};

export interface ArticlePaneProps {
  lines: readonly ArticleLine[];
  scroll: number;
  /** Pane size, margins included. */
  width: number;
  height: number;
  /** Columns of margin each side of the text. */
  margin: number;
  /** Line of the current search match, drawn brighter than the others. */
  currentMatchLine: number;
  /** Shown when there is no article. */
  emptyText: string;
}

export const ArticlePane = memo(function ArticlePane(props: ArticlePaneProps) {
  const { lines, scroll, width, height, margin, currentMatchLine, emptyText } = props;
  if (height <= 0 || width <= 0) return null;
  const textWidth = Math.max(1, width - 2 * margin);
  if (lines.length === 0) {
    return (
      <Box width={width} height={height} paddingLeft={margin}>
        <Text dimColor wrap="truncate-end">
          {fitWidth(emptyText, textWidth)}
        </Text>
      </Box>
    );
  }
  const visible = lines.slice(scroll, scroll + height);
  return (
    <Box flexDirection="column" width={width} height={height} paddingLeft={margin}>
      {visible.map((line, i) => (
        <Line key={scroll + i} line={line} width={textWidth} current={scroll + i === currentMatchLine} />
      ))}
    </Box>
  );
});

/**
 * A search match: the current one inverse (on yellow), the others underlined (on grey), so
 * both show on a terminal without colour too.
 */
function Match({ text, current }: { text: string; current: boolean }) {
  return current ? (
    <Text inverse bold color="yellow">
      {text}
    </Text>
  ) : (
    <Text underline backgroundColor="gray" color="black">
      {text}
    </Text>
  );
}

const Line = memo(function Line({ line, width, current }: { line: ArticleLine; width: number; current: boolean }) {
  if (line.segments.length === 0) return <Text> </Text>;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end" {...STYLES[line.style]}>
        {' '.repeat(line.indent)}
        {line.segments.map((s, i) =>
          s.match ? (
            <Match key={i} text={s.text} current={current} />
          ) : (
            s.text
          ),
        )}
      </Text>
    </Box>
  );
});
