/**
 * HTML from a feed -> the text blocks of an article, the way a text-mode browser shows it:
 * paragraphs and headings as paragraphs, list items with their markers (`•`, `1.`), block
 * quotes with `> `, preformatted text verbatim, table rows as `cell | cell`, `<img alt>` and
 * `<figcaption>` as captions, and links as numbered references `[1]` listed at the end (as
 * newsboat and w3m do). Scripts, styles, iframes, forms and other active content never
 * become text; `javascript:` and other non-web links are dropped.
 *
 * htmlparser2 tokenises with callbacks and no tree, so a document nested 100,000 deep costs
 * a stack of tag names here, never recursion, and broken markup still yields its text.
 */
import { Parser } from 'htmlparser2';

export interface TextBlock {
  kind: 'paragraph' | 'caption';
  lines: string[];
}

export interface HtmlText {
  blocks: TextBlock[];
  /** Link targets in reference order: `[1]` is links[0]. */
  links: string[];
}

/**
 * Elements whose content is never text for a reader: active content, frames, forms and
 * metadata. The fallback text inside `<object>`, `<video>`, `<audio>`, `<canvas>` and
 * `<noscript>` is written for readers that run no plug-ins or scripts, so it is kept.
 */
const SKIPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'option',
  'template', 'head', 'title', 'meta', 'link', 'svg', 'math', 'map', 'noembed', 'noframes', 'dialog', 'param',
]);

/** Elements that start and end a block of their own. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address', 'center', 'details', 'summary',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'dl', 'dt', 'dd', 'li', 'blockquote', 'pre', 'figure',
  'figcaption', 'table', 'caption', 'tr', 'body', 'html', 'fieldset', 'legend',
]);

/** URL schemes a reader may follow; everything else (javascript:, data:, vbscript:, file:) is dropped. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'ftp:', 'gopher:', 'news:', 'nntp:', 'feed:', 'magnet:']);

/** Resolve `href` against `base`; null for an unsafe scheme or an unreadable URL. */
export function safeUrl(href: string | null | undefined, base?: string | null): string | null {
  if (href === null || href === undefined) return null;
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const cleaned = href.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  if (cleaned === '') return null;
  let url: URL;
  try {
    url = base ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    // A relative link with no base to resolve against is kept as written, if it names no scheme.
    return /^[a-z][a-z0-9+.-]*:/i.test(cleaned) ? null : cleaned;
  }
  return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
}

const SPACES = /[ \t\n\r\f]+/g;
const NOT_BLANK = /\S/;

interface ListState {
  ordered: boolean;
  next: number;
}

/** Walks the tokens, building lines of the current block and closing blocks at boundaries. */
class BlockBuilder {
  readonly blocks: TextBlock[] = [];
  readonly links: string[] = [];
  private lines: string[] = [];
  private line = '';
  private prefix = '';
  private pendingCaptions: string[] = [];
  private skipDepth = 0;
  private preDepth = 0;
  private preText = '';
  private quoteDepth = 0;
  private readonly lists: ListState[] = [];
  private readonly anchors: { href: string | null; written: number }[] = [];
  /** Pieces of visible text so far: a link with none (an image link) gets no reference. */
  private written = 0;
  private readonly stack: string[] = [];
  private rowCells: string[] | null = null;
  private cell = '';

  constructor(
    private readonly base: string | null,
    private readonly references: boolean,
  ) {}

