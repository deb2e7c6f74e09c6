/**
 * A launch's stamp (src/commands/launch-stamp.ts) decides whether a launch draws a
 * remembered frame before checking it against the library: every change to what the frame
 * shows must change it, and reading the library must not.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStamp, launchOf, launchStamp } from '../../src/commands/launch-stamp.js';
import { packageVersion } from '../../src/library/package-files.js';
import { openStore } from '../../src/library/store/open.js';

const SIZE = { columns: 120, rows: 40 };

let dir: string;
let db: string;
let argv: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsreader-stamp-'));
  db = path.join(dir, 'library.db');
  mkdirSync(path.join(dir, 'articles'));
  argv = ['--db', db, '--config', path.join(dir, 'config.toml'), path.join(dir, 'articles')];
  const store = openStore(db);
  store.db.exec('CREATE TABLE IF NOT EXISTS t (n INTEGER)');
  store.db.close();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const stamp = (args: string[] = argv, size = SIZE): string => launchStamp(launchOf(args), size);

describe('a launch stamp', () => {
  it('is the same for the same launch of an unchanged library', () => {
    expect(stamp()).toBe(stamp());
  });

  it('changes with every commit to the library, however quick, and with the checkpoints that move it into the database file', () => {
    const writer = openStore(db).db;
    try {
      const insert = writer.prepare('INSERT INTO t (n) VALUES (?)');
      const seen = new Set([stamp()]);
      // Commits in a tight loop land within one tick of the file clock: only the files'
      // headers tell them apart.
      for (let n = 0; n < 40; n++) {
        insert.run(n);
        if (n % 10 === 9) writer.pragma('wal_checkpoint(TRUNCATE)');
        const now = stamp();
        expect(seen.has(now)).toBe(false);
        seen.add(now);
      }
    } finally {
      writer.close();
    }
  });

  it('tells commits apart on a clock too coarse to: files of the same size and time', () => {
    const writer = openStore(db).db;
    try {
      const insert = writer.prepare('INSERT INTO t (n) VALUES (?)');
      for (let n = 0; n < 5; n++) insert.run(n);
      // Every commit from here writes the log from its start again (RESTART), so its size
      // stays; the times are set back to one tick, as a coarse file clock would leave them.
      const tick = new Date('2026-01-01T00:00:00Z');
      const oneTick = (): void => {
        for (const file of [db, `${db}-wal`]) utimesSync(file, tick, tick);
      };
      const seen = new Set<string>();
      const sizes = new Set<number>();
      for (let n = 0; n < 3; n++) {
        writer.pragma('wal_checkpoint(RESTART)');
        insert.run(n);
        oneTick();
        sizes.add(statSync(`${db}-wal`).size);
        seen.add(stamp());
      }
      expect(sizes.size).toBe(1);
      expect(seen.size).toBe(3);
    } finally {
      writer.close();
    }
  });

  it('changes when the last connection closes and the log is folded into the database', () => {
    const writer = openStore(db).db;
    writer.prepare('INSERT INTO t (n) VALUES (1)').run();
    const open = stamp();
    writer.close();
    expect(stamp()).not.toBe(open);
  });

  it('does not change when another connection only reads', () => {
    const holder = openStore(db).db;
    try {
      const before = stamp();
      const reader = new Database(db, { readonly: true });
      expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
      expect(stamp()).toBe(before);
      reader.close();
      expect(stamp()).toBe(before);
    } finally {
      holder.close();
    }
  });

  it('changes with the arguments, the terminal size, the config file and a PATH that has gone', () => {
    const base = stamp();
    expect(stamp([...argv, '--no-color'])).not.toBe(base);
    expect(stamp(argv, { columns: 121, rows: 40 })).not.toBe(base);
    expect(stamp(argv, { columns: 120, rows: 39 })).not.toBe(base);
    writeFileSync(path.join(dir, 'config.toml'), 'theme = "dark"\n');
    const configured = stamp();
    expect(configured).not.toBe(base);
    writeFileSync(path.join(dir, 'config.toml'), 'theme = "light"\n');
    expect(stamp()).not.toBe(configured);
    rmSync(path.join(dir, 'articles'), { recursive: true });
    expect(stamp()).not.toBe(base);
  });

  it('changes with the environment that changes the frame, and only with that', () => {
    const env = { TERM: 'xterm-256color', HOME: dir, SHLVL: '1', TMUX_PANE: '%1' };
    const base = launchStamp(launchOf(argv, env), SIZE);
    expect(launchStamp(launchOf(argv, { ...env, SHLVL: '2', TMUX_PANE: '%7' }), SIZE)).toBe(base);
    for (const changed of [{ TERM: 'screen' }, { NO_COLOR: '1' }, { TZ: 'Asia/Tokyo' }, { COLORTERM: 'truecolor' }]) {
      expect(launchStamp(launchOf(argv, { ...env, ...changed }), SIZE)).not.toBe(base);
    }
  });

  it('tells programs apart by their version too: npm gives every installed file the same time', () => {
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(buildStamp().endsWith(`:${packageVersion()}`)).toBe(true);
  });
});
