/**
 * Keys as a terminal sends them: bracketed paste, Ctrl-L, q and Q at each level, and the
 * help scrolled with the paging keys. CI is set, as it is on CI.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bbcDir, hasShared } from '../../kit/shared-dir.js';
import { type PtySession, spawnReader } from './pty.js';

let session: PtySession | null = null;

afterEach(() => {
  session?.dispose();
  session = null;
});

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

async function start(cols: number, rows: number, args: string[] = [bbcDir]): Promise<PtySession> {
  session = spawnReader({ cols, rows, args, env: { CI: 'true' } });
  await session.waitForStatus(/1\/\d+ · \d+ unread · newest first(?! · indexing)/);
  return session;
}

/** The search field line (above the status bar), or '' when the field is closed. */
/** The search field: above the status bar, or above the message under it ("no matches — …"). */
function field(s: PtySession): string {
  const line = s.lines().slice(-3, -1).find((l) => l.startsWith('/')) ?? '';
  return line.trimEnd();
}

describe('bracketed paste', () => {
  it('turns it on while the reader runs and off when it ends', async () => {
    const s = await start(80, 24, []);
    expect(s.output).toContain('\u001b[?2004h');
    s.write('q');
    await s.waitForExit();
    expect(s.output.lastIndexOf('\u001b[?2004l')).toBeGreaterThan(s.output.lastIndexOf('\u001b[?2004h'));
  });

  it.skipIf(!hasShared).each([
    ['in one read', [`${PASTE_START}oil\r\ngas${PASTE_END}`]],
    ['split over reads', [`${PASTE_START}oi`, 'l\rg', `as${PASTE_END}`]],
  ])('pastes into the search field as text, a line break as a space, %s', async (_how, parts) => {
    const s = await start(120, 40);
    s.write('/');
    await s.waitFor(() => field(s) !== '', 'the search field');
    for (const part of parts) s.write(part);
    await s.waitFor(() => field(s).startsWith('/oil gas'), 'the pasted query');
    await s.waitForStatus(/\d+ match(es)?/);
    // Still in the field: nothing was submitted, and no letter ran as a key (s would star).
    s.write('x');
    await s.waitFor(() => field(s).startsWith('/oil gasx'), 'typing goes on in the field');
    expect(s.screen()).not.toContain('★');
  });

  it.skipIf(!hasShared)('starts a search for what is pasted outside the field, never running it as keys', async () => {
    const s = await start(120, 40);
    s.write(`${PASTE_START}yukos\rsss${PASTE_END}`);
    await s.waitFor(() => field(s).startsWith('/yukos sss'), 'a search for the pasted text');
    expect(s.screen()).not.toContain('★');
    s.press('escape');
    await s.waitForStatus(/1\/2225 · \d+ unread · newest first/);
    expect(s.screen()).not.toContain('★');
  });
});

describe('Ctrl-L', () => {
  it('clears what else was written on the terminal and draws the screen again', async () => {
    const s = await start(80, 24, []);
    const drawn = s.screen();
    // Another program writing to the terminal, as a background job or wall would.
    s.term.write('\u001b[5;3HGARBAGE GARBAGE\u001b[12;40Hmore garbage');
    await s.waitFor('GARBAGE');
    s.press('ctrl+l');
    await s.waitFor(() => s.screen() === drawn, 'the screen as drawn, without the garbage');
    expect(s.screen()).not.toMatch(/garbage/i);
  });
});

describe('q goes back one level, Q quits from anywhere', () => {
  it('q: from the full-screen article to the list, then quits; exit status 0', async () => {
    const s = await start(60, 20, []);
    s.press('return');
    await s.waitForStatus(/scroll/);
    s.press('q');
    await s.waitForStatus(/j\/k move/);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('q closes the help, in one write with the keys before it', async () => {
    const s = await start(60, 20, []);
    s.write('?q');
    await s.waitForStatus(/j\/k move/);
    expect(s.screen()).toContain('US-Russia talks');
    s.write('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it.each([
    ['the full-screen article', ['return']],
    ['the help', ['?']],
    ['the help over an article', ['return', '?']],
  ])('Q quits from %s', async (_where, keys) => {
    const s = await start(60, 20, []);
    s.press(...keys);
    await s.waitFor(() => /scroll|help/i.test(s.screen()), 'the level opened');
    s.press('Q');
    const exit = await s.waitForExit();
    expect(exit.exitCode).toBe(0);
    expect(s.alternateScreen).toBe(false);
  });
});

describe('the help on a small screen', () => {
  it('scrolls with Space, G and PgDn instead of closing, down to the query language', async () => {
    const s = await start(80, 24, []);
    s.press('?');
    await s.waitFor('Headline list');
    s.press('space');
    await s.waitFor(() => !s.screen().includes('Headline list') && !s.screen().includes('Keys  ('), 'the next page');
    s.write('G');
    // The whole last page, not only its first rows: a frame may arrive in several reads.
    const forms = ['"oil price"', '-word', 'oil OR gas', 'headline:oil', 'source:', 'section:', 'after:', 'before:', 'is:unread'];
    await s.waitFor(() => forms.every((form) => s.screen().includes(form)), 'the query language on the last page');
    expect(s.screen()).toContain('Search queries');
    s.press('home', 'pagedown');
    await s.waitFor(() => !s.screen().includes('Search queries') && !s.screen().includes('Keys  ('), 'a page down from the top');
    s.press('escape');
    await s.waitForStatus(/j\/k move/);
  });
});
