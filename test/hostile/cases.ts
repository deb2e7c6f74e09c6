/**
 * The hostile battery: files that try to take over the terminal, break the decoder or the
 * parser, or make the file system misbehave. Each case builds itself in a fresh folder, so
 * the same list drives the `--json`/TSV battery and the interactive reader's tests.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** The warning the parser records when text needs sanitising for display. */
export const SANITISED = /control or invisible formatting characters removed/;

export interface HostileCase {
  name: string;
  /** Creates the case's files in `dir` (an empty, world-readable folder) and returns the PATHs to open. */
  build: (dir: string) => Promise<string[]>;
  /** How many articles `--json` must print. */
  articles: number;
  /** Each must match at least one `newsreader: warning: PATH: what` line on stderr. */
  warnings: RegExp[];
  /** Run as an unprivileged user: root reads files whatever their permissions. */
  unprivileged?: boolean;
}

export interface BuiltCase {
  dir: string;
  paths: string[];
  cleanup: () => Promise<void>;
}

/** Build one case in a new temporary folder that any user may read. */
export async function buildHostileCase(hostile: HostileCase): Promise<BuiltCase> {
  const dir = await mkdtemp(path.join(tmpdir(), 'newsreader-hostile-'));
  await chmod(dir, 0o755);
  const paths = await hostile.build(dir);
  return { dir, paths, cleanup: () => removeAll(dir) };
}

/** rm -rf, after making folders a case locked readable again (needed when not root). */
async function removeAll(dir: string): Promise<void> {
  await chmod(dir, 0o755).catch(() => undefined);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeAll(path.join(dir, entry.name));
  await rm(dir, { recursive: true, force: true });
}

/** One article file; text is written as UTF-8, bytes as they are. */
async function file(dir: string, name: string, content: string | Uint8Array): Promise<string[]> {
  const full = path.join(dir, name);
  await writeFile(full, content);
  return [full];
}

