/**
 * Which rows belong to a set of library roots. A root is a folder or a file named on the
 * command line, made absolute. A row belongs when its path is the root itself or lies
 * below it: `root/` <= path < `root0` ('0' follows '/' in code order), a range the UNIQUE
 * index on path answers without a scan. A feed file's entries are `FILE#ID`, the range
 * `root#` < path < `root$`, so a feed named on the command line is a root too.
 */
export interface RootFilter {
  sql: string;
  params: string[];
}

export function rootFilter(roots: readonly string[], column: string): RootFilter {
  if (roots.length === 0) return { sql: '1', params: [] };
  const parts: string[] = [];
  const params: string[] = [];
  for (const root of roots) {
    const base = root.endsWith('/') ? root.slice(0, -1) : root;
    parts.push(`${column} = ? OR (${column} > ? AND ${column} < ?) OR (${column} > ? AND ${column} < ?)`);
    params.push(base, `${base}/`, `${base}0`, `${base}#`, `${base}$`);
  }
  return { sql: parts.map((p) => `(${p})`).join(' OR '), params };
}