  open(name: string, attributes: Record<string, string>): void {
    this.stack.push(name);
    if (this.skipDepth > 0 || SKIPPED.has(name)) {
      this.skipDepth++;
      return;
    }
    if (this.preDepth > 0) {
      if (name === 'pre') this.preDepth++;
      if (name === 'br') this.preText += '\n';
      return;
    }
    if (name === 'br') {
      this.breakLine();
      return;
    }
    if (name === 'a') {
      this.anchors.push({ href: this.references ? safeUrl(attributes.href, this.base) : null, written: this.written });
      return;
    }
    if (name === 'img') {
      const alt = (attributes.alt ?? '').replace(SPACES, ' ').trim();
      if (alt !== '') {
        if (this.rowCells) this.cell += ` ${alt}`;
        else this.pendingCaptions.push(alt);
      }
      return;
    }
    if (name === 'td' || name === 'th') {
      this.endCell();
      return;
    }
    if (!BLOCK.has(name)) return;
    if (name === 'tr') {
      this.endRow();
      this.rowCells = [];
      return;
    }
    // Blocks inside a table cell are part of the cell's text.
    if (this.rowCells) {
      this.cell += ' ';
      return;
    }
    this.endBlock();
    if (name === 'ul' || name === 'ol') this.lists.push({ ordered: name === 'ol', next: Number(attributes.start ?? 1) || 1 });
    else if (name === 'li') this.prefix = this.listMarker();
    else if (name === 'blockquote') this.quoteDepth++;
    else if (name === 'pre') {
      this.preDepth = 1;
      this.preText = '';
    }
  }

  close(name: string): void {
    // htmlparser2 closes implied elements itself; pop back to the element being closed.
    const at = this.stack.lastIndexOf(name);
    if (at === -1) return;
    this.stack.length = at;
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    if (this.preDepth > 0) {
      if (name !== 'pre' || --this.preDepth > 0) return;
      this.endPre();
      return;
    }
    if (name === 'a') {
      const anchor = this.anchors.pop();
      if (anchor?.href && this.written > anchor.written) this.appendText(`[${this.reference(anchor.href)}]`, false);
      return;
    }
    if (name === 'td' || name === 'th') {
      this.endCell();
      return;
    }
    if (!BLOCK.has(name)) return;
    if (name === 'tr' || name === 'table') this.endRow();
    if (name === 'tr') return;
    if (this.rowCells) {
      this.cell += ' ';
      return;
    }
    this.endBlock(name === 'figcaption' || name === 'caption' ? 'caption' : 'paragraph');
    if (name === 'ul' || name === 'ol') this.lists.pop();
    else if (name === 'blockquote') this.quoteDepth = Math.max(0, this.quoteDepth - 1);
  }

  text(raw: string): void {
    if (this.skipDepth > 0) return;
    if (this.preDepth > 0) {
      this.preText += raw;
      return;
    }
    this.appendText(raw, true);
  }

  finish(): HtmlText {
    if (this.preDepth > 0) this.endPre();
    this.endRow();
    this.endBlock();
    return { blocks: this.blocks, links: this.links };
  }

  private reference(href: string): number {
    const known = this.links.indexOf(href);
    if (known !== -1) return known + 1;
    this.links.push(href);
    return this.links.length;
  }

  private appendText(raw: string, collapse: boolean): void {
    const text = collapse ? raw.replace(SPACES, ' ') : raw;
    const visible = NOT_BLANK.test(text);
    if (visible) this.written++;
    if (this.rowCells) {
      this.cell += text;
      return;
    }
    if (this.line === '' && !visible) return;
    // A reference mark hugs the link text: "word[1]", not "word [1]".
    this.line += this.line === '' ? text.trimStart() : text;
  }

  private listMarker(): string {
    const list = this.lists.at(-1);
    const indent = '  '.repeat(Math.max(0, this.lists.length - 1));
    if (!list) return '• ';
    return list.ordered ? `${indent}${list.next++}. ` : `${indent}• `;
  }

  private quotePrefix(): string {
    return '> '.repeat(this.quoteDepth);
  }

  private breakLine(): void {
    const trimmed = this.line.trim();
    if (trimmed !== '') this.lines.push(`${this.quotePrefix()}${this.prefix}${trimmed}`);
    if (trimmed !== '' && this.prefix !== '') this.prefix = ' '.repeat(this.prefix.length);
    this.line = '';
  }

  private endCell(): void {
    if (!this.rowCells) return;
    const cell = this.cell.replace(SPACES, ' ').trim();
    if (cell !== '') this.rowCells.push(cell);
    this.cell = '';
  }

