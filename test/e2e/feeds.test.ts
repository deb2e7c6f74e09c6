/**
 * The reader on a feed file, in a real pseudo-terminal: entries as headlines newest first,
 * an entry's blocks and numbered links in the article pane, hostile titles sanitised,
 * and state kept when the feed changes an entry's body.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../cli/run-cli.js';
import { type PtySession, spawnReader } from './pty.js';

let session: PtySession | null = null;

afterEach(() => {
  session?.dispose();
  session = null;
});

function feed(secondBody: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>
<item><guid>one</guid><title>Ceasefire holds in the north</title><pubDate>Tue, 06 Sep 2016 14:05:00 GMT</pubDate>
  <description><![CDATA[<p>Guns fell <a href="https://news.example/guns">silent</a> overnight.</p><ul><li>first point</li></ul>]]></description></item>
<item><guid>two</guid><title>Evil &#x1b;[31mred&#x1b;[0m &#x202e;title</title><pubDate>Mon, 05 Sep 2016 09:00:00 GMT</pubDate>
  <description>${secondBody}</description></item>
<item><guid>three</guid><title>Oldest entry</title><pubDate>Sun, 04 Sep 2016 09:00:00 GMT</pubDate><description>Old.</description></item>
</channel></rss>`;
}

function start(args: string[]): PtySession {
  session = spawnReader({ cols: 120, rows: 30, args, env: { CI: 'true' } });
  return session;
}

describe('the reader on a feed', () => {
  it('lists the entries newest first and shows the selected one with its links', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-e2e-feed-'));
    const file = path.join(dir, 'wire.xml');
    writeFileSync(file, feed('Body one.'));
    const db = freshDatabase();
    const s = start(['--db', db, file]);
    await s.waitForStatus(/1\/3/);
    await s.waitFor('Guns fell silent[1] overnight.');
    const screen = s.screen();
    expect(screen.indexOf('Ceasefire holds in the north')).toBeLessThan(screen.indexOf('Oldest entry'));
    expect(screen).toContain('• first point');
    expect(screen).toContain('[1] https://news.example/guns');
    expect(screen).toContain('Published Tue, 06 Sep 2016 14:05 UTC');
    const buffer = s.term.buffer.active;

    // The hostile title reaches the screen without its escape or bidi override: no red.
    s.press('j');
    await s.waitForStatus(/2\/3/);
    const evilRow = s.lines().findIndex((line) => line.includes('red'));
    expect(evilRow).toBeGreaterThanOrEqual(0);
    const redAt = s.lines()[evilRow]?.indexOf('red') ?? -1;
    const cell = buffer.getLine(buffer.viewportY + evilRow)?.getCell(redAt);
    expect(cell?.getChars()).toBe('r');
    expect(cell?.isFgDefault()).toBeTruthy();
    expect(s.screen()).not.toContain('\u202e');

    // Keys in one write act one after another, on the state the key before left.
    s.write('kjj');
    await s.waitForStatus(/3\/3/);
    await s.waitFor('Old.');
    s.write('kk');
    await s.waitForStatus(/1\/3/);
    s.press('j');
    await s.waitForStatus(/2\/3/);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });

  it('keeps an entry starred when the feed changes its body', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsreader-e2e-feed-'));
    const file = path.join(dir, 'wire.xml');
    writeFileSync(file, feed('Body one.'));
    const db = freshDatabase();
    let s = start(['--db', db, file]);
    await s.waitForStatus(/1\/3/);
    s.press('j', 's');
    await s.waitFor(() => s.lines().some((line) => line.includes('★') && line.includes('red')), 'the star on the second entry');
    s.press('q');
    await s.waitForExit();
    s.dispose();

    writeFileSync(file, feed('A corrected body.'));
    s = start(['--db', db, file]);
    // The reader opens where it was left: on the second entry.
    await s.waitForStatus(/2\/3/);
    await s.waitFor('A corrected body.');
    expect(s.lines().some((line) => line.includes('★') && line.includes('red'))).toBe(true);
    s.press('q');
    expect((await s.waitForExit()).exitCode).toBe(0);
  });
});
