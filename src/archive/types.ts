import type { Correction } from './corrections.ts';
import type { PrintedItem } from './item-schema.ts';

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

/** The kind of an item and the title the site shows, as the item schema says. */
export type { ItemKind, ItemTitle } from './item-schema.ts';

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
  /** The doubt (doubts.ts) that made the note, for notes made after the page is read. */
  doubt?: string;
}

/** One item (story, jump or photo) of a page, with its provenance: what was printed (item-schema.ts) and how it was read. */
export interface ParsedItem extends PrintedItem {
  /** Body in print order: paragraphs (column breaks joined) and subheads. */
  body: BodyBlock[];
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