  private endRow(): void {
    if (!this.rowCells) return;
    this.endCell();
    if (this.rowCells.length > 0) this.lines.push(`${this.quotePrefix()}${this.rowCells.join(' | ')}`);
    this.rowCells = null;
  }

  private endPre(): void {
    this.preDepth = 0;
    // Verbatim, but a block holds no blank line: blank lines split the text into blocks.
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 0) this.blocks.push({ kind: 'paragraph', lines: run.map((l) => `${this.quotePrefix()}${l}`) });
      run = [];
    };
    this.endBlock();
    for (const line of this.preText.replace(/\r\n?/g, '\n').split('\n')) {
      if (line.trim() === '') flush();
      else run.push(line.replace(/\s+$/, ''));
    }
    flush();
    this.preText = '';
  }

  private endBlock(kind: TextBlock['kind'] = 'paragraph'): void {
    this.breakLine();
    if (this.lines.length > 0) {
      this.blocks.push({ kind, lines: this.lines });
      this.lines = [];
    }
    this.prefix = '';
    for (const caption of this.pendingCaptions) this.blocks.push({ kind: 'caption', lines: [caption] });
    this.pendingCaptions = [];
  }
}

/**
 * htmlparser2 keeps its open elements in an array it shifts at the front, so its cost
 * grows with the square of the nesting depth (100,000 levels took 15 s). Markup nested
 * deeper than this is read as flat text instead: its words, without its structure.
 */
export const MAX_HTML_DEPTH = 1000;

/** Elements that close themselves or are commonly left open; they do not count as nesting. */
const NOT_NESTING = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'col', 'wbr', 'source', 'area', 'base', 'param', 'track', 'embed']);

const VOID = new Set(['input', 'meta', 'link', 'param', 'embed', 'br', 'img', 'hr', 'wbr', 'source', 'area', 'base', 'col', 'track']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/g;

/**
 * Markup without its tags, in one linear pass: the text of skipped elements (scripts,
 * frames, forms...) is left out, every other tag becomes a space.
 */
function flatten(html: string): string {
  const out: string[] = [];
  let skipping: string | null = null;
  let skipDepth = 0;
  let last = 0;
  const tag = new RegExp(TAG.source, 'g');
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = (m[2] ?? '').toLowerCase();
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/' || VOID.has(name);
    if (skipping === null) out.push(html.slice(last, m.index), ' ');
    last = tag.lastIndex;
    if (skipping !== null) {
      if (name !== skipping || selfClosing) continue;
      skipDepth += closing ? -1 : 1;
      if (skipDepth === 0) skipping = null;
    } else if (!closing && !selfClosing && SKIPPED.has(name)) {
      skipping = name;
      skipDepth = 1;
    }
  }
  if (skipping === null) out.push(html.slice(last));
  return out.join('');
}

function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  const tag = new RegExp(TAG.source, 'g');
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (NOT_NESTING.has((m[2] ?? '').toLowerCase()) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}

export interface HtmlOptions {
  /** Base URL for relative links. */
  base?: string | null;
  /** Number links as `[n]` and collect them (off for titles). */
  references?: boolean;
}

/** Turn an HTML fragment into blocks and the list of links it refers to. */
export function htmlToBlocks(html: string, options: HtmlOptions = {}): HtmlText {
  const builder = new BlockBuilder(options.base ?? null, options.references ?? true);
  // Flattened, the markup cannot nest; the parser still decodes its entities.
  const markup = nestsDeeperThan(html, MAX_HTML_DEPTH) ? flatten(html) : html;
  const parser = new Parser(
    {
      onopentag: (name, attributes) => builder.open(name, attributes),
      onclosetag: (name) => builder.close(name),
      ontext: (text) => builder.text(text),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(markup);
  return builder.finish();
}

/** HTML as one line of text (titles, names): every block joined by a space. */
export function htmlToLine(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(SPACES, ' ').trim();
  return htmlToBlocks(html, { references: false })
    .blocks.flatMap((block) => block.lines)
    .map((line) => line.trim())
    .join(' ')
    .trim();
}