/** An ordinary article around a hostile piece, so the rest must survive intact. */
function around(piece: string): string {
  return `Headline with ${piece} inside\n\nA paragraph before ${piece} and after it.\n\nThe last paragraph is plain.\n`;
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function utf16be(text: string): Buffer {
  return utf16le(text).swap16();
}

/** Text-borne cases: an article that parses and carries the sanitising warning. */
function escapeCase(name: string, piece: string): HostileCase {
  return {
    name,
    build: (dir) => file(dir, 'article.txt', around(piece)),
    articles: 1,
    warnings: [SANITISED],
  };
}

export const hostileCases: HostileCase[] = [
  escapeCase('CSI: clear screen, colours, cursor moves', `${ESC}[2J${ESC}[H${ESC}[1;31mred${ESC}[0m${ESC}[10A`),
  escapeCase('CSI: alternate screen and mouse modes', `${ESC}[?1049h${ESC}[?1000h${ESC}[?25l`),
  escapeCase('8-bit CSI (U+009B)', '\u009b2J\u009b31mred'),
  escapeCase('OSC 0 window title ended by BEL', `${ESC}]0;pwned${BEL}`),
  escapeCase('OSC 52 clipboard write ended by ST', `${ESC}]52;c;cm0gLXJmIH4K${ST}`),
  escapeCase('OSC ended by 8-bit ST (U+009C)', `${ESC}]2;title\u009c`),
  escapeCase('8-bit OSC (U+009D)', `\u009d0;title${BEL}`),
  escapeCase('OSC 8 hyperlink', `${ESC}]8;;https://evil.example/${ST}click${ESC}]8;;${ST}`),
  escapeCase('OSC never terminated', `${ESC}]0;the rest of the line is the title`),
  escapeCase('DCS request status string', `${ESC}P$q"p${ST}`),
  escapeCase('8-bit DCS (U+0090)', `\u0090+q544e${ST}`),
  escapeCase('APC (kitty graphics)', `${ESC}_Gf=100,a=T;AAAA${ST}`),
  escapeCase('PM', `${ESC}^privacy message${ST}`),
  escapeCase('SOS', `${ESC}Xstart of string${ST}`),
  escapeCase('two-byte ESC sequences (reset, save cursor, charset)', `${ESC}c${ESC}7${ESC}(0${ESC}#8`),
  {
    name: 'ESC at the very end of the file',
    build: (dir) => file(dir, 'article.txt', `Headline\n\nBody ends with ESC${ESC}`),
    articles: 1,
    warnings: [SANITISED],
  },
  escapeCase('C0 controls: BEL, backspace, vertical tab, form feed, DEL', `${BEL}over\b\b\b\bunder\u000b\u000c\u007f`),
  escapeCase('C1 controls: NEL, IND, RI, stray ST', '\u0085\u0084\u008d\u009c'),
  {
    name: 'bare carriage return (a line break, never an overwrite)',
    build: (dir) => file(dir, 'article.txt', 'Headline\r\rinnocent text\revil overwrite\r'),
    articles: 1,
    warnings: [],
  },
  escapeCase('bidi override and embeddings', 'invoice\u202egpj.exe\u202a\u202b\u202c\u202d'),
  escapeCase('bidi isolates and marks', '\u2066a\u2067b\u2068c\u2069\u200e\u200f\u061c'),
  escapeCase('invisible format characters (ZWSP, word joiner, soft hyphen)', 'pay\u200bpal\u2060\u00ad'),
  {
    name: 'tabs (shown as spaces, no warning: ordinary whitespace)',
    build: (dir) => file(dir, 'article.txt', around('col1\tcol2\t\tcol3')),
    articles: 1,
    warnings: [],
  },
  {
    // A surrogate in UTF-8 form (CESU-8) is invalid UTF-8: no JavaScript string writes it.
    name: 'a lone surrogate encoded in UTF-8 form',
    build: (dir) => file(dir, 'article.txt', Buffer.from('Headline \xed\xa0\x80 lone\n\nBody.\n', 'latin1')),
    articles: 1,
    warnings: [/Windows-1252/],
  },
  {
    name: 'invalid UTF-8 (falls back to Windows-1252)',
    build: (dir) => file(dir, 'article.txt', Buffer.from('Headline \xa3 5\n\nCaf\xe9 cr\xe8me \xff\xfe.\n', 'latin1')),
    articles: 1,
    warnings: [/Windows-1252/],
  },
  {
    name: 'overlong UTF-8 encodings of "/" and NUL',
    build: (dir) =>
      file(dir, 'article.txt', Buffer.from('Overlong \xc0\xaf \xe0\x80\xaf \xc0\x80\n\nBody.\n', 'latin1')),
    articles: 1,
    warnings: [/Windows-1252/],
  },
  {
    name: 'Windows-1252 bytes that decode to C1 controls (0x9D as OSC)',
    build: (dir) => file(dir, 'article.txt', Buffer.from('Headline \x9d0;title\x07 end\n\nBody \x81\x8d\x8f\x90.\n', 'latin1')),
    articles: 1,
    warnings: [/Windows-1252/, SANITISED],
  },
  {
    name: 'UTF-16LE with lone surrogates',
    build: (dir) => file(dir, 'article.txt', utf16le('Headline \ud800 lone\n\nBody \udc00 too.\n')),
    articles: 1,
    warnings: [/invalid UTF-16LE/],
  },
  {
    name: 'UTF-16BE with BOM',
    build: (dir) => file(dir, 'article.txt', utf16be('Schlagzeile über Straße\n\nText mit Umlauten: äöü.\n')),
    articles: 1,
    warnings: [],
  },
  {
    name: 'UTF-16 text holding NUL characters',
    build: (dir) => file(dir, 'article.txt', utf16le('Headline\u0000\n\nBody\u0000.\n')),
    articles: 1,
    warnings: [SANITISED],
  },
  {
    name: 'BOM in the middle of the text',
    build: (dir) => file(dir, 'article.txt', '\ufeffHeadline\ufeff\n\nBody\ufeff text.\n\ufeff\n\nMore.\n'),
    articles: 1,
    warnings: [SANITISED],
  },
  {
    name: 'NUL bytes in the first 8 KiB (binary, skipped)',
    build: (dir) => file(dir, 'article.txt', Buffer.concat([Buffer.from('Looks like text\n'), Buffer.from([0, 1, 2, 0])])),
    articles: 0,
    warnings: [/binary/],
  },
  {
    name: 'NUL bytes past the first 8 KiB (text, NUL shown as a symbol)',
    build: (dir) => file(dir, 'article.txt', `Headline\n\n${'word '.repeat(2000)}\n\nLate\u0000NUL.\n`),
    articles: 1,
    warnings: [SANITISED],
  },
  {
    name: '5 MB with no newline',
    build: (dir) => file(dir, 'article.txt', 'word '.repeat(1_000_000)),
    articles: 1,
    warnings: [],
  },
  {
    name: '10,000 one-word paragraphs',
    build: (dir) => file(dir, 'article.txt', Array.from({ length: 10_000 }, (_, i) => `word${i}`).join('\n\n')),
    articles: 1,
    warnings: [],
  },
  {
    name: '100,000 blank lines',
    build: (dir) => file(dir, 'article.txt', `Headline${'\n'.repeat(100_000)}Body after the gap.\n`),
    articles: 1,
    warnings: [],
  },
  {
    name: 'a headline of 10,000 characters',
    build: (dir) => file(dir, 'article.txt', `${'Long '.repeat(2_000)}\n\nBody.\n`),
    articles: 1,
    warnings: [],
  },
  {
    // Each line once made a classifier pattern backtrack quadratically (minutes per line).
    name: 'long runs of spaces where the credit, dateline and caption patterns look',
    build: (dir) => {
      const spaces = ' '.repeat(200_000);
      const lines = [`Photo: a${spaces}b`, `Updated x${spaces}y`, `Updated${spaces}x\u2028y`, `(L) Sep 6, 2016${spaces}x`];
      return file(dir, 'article.txt', `Headline\n\n${lines.join('\n\n')}\n`);
    },
    articles: 1,
    warnings: [SANITISED],
  },
  {
    name: 'ZWJ, emoji sequences, combining stacks, CJK and right-to-left text',
    build: (dir) =>
      file(
        dir,
        'article.txt',
        [
          'Family \u{1f468}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466} and \u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
          `Z${'\u0301\u0316\u0327\u0358\u036f'.repeat(200)}algo`,
          '中文新闻报道，日本語のニュース、한국어 뉴스。',
          'שלום עולם — مرحبا بالعالم — می\u200cخواهم',
          '\u{1f44d}\u{1f3fd} \u2764\ufe0f क्\u200dष',
        ].join('\n\n'),
      ),
    articles: 1,
    warnings: [],
  },
  {
    name: 'empty file',
    build: (dir) => file(dir, 'article.txt', ''),
    articles: 0,
    warnings: [/empty file/],
  },
  {
    name: 'whitespace only (spaces, tabs, NBSP, CRLF)',
    build: (dir) => file(dir, 'article.txt', ' \t\r\n\u00a0\u00a0\r\n\n   \n\u3000\n'),
    articles: 0,
    warnings: [/whitespace only/],
  },
  {
    name: 'a file deleted after it was linked (dangling symlink in a folder)',
    build: async (dir) => {
      await mkdir(path.join(dir, 'lib'));
      await file(dir, 'lib/kept.txt', 'Kept\n\nBody.\n');
      await symlink(path.join(dir, 'gone.txt'), path.join(dir, 'lib', 'deleted.txt'));
      return [path.join(dir, 'lib')];
    },
    articles: 1,
    warnings: [/deleted\.txt: no such file or directory/],
  },
  {
    name: 'symlink loops (file links and a folder linking to its parent)',
    build: async (dir) => {
      await mkdir(path.join(dir, 'lib', 'sub'), { recursive: true });
      await file(dir, 'lib/sub/real.txt', 'Real\n\nBody.\n');
      await symlink('b.txt', path.join(dir, 'lib', 'a.txt'));
      await symlink('a.txt', path.join(dir, 'lib', 'b.txt'));
      await symlink('..', path.join(dir, 'lib', 'sub', 'up'));
      await symlink('self.txt', path.join(dir, 'self.txt'));
      return [path.join(dir, 'lib'), path.join(dir, 'self.txt')];
    },
    articles: 1,
    warnings: [/a\.txt: too many levels of symbolic links/, /self\.txt: too many levels of symbolic links/],
  },
  {
    name: 'a file and a folder without read permission',
    build: async (dir) => {
      await mkdir(path.join(dir, 'lib', 'locked'), { recursive: true });
      await file(dir, 'lib/readable.txt', 'Readable\n\nBody.\n');
      await file(dir, 'lib/secret.txt', 'Secret\n\nBody.\n');
      await file(dir, 'lib/locked/inside.txt', 'Inside\n\nBody.\n');
      await chmod(path.join(dir, 'lib', 'secret.txt'), 0o000);
      await chmod(path.join(dir, 'lib', 'locked'), 0o000);
      return [path.join(dir, 'lib'), path.join(dir, 'lib', 'secret.txt')];
    },
    articles: 1,
    warnings: [/secret\.txt: permission denied/, /locked: permission denied/],
    unprivileged: true,
  },
  {
    name: 'a FIFO named on the command line and one named *.txt in a folder',
    build: async (dir) => {
      await mkdir(path.join(dir, 'lib'));
      await file(dir, 'lib/plain.txt', 'Plain\n\nBody.\n');
      execFileSync('mkfifo', [path.join(dir, 'fifo'), path.join(dir, 'lib', 'pipe.txt')]);
      return [path.join(dir, 'fifo'), path.join(dir, 'lib')];
    },
    articles: 1,
    warnings: [/fifo: not a regular file/, /pipe\.txt: not a regular file/],
  },
  {
    name: 'paths with newlines, escapes and bidi overrides in their names',
    build: async (dir) => {
      await mkdir(path.join(dir, `lib\n${ESC}]0;title${BEL}`));
      const folder = path.join(dir, `lib\n${ESC}]0;title${BEL}`);
      await file(folder, `evil\n${ESC}[2J${ESC}]52;c;AAAA${BEL}\u202etxt.exe\r\b.txt`, 'Named badly\n\nBody.\n');
      await file(folder, `latin\u009b2J.txt`, Buffer.from('Warn \xe9\n\nSo the path is printed on stderr.\n', 'latin1'));
      return [folder];
    },
    articles: 2,
    warnings: [/latin.*\.txt: not valid UTF-8/],
  },
];

