/**
 * A short piece of an article around the first place a query matches, for the search
 * results on the command line: some words before the match, the match, the words after it,
 * with `…` where the text was cut. Raw text: the caller sanitises and styles it.
 */
import type { Article } from '../article/types.js';
import type { MatchRange } from './match-ranges.js';

export interface Snippet {
  before: string;
  /** The matched text; empty when only the headline matched and the snippet is the body's start. */
  match: string;
  after: string;
}

/** Characters of a snippet, about one terminal line under the result. */
const LENGTH = 100;
/** This much of the snippet comes before the match, or more when little comes after it. */
const LEAD = 40;

const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

/** Move `at` back (or forward) to the start of a word, unless that would move it far. */
function wordStart(text: string, at: number, low: number): number {
  if (at <= 0) return 0;
  const space = text.lastIndexOf(' ', at);
  return space >= low ? space + 1 : at;
}

function wordEnd(text: string, at: number, high: number): number {
  if (at >= text.length) return text.length;
  const space = text.indexOf(' ', at);
  return space !== -1 && space <= high ? space : at;
}

/** The snippet of `text` around `range`. */
export function snippetAround(raw: string, range: MatchRange | null): Snippet {
  const [matchStart, matchEnd] = range ?? [0, 0];
  const text = oneLine(raw);
  // Collapsing whitespace only shortens runs of it; map the offsets through the same change.
  const start = oneLine(raw.slice(0, matchStart)).length;
  const end = start + oneLine(raw.slice(matchStart, matchEnd)).length;
  // Near the end of the text, the room the words after the match leave goes before it.
  const lead = Math.max(LEAD, LENGTH - (text.length - start));
  const from = start <= lead ? 0 : wordStart(text, start - lead, start - lead - 15);
  const room = Math.max(LENGTH - (end - from), 0);
  const to = Math.min(text.length, wordEnd(text, end + room, end + room + 15));
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, start).trimStart()}`,
    match: text.slice(start, end),
    after: `${text.slice(end, to).trimEnd()}${to < text.length ? '…' : ''}`,
  };
}

/**
 * The snippet for an article: around the first match in its body (standfirst, paragraphs,
 * captions), else, when only the headline matched, the start of its body; null when it
 * has no body.
 */
export function articleSnippet(article: Article, highlight: (text: string) => MatchRange[]): Snippet | null {
  const body = article.blocks.filter((block) => block.kind !== 'headline' && block.text.trim() !== '');
  for (const block of body) {
    const first = highlight(block.text)[0];
    if (first !== undefined) return snippetAround(block.text, first);
  }
  const opening = body.find((block) => block.kind === 'standfirst' || block.kind === 'paragraph');
  return opening === undefined ? null : snippetAround(opening.text, null);
}
