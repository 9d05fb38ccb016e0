import type { Correction } from './corrections.ts';

/**
 * The shapes the parser produces. Everything here is derived from the raw
 * page text; the raw page itself is never changed.
 */

/** What a printed piece of text is on the page. */
export type PieceRole =
  | 'kicker'
  | 'headline'
  | 'subtitle'
  | 'column'
  | 'dateline'
  | 'jumpFrom'
  | 'jumpTo'
  | 'subhead'
  | 'paragraph'
  | 'byline'
  | 'credit'
  | 'endnote';

/**
 * One printed piece of an item, as printed: its text is the exact source text
 * of its lines with line breaks (and the column breaks inside a paragraph)
 * removed, so joining every piece of a page gives back every printed character.
 */
export interface Piece {
  /** What the piece is. */
  role: PieceRole;
  /** The printed text, trimmed of surrounding whitespace only. */
  text: string;
  /** First and last source line (1-based) the piece comes from. */
  lines: [number, number];
}

/** The three kinds of item a page holds. */
export type ItemKind = 'story' | 'jump' | 'photo';

/** A title the site shows for an item; `added` when the paper printed none. */
export interface ItemTitle {
  /** The text to show. */
  text: string;
  /** True when the site made the title up (a photo or a headless jump). */
  added: boolean;
}

/** One block of an item's body in print order. */
export type BodyBlock =
  { type: 'paragraph'; text: string; lines: [number, number] } | { type: 'subhead'; text: string; lines: [number, number] };

/**
 * A decision the parser was not sure of, kept for the archivist: the line
 * it is about, what was read and why, and the correction that would read it
 * the other way.
 */
export interface ParseNote {
  /** 1-based source line the note is about. */
  line: number;
  /** What the parser read, and on what evidence. */
  message: string;
  /** The correction (as the page's .yml would hold it) that makes the other reading. */
  fix: Correction | null;
}

/** One item (story, jump or photo) of a page, with its provenance. */
export interface ParsedItem {
  /** story: begins on this page; jump: continued from another page; photo: captioned pictures. */
  kind: ItemKind;
  /** 引题, printed above the headline. */
  kicker: string | null;
  /** 主题; a headline broken over two display lines is joined. */
  headline: string | null;
  /** 副题, printed below the headline. */
  subtitle: string | null;
  /** A column label such as 直通省两会 with its year line. */
  column: string | null;
  /** 电头 at the start of the first paragraph, with the names set in it, e.g. 本报讯（记者彭军君 实习生陈少鹏）. */
  dateline: string | null;
  /** The byline as printed, e.g. 本报记者 王玮丽 沈雪梅; several byline lines are joined by a space. */
  byline: string | null;
  /** Names of writers from the dateline and the byline, in print order. */
  bylines: string[];
  /** The photo credit as printed, e.g. 记者 许丛军摄; several are joined by a space. */
  credit: string | null;
  /** Names of photographers from credits (and from bylines such as 文/摄). */
  credits: string[];
  /** Page label of 上接…版, e.g. "A1". */
  continuedFrom: string | null;
  /** Page label of 下转…版. */
  continuesOn: string | null;
  /** Notes printed after the story that belong to it: （完）, （据新华社）, （合作单位：…）. */
  endnotes: string[];
  /** Body in print order: paragraphs (column breaks joined) and subheads. */
  body: BodyBlock[];
  /** The title to show: the headline, or a marked site-added one. */
  title: ItemTitle;
  /** Every printed piece in source order; the fields above are views of these. */
  pieces: Piece[];
  /** First and last source line of the item. */
  lines: [number, number];
  /** Decisions about this item the parser was unsure of. */
  notes: ParseNote[];
}

/** A parsed page: its items in print order and any layout-only lines. */
export interface ParsedPage {
  /** Items in print order. */
  items: ParsedItem[];
  /** Lines that are page furniture, not part of any item (kept for accounting). */
  layout: Piece[];
  /** Notes about lines outside any item (page furniture read as such). */
  notes: ParseNote[];
}
