/** The article pane: a slice of the article's wrapped lines, styled by block kind. */
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { ArticleLine, LineStyle } from '../terminal/article-layout.js';
import { fitWidth } from '../terminal/text.js';
import type { StyleName } from '../terminal/theme.js';
import { useStyles } from './theme.js';

/** The theme's style for each kind of line. */
const STYLES: Record<LineStyle, StyleName> = {
  headline: 'headline',
  standfirst: 'standfirst',
  dateline: 'byline',
  credit: 'byline',
  caption: 'caption',
  attribution: 'byline',
  paragraph: 'text',
  blank: 'text',
  header: 'header',
  file: 'byline',
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
  const styles = useStyles();
  if (height <= 0 || width <= 0) return null;
  const textWidth = Math.max(1, width - 2 * margin);
  if (lines.length === 0) {
    return (
      <Box width={width} height={height} paddingLeft={margin}>
        <Text {...styles('dim')} wrap="truncate-end">
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

/** A search match: the current one (n/N) drawn apart from the others. */
function Match({ text, current }: { text: string; current: boolean }) {
  const styles = useStyles();
  return <Text {...styles(current ? 'currentMatch' : 'match')}>{text}</Text>;
}

const Line = memo(function Line({ line, width, current }: { line: ArticleLine; width: number; current: boolean }) {
  const styles = useStyles();
  if (line.segments.length === 0) return <Text> </Text>;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end" {...styles(STYLES[line.style])}>
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
