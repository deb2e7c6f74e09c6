/** The kinds a block of an article file can have; see FORMAT.md, "Blocks". */
export type BlockKind =
  | 'headline'
  | 'standfirst'
  | 'credit'
  | 'dateline'
  | 'caption'
  | 'paragraph'
  | 'attribution';

/** A maximal run of non-blank lines, classified. */
export interface Block {
  kind: BlockKind;
  /**
   * The lines joined by single spaces, each trimmed of surrounding whitespace, with
   * character references (`&#163;`, `&amp;` and the other XML entities) decoded.
   */
  text: string;
  /** The block's lines exactly as decoded: nothing is lost. */
  lines: string[];
}

/** A parsed article, with the fields FORMAT.md lists, in that order. */
export interface Article {
  /** Stable identifier derived from the text, so a moved or renamed file keeps it. */
  id: string;
  /** Path as given on the command line, or joined onto the library root as given. */
  path: string;
  /** Folder below the library root, or null for files directly in it or named explicitly. */
  section: string | null;
  headline: string;
  standfirst: string | null;
  /** ISO 8601 from the first dateline: `YYYY-MM-DD`, or with a time when one was given. */
  date: string | null;
  source: string | null;
  credits: string[];
  blocks: Block[];
  words: number;
  warnings: string[];
}
