// Stands in for restore-cursor, which cli-cursor (under Ink) registers to write the
// show-cursor sequence to stderr as the process exits: into a user's `2>log`, and after the
// terminal has been given back. The reader's Screen shows the cursor on stdout on every way
// out instead (q, Ctrl-C, signals, errors).
export default function restoreCursor() {}
