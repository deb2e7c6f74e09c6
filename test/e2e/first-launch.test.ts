/**
 * A first launch on a large library with an empty database: the headlines show while the
 * library is indexed in the background, fill in as batches land, answer keys all along,
 * and indexing runs to the end. 10,000 articles: the refresh used to stop for good at
 * about 5,200 (React's nested-update limit thrown into it by its own progress reports).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../kit/corpus-generator.js';
import { type PtySession, spawnReader } from './pty.js';

const COUNT = 10_000;
/** Indexing 10,000 articles on a loaded two-core machine; a hang still fails. */
const INDEXING_DEADLINE_MS = 90_000;

let dir: string;
let corpus: string;
let session: PtySession | null = null;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-first-launch-'));
  corpus = path.join(dir, 'corpus');
  generateCorpus({ count: COUNT, seed: 7, out: corpus });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  session?.dispose();
  session = null;
});

/** The list's position and the indexing progress, read from the status bar. */
function statusNumbers(s: PtySession): { selected: number; shown: number; indexed: number | null } | null {
  const match = /^ (\d+)\/(\d+) · \d+ unread · newest first(?: · indexing (\d+)\/\d+)?/.exec(s.status());
  if (match === null) return null;
  return { selected: Number(match[1]), shown: Number(match[2]), indexed: match[3] === undefined ? null : Number(match[3]) };
}

/**
 * The headline of the selected list row (drawn inverse), cut as the list cuts it, or null.
 * The selected row is looked for, not assumed: articles indexed meanwhile come above it and
 * move it down.
 */
function selectedHeadline(s: PtySession): string | null {
  const y = s.lines().findIndex((_, row) => row < s.lines().length - 1 && s.cell(3, row).inverse);
  if (y === -1) return null;
  const list = (s.lines()[y] ?? '').split('│')[0] ?? '';
  return list.slice(3).trim().replace(/ +\d{4}-\d\d-\d\d$/, '').replace(/…$/, '');
}

/**
 * Whether the article pane shows the headline of the selected list row: the list's
 * headline, cut with an ellipsis, begins the pane's first line.
 */
function paneFollows(s: PtySession): boolean {
  const headline = selectedHeadline(s);
  // The pane starts with the article's header (source, date, section; its path), then a
  // blank line, then the headline.
  const paneHeadline = ((s.lines()[3] ?? '').split('│')[1] ?? '').trim();
  return headline !== null && headline !== '' && paneHeadline.startsWith(headline);
}

/**
 * Wait until `keys` moved the selection `rows` down: another article selected, the pane
 * following it, and the position at least that much further. Articles indexed meanwhile
 * may land above the selection and move it further still (it stays on its article), so the
 * position alone cannot say the keys acted.
 */
async function movedDown(s: PtySession, keys: string, rows: number): Promise<void> {
  const before = { at: statusNumbers(s)?.selected ?? 0, headline: selectedHeadline(s) };
  s.write(keys);
  await s.waitFor(() => {
    const now = statusNumbers(s);
    return now !== null && now.selected >= before.at + rows && selectedHeadline(s) !== before.headline && paneFollows(s);
  }, `${keys} to move the selection ${rows} down, the pane following`);
}

describe('first launch on a large library', () => {
  it(`shows headlines while indexing, answers keys, and indexes all ${COUNT} articles`, async () => {
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [corpus], env: { CI: 'true' } }));

    // Headlines while indexing is under way, not after.
    await s.waitFor(() => {
      const numbers = statusNumbers(s);
      return numbers !== null && numbers.shown > 0 && numbers.indexed !== null && numbers.indexed < COUNT;
    }, 'headlines on screen while indexing');
    const early = statusNumbers(s)!;
    await s.waitFor(() => paneFollows(s), 'the selected headline in the article pane');

    // Keys act while it indexes: one at a time, then several in one write; the article
    // pane follows the selection.
    await movedDown(s, 'j', 1);
    expect(statusNumbers(s)?.indexed).not.toBeNull();
    // Several in one write; indexing may have ended by now on a fast machine.
    await movedDown(s, 'jjj', 3);

    // The list fills in as batches land.
    await s.waitFor(() => (statusNumbers(s)?.shown ?? 0) > early.shown, 'more headlines as indexing goes', INDEXING_DEADLINE_MS);

    // And indexing reaches the end: every article listed, no progress left in the bar.
    await s.waitForStatus(new RegExp(`^ \\d+/${COUNT} · \\d+ unread · newest first(?! · indexing)`), INDEXING_DEADLINE_MS);
    s.press('G');
    await s.waitForStatus(new RegExp(`^ ${COUNT}/${COUNT} · \\d+ unread · newest first +j/k move`));
    expect(s.lines().filter((line) => /indexing failed/.test(line))).toEqual([]);

    s.press('q');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    expect(s.alternateScreen).toBe(false);
    // Nothing was printed after the screen came back: no error ended the refresh.
    expect(s.lines().filter((line) => line.trim() !== '')).toEqual([]);
  }, 180_000);

  it('quits at once, before indexing starts, without an error', async () => {
    const s = (session = spawnReader({ cols: 120, rows: 40, args: [corpus], env: { CI: 'true' } }));
    // The first frame comes while the folders are still being walked.
    await s.waitForStatus(/looking for articles|indexing/);
    s.press('q');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    expect(s.lines().filter((line) => line.trim() !== '')).toEqual([]);
  });
});
