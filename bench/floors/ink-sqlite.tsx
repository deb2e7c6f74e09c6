/**
 * The floor of the reader's stack: Ink and React (built with the reader's Ink
 * replacements, drawing through the reader's FrameWriter on the alternate screen) and
 * better-sqlite3, with nothing else of the reader. It opens the library
 * given with --db, shows 38 of its headlines in a list with a status bar; Down moves the
 * inverse row; `/` opens a field, and text typed into it shows 38 other headlines (no
 * search: the rows after the first 38) and a count.
 */
import { Box } from 'ink';
import { drawFloor, FieldAndStatus, LIST, Row, rowKey, useFloor } from './ink-floor.js';

function App() {
  const { selected, query, rows } = useFloor();
  return (
    <Box flexDirection="column" height={LIST + 2}>
      <Box flexDirection="column" height={LIST}>
        {rows.map((row, i) => (
          <Row key={rowKey(query, i)} text={row.headline} selected={i === selected} />
        ))}
      </Box>
      <FieldAndStatus selected={selected} query={query} />
    </Box>
  );
}

drawFloor(<App />);
