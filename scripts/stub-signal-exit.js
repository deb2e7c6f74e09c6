// Stands in for signal-exit 3, which Ink uses to unmount as the process exits. It also
// takes over every signal and patches process.emit and process.reallyExit, and requires
// node:assert (1.4 MiB resident at every launch). The reader handles its signals itself
// (src/commands/read.tsx); Ink's unmount on exit needs only the 'exit' event.
export default function onExit(callback) {
  const handler = (code) => callback(code, null);
  process.on('exit', handler);
  return () => process.off('exit', handler);
}
