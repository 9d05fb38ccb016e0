import { addNames, namesOf, type Names } from './conventions/bylines.ts';
import { matchJumpFrom, matchJumpTo } from './conventions/jumps.ts';
import { CAPTION_BULLETS } from './conventions/lexicon.ts';
import { matchingForm } from './conventions/width.ts';
import { ITEM_KIND_LABELS } from './item-schema.ts';
import { printedName } from './name-as-printed.ts';
import { isNumberedCaption } from './reading-signals.ts';
import type { BodyBlock, ItemTitle, ParsedItem, ParseNote, Piece, PieceRole } from './types.ts';

/** A caption marked as one of a series: ▲…, ①…, 1、…. */
const CAPTION_BULLET = new RegExp(`^[${CAPTION_BULLETS}]`, 'u');
const isMarkedCaption = (text: string): boolean => isNumberedCaption(text) || CAPTION_BULLET.test(text);

/** Longest site-added title, in characters, before it is cut with …. */
const ADDED_TITLE_CHARS = 30;

/** Roles that make one text field, several pieces joined by a space (a byline over two lines, say). */
const joined = (pieces: Piece[], role: PieceRole): string | null => {
  const texts = pieces.filter((p) => p.role === role).map((p) => p.text);
  return texts.length === 0 ? null : texts.join(role === 'headline' || role === 'kicker' || role === 'subtitle' ? '' : ' ');
};

/**
 * A site-added title from the first sentence of a text, for items the paper
 * printed without a headline.
 * @example excerptTitle('22日，南通粮油接运码头正在卸运进口巴西玉米。据…') // '22日，南通粮油接运码头正在卸运进口巴西玉米'
 */
export function excerptTitle(text: string): string {
  const sentence = text.split(/[。！？!?；;]/u)[0] ?? text;
  const chars = [...sentence];
  return chars.length > ADDED_TITLE_CHARS ? `${chars.slice(0, ADDED_TITLE_CHARS).join('')}…` : sentence;
}

/**
 * An item being assembled while the page is read. Pieces are pushed in
 * source order (display lines first); `finish` derives every field from
 * them, so a field never says what no piece holds.
 */
export class ItemDraft {
  readonly pieces: Piece[] = [];
  readonly notes: ParseNote[] = [];
  /** Names read from datelines, bylines and credits, in print order. */
  readonly names: Names = namesOf();
  isPhoto = false;
  /** A photo group (组图) takes further captions and credits until it ends. */
  photoGroup = false;
  /** Last line of a photo group an archivist marked, if any. */
  photosUntil: number | null = null;
  /** Pieces by role, kept as they are added and removed: a page of 100,000 lines must not count them per line. */
  readonly #counts = new Map<PieceRole, number>();
  /** Paragraphs marked as captions of a series: ▲…, ①…, 1、…. */
  markedCaptions = 0;

  /** Adds one printed piece, with the names it holds. */
  add(role: PieceRole, text: string, line: number | [number, number], names?: Names | null): Piece {
    const piece: Piece = { role, text, lines: typeof line === 'number' ? [line, line] : line };
    this.push(piece);
    if (names) addNames(this.names, names);
    return piece;
  }

  /** Appends a piece made elsewhere (a caption moved from the item before). */
  push(piece: Piece): void {
    this.pieces.push(piece);
    this.#counts.set(piece.role, this.count(piece.role) + 1);
    if (piece.role === 'paragraph' && isMarkedCaption(piece.text)) this.markedCaptions += 1;
  }

  /** Removes a piece (the last paragraph, moved to a photo; a paragraph emptied by its end's markers). */
  remove(piece: Piece): void {
    const at = this.pieces.lastIndexOf(piece);
    if (at < 0) return;
    this.pieces.splice(at, 1);
    this.#counts.set(piece.role, this.count(piece.role) - 1);
    if (piece.role === 'paragraph' && isMarkedCaption(piece.text)) this.markedCaptions -= 1;
  }

  /** True once the item has body text (a paragraph or subhead). */
  get hasBody(): boolean {
    return this.count('paragraph') + this.count('subhead') > 0;
  }

  /** True once the item has a heading (引题, 主题, 副题 or column label). */
  get hasHeading(): boolean {
    return this.count('headline') + this.count('kicker') + this.count('subtitle') + this.count('column') > 0;
  }

  /** How many pieces of a role the item has. */
  count(role: PieceRole): number {
    return this.#counts.get(role) ?? 0;
  }

  /** The printed text of the first piece of a role. */
  text(role: PieceRole): string | null {
    return this.pieces.find((p) => p.role === role)?.text ?? null;
  }

