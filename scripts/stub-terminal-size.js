// Stands in for terminal-size, which Ink asks for the width when its output stream has no
// `columns` (the reader's frame stream). The reader runs on a terminal; terminal-size's
// fallbacks run tput and resize as child processes, and importing it loads
// node:child_process at every launch (2 MiB resident).
export default function terminalSize() {
  const { stdout, stderr, env } = process;
  if (stdout?.columns && stdout?.rows) return { columns: stdout.columns, rows: stdout.rows };
  if (stderr?.columns && stderr?.rows) return { columns: stderr.columns, rows: stderr.rows };
  const columns = Number(env.COLUMNS);
  const rows = Number(env.LINES);
  return columns > 0 && rows > 0 ? { columns, rows } : { columns: 80, rows: 24 };
}
