/**
 * The reading flow in the built reader, in a real pseudo-terminal: the next unread article
 * with J and with Space at an article's end, the unread view, marking the view read after
 * a yes and undoing it, and the view the next launch opens on. Keys go one by one and in
 * one write; what is seen is read from the cells, with their attributes.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../cli/run-cli.js';
import { type PtySession, spawnReader } from './pty.js';

const COLS = 100;
const ROWS = 24;
const DAYS = 20;
const sessions: PtySession[] = [];

afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

/** Twenty dated articles; day 20 (the newest, first in the list) is long enough to page. */
function library(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'newsreader-flow-')), 'news');
  mkdirSync(dir);
  for (let day = 1; day <= DAYS; day++) {
    const paragraphs = Array.from({ length: day === DAYS ? 30 : 1 }, (_, i) => `Paragraph ${i + 1} of the story of day ${day}.`);
    writeFileSync(path.join(dir, `day-${day}.txt`), `Story of day ${day}\n\nUpdated Jan ${day}, 2016\n\n${paragraphs.join('\n\n')}\n`);
  }
  return dir;
}

async function start(dir: string, db: string): Promise<PtySession> {
  const s = spawnReader({ cols: COLS, rows: ROWS, args: ['--db', db, dir], env: { FORCE_COLOR: '1' } });
  sessions.push(s);
  // Indexed: every article in the list, nothing still being looked for.
  await s.waitForStatus(new RegExp(`^ \\d+/${DAYS} · \\d+ unread(?!.*(indexing|looking))`));
  return s;
}

/** The screen row of the selection: the list row drawn inverse. */
function selectedRow(s: PtySession): string {
  const y = s.lines().findIndex((_, row) => row < ROWS - 1 && s.cell(3, row).inverse);
  return y < 0 ? '' : (s.lines()[y] ?? '');
}

describe('the reading flow in a terminal', () => {
  for (const mode of ['key by key', 'in one write'] as const) {
    it(`Space pages day 20, then goes on to the next unread article, ${mode}`, async () => {
      const s = await start(library(), freshDatabase());
      await s.waitForStatus(new RegExp(`^ 1/${DAYS} · ${DAYS} unread · newest first`));
      s.press('j', 'm', 'k');
      // Day 19 read by hand: Space at day 20's end skips it.
      await s.waitForStatus(new RegExp(`^ 1/${DAYS} · ${DAYS - 1} unread`));
      // Day 20 is 3 pages at this height: two Spaces reach its end, the third goes on.
      if (mode === 'key by key') {
        s.press('return');
        await s.waitForStatus(/ top /);
        s.press('space');
        await s.waitForStatus(/ \d+% /);
        s.press('space');
        await s.waitForStatus(/ end /);
        s.press('space');
      } else s.write('\r   ');
      await s.waitForStatus(new RegExp(`^ 3/${DAYS} · ${DAYS - 3} unread · all`));
      expect(s.screen()).toContain('Story of day 18');
    });
  }

  it('J goes to the next unread article, u shows only the unread, with the selection still drawn inverse', async () => {
    const s = await start(library(), freshDatabase());
    s.write('jmjmk');
    await s.waitForStatus(new RegExp(`^ 2/${DAYS} · ${DAYS - 2} unread`));
    s.write('J');
    await s.waitForStatus(new RegExp(`^ 4/${DAYS}`));
    expect(selectedRow(s)).toContain('Story of day 17');
    s.write('u');
    await s.waitForStatus(new RegExp(`^ 2/${DAYS - 2} · ${DAYS - 2} unread · newest first · unread only`));
    expect(selectedRow(s)).toContain('Story of day 17');
  });

  it('A asks how many, y marks them all read, U puts them back; one write', async () => {
    const s = await start(library(), freshDatabase());
    s.write('A');
    await s.waitFor(`mark ${DAYS} unread articles read? (y/n)`);
    const y = ROWS - 1;
    // The question is the bottom line, its words bold.
    expect(s.cell(1, y).bold).toBe(true);
    s.write('y');
    await s.waitForStatus(new RegExp(`^ 1/${DAYS} · 0 unread · marked ${DAYS} articles read · U undoes`));
    s.write('UAn');
    await s.waitForStatus(new RegExp(`^ 1/${DAYS} · ${DAYS} unread · nothing marked`));
  });

  it('the next launch opens on the last sort, filter and selection', async () => {
    const dir = library();
    const db = freshDatabase();
    const first = await start(dir, db);
    first.write('ougjjj');
    await first.waitForStatus(new RegExp(`^ 4/${DAYS} · ${DAYS} unread · oldest first · unread only`));
    first.write('q');
    await first.waitFor(() => !first.alternateScreen, 'the reader to quit');
    const again = await start(dir, db);
    await again.waitForStatus(new RegExp(`^ 4/${DAYS} · ${DAYS} unread · oldest first · unread only`));
    expect(selectedRow(again)).toContain('Story of day 4');
  });
});
