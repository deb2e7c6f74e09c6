/** A count with its noun, as every message writes it: `1 file`, `3 files`, `2 matches`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