  /** The last piece, when it is a paragraph. */
  lastParagraph(): Piece | null {
    const last = this.pieces.at(-1);
    return last?.role === 'paragraph' ? last : null;
  }

  /** The last piece of the item. */
  lastPiece(): Piece | null {
    return this.pieces.at(-1) ?? null;
  }

  /** Extends a piece with the next line, set apart by a space, and the names it holds (a 电头's names under it). */
  extend(piece: Piece, text: string, line: number, names: Names): void {
    piece.text = `${piece.text} ${text}`;
    piece.lines = [piece.lines[0], line];
    addNames(this.names, names);
  }

  /** Appends a column-break fragment to the last paragraph: …构建 + 多层次… = …构建多层次…. */
  continueParagraph(text: string, line: number): void {
    const last = this.lastParagraph();
    if (!last) throw new Error('continueParagraph without an open paragraph');
    last.text += text;
    last.lines = [last.lines[0], line];
  }

  /** Records a decision the parser was unsure of. */
  note(note: ParseNote): void {
    this.notes.push(note);
  }

  /** Removes and returns the notes about lines first..last (moving with a piece to another item). */
  takeNotes([first, last]: [number, number]): ParseNote[] {
    const moving = this.notes.filter((n) => n.line >= first && n.line <= last);
    const staying = this.notes.filter((n) => n.line < first || n.line > last);
    this.notes.splice(0, this.notes.length, ...staying);
    return moving;
  }

  /** Derives the parsed item from the pieces. */
  finish(): ParsedItem {
    const text = (role: PieceRole): string | null => joined(this.pieces, role);
    const jumpFrom = this.pieces.find((p) => p.role === 'jumpFrom') ?? null;
    const jumpTo = this.pieces.find((p) => p.role === 'jumpTo') ?? null;
    const body: BodyBlock[] = this.pieces.flatMap((p): BodyBlock[] =>
      p.role === 'paragraph' || p.role === 'subhead' ? [{ type: p.role, text: p.text, lines: p.lines }] : [],
    );
    const headline = text('headline');
    const kind = this.isPhoto ? 'photo' : jumpFrom ? 'jump' : 'story';
    const continuedFrom = jumpFrom ? (matchJumpFrom(matchingForm(jumpFrom.text))?.page ?? null) : null;
    const first = body.find((b) => b.type === 'paragraph')?.text ?? '';
    const title: ItemTitle = headline
      ? { text: headline, added: false }
      : kind === 'photo'
        ? { text: `${ITEM_KIND_LABELS.photo}：${excerptTitle(first)}`, added: true }
        : kind === 'jump'
          ? { text: `上接${continuedFrom ?? ''}版：${excerptTitle(first)}`, added: true }
          : { text: excerptTitle(first) || excerptTitle(this.pieces[0]?.text ?? ''), added: true };
    // reduce, not Math.min(...): a spread of a huge page's line numbers overflows the stack.
    const lineNumbers = this.pieces.flatMap((p) => p.lines);
    // Each name is looked up in the printed pieces once, whichever fields it is in.
    const printed = new Map<string, string>();
    const asPrinted = (name: string): string => {
      const found = printed.get(name) ?? printedName(name, this.pieces);
      printed.set(name, found);
      return found;
    };
    return {
      kind,
      kicker: text('kicker'),
      headline,
      subtitle: text('subtitle'),
      column: text('column'),
      dateline: text('dateline'),
      byline: text('byline'),
      bylines: unique(this.names.writers.map(asPrinted)),
      credit: text('credit'),
      credits: unique(this.names.photographers.map(asPrinted)),
      titles: printedTitles(this.names.titles, asPrinted),
      continuedFrom,
      continuesOn: jumpTo ? (matchJumpTo(matchingForm(jumpTo.text))?.page ?? null) : null,
      endnotes: this.pieces.filter((p) => p.role === 'endnote').map((p) => p.text),
      body,
      title,
      pieces: this.pieces,
      lines: [lineNumbers.reduce((a, b) => Math.min(a, b)), lineNumbers.reduce((a, b) => Math.max(a, b))],
      notes: this.notes,
    };
  }
}

/** The role words read before names, keyed by each name as printed (記者 鄭治祖: 鄭治祖 is 记者); a name's first. */
function printedTitles(titles: Names['titles'], asPrinted: (name: string) => string): Record<string, string> {
  const printed: Record<string, string> = {};
  for (const [name, title] of Object.entries(titles)) {
    const key = asPrinted(name);
    if (!Object.hasOwn(printed, key)) printed[key] = title;
  }
  return printed;
}

/** Names in print order, each once (a reporter named in the dateline and again at the end counts once). */
const unique = (names: string[]): string[] => [...new Set(names)];
