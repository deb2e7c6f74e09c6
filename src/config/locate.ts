/**
 * The line of a setting in a TOML file, for error messages: the TOML parser checks syntax
 * and gives values without positions, so the lines are found here by reading the table
 * headers and the `key =` at the start of each line. An entry inside an inline table or a
 * multi-line array is found at the line of the key that holds it.
 */

/** A bare, "quoted" or 'literal' key part. */
const PART = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)`;
const DOTTED = String.raw`${PART}(?:\s*\.\s*${PART})*`;
const HEADER = new RegExp(String.raw`^\s*\[\[?\s*(${DOTTED})\s*\]\]?`);
const ASSIGNMENT = new RegExp(String.raw`^\s*(${DOTTED})\s*=`);

/** The parts of a dotted key, unquoted. */
function parts(dotted: string): string[] {
  return [...dotted.matchAll(new RegExp(PART, 'g'))].map(([part]) => {
    if (part.startsWith('"')) {
      try {
        return JSON.parse(part) as string;
      } catch {
        return part.slice(1, -1);
      }
    }
    return part.startsWith("'") ? part.slice(1, -1) : part;
  });
}

/** The 1-based line where `key` is set (or the table or key holding it is), or null. */
export function lineOf(source: string, key: readonly string[]): number | null {
  const wanted = key.join('\u0000');
  const within = (candidate: string[]): boolean => {
    const joined = candidate.join('\u0000');
    return joined === wanted || wanted.startsWith(`${joined}\u0000`);
  };
  let table: string[] = [];
  let line: number | null = null;
  let depth = 0;
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const header = HEADER.exec(text);
    const assignment = header === null ? ASSIGNMENT.exec(text) : null;
    let found: string[] | null = null;
    if (header !== null) {
      table = parts(header[1] ?? '');
      found = table;
    } else if (assignment !== null) {
      found = [...table, ...parts(assignment[1] ?? '')];
    }
    // The deepest match: the key itself over the table holding it.
    if (found !== null && within(found) && found.length >= depth) {
      line = i + 1;
      depth = found.length;
    }
  }
  return line;
}
