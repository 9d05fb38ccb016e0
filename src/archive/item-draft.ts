import { bylineNames, creditNames, datelineNames, matchJumpFrom, matchJumpTo } from './classify-line.ts';
import { classifyHeadings, type DisplayLine } from './classify-headings.ts';
import type { BodyBlock, ItemTitle, ParsedItem, Piece, PieceRole } from './types.ts';

/** Longest site-added title, in characters, before it is cut with …. */
const ADDED_TITLE_CHARS = 30;

const joinText = (lines: DisplayLine[]): string | null =>
  lines.length === 0 ? null : lines.map((l) => l.text).join('');

const pieceOf = (role: PieceRole, lines: DisplayLine[]): Piece | null => {
  const text = joinText(lines);
  const first = lines[0];
  const last = lines.at(-1);
  return text === null || !first || !last ? null : { role, text, lines: [first.line, last.line] };
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
 * An item being assembled while the splitter walks the page. Pieces are
 * pushed in source order; `finish` derives every field from them.
 */
export class ItemDraft {
  readonly pieces: Piece[] = [];
  isPhoto = false;

  /** Starts an item from a heading group (or with no heading at all). */
  constructor(display: DisplayLine[] = [], column: DisplayLine[] = []) {
    const parts = classifyHeadings(display);
    // A headline is not broken around a column label: the part above the label is the kicker.
    const columnLine = column[0]?.line ?? Infinity;
    const above = parts.headline.filter((l) => l.line < columnLine);
    if (above.length > 0 && above.length < parts.headline.length) {
      parts.kicker.push(...above);
      parts.headline = parts.headline.filter((l) => l.line > columnLine);
    }
    const heading = [pieceOf('kicker', parts.kicker), pieceOf('headline', parts.headline), pieceOf('subtitle', parts.subtitle)];
    const columnPiece = column.length > 0 ? { role: 'column' as const, text: column.map((l) => l.text).join(' '), lines: [column[0]?.line ?? 0, column.at(-1)?.line ?? 0] as [number, number] } : null;
    for (const p of [...heading, columnPiece]) if (p) this.pieces.push(p);
    this.pieces.sort((x, y) => x.lines[0] - y.lines[0]);
  }

  /** Adds one printed piece. */
  add(role: PieceRole, text: string, line: number): void {
    this.pieces.push({ role, text, lines: [line, line] });
  }

  /** True once the item has body text (a paragraph or subhead). */
  get hasBody(): boolean {
    return this.pieces.some((p) => p.role === 'paragraph' || p.role === 'subhead');
  }

  /** True once the item has a paragraph; stops at the first, so it stays cheap on a huge page. */
  get hasParagraph(): boolean {
    return this.pieces.some((p) => p.role === 'paragraph');
  }

  /** How many paragraphs the item has (a dateline may only precede the first). */
  get paragraphCount(): number {
    return this.pieces.filter((p) => p.role === 'paragraph').length;
  }

  /** The last piece, when it is a paragraph. */
  lastParagraph(): Piece | null {
    const last = this.pieces.at(-1);
    return last?.role === 'paragraph' ? last : null;
  }

  /** Appends a column-break fragment to the last paragraph: …构建 + 多层次… = …构建多层次…. */
  continueParagraph(text: string, line: number): void {
    const last = this.lastParagraph();
    if (!last) throw new Error('continueParagraph without an open paragraph');
    last.text += text;
    last.lines = [last.lines[0], line];
  }

  /** Removes and returns the last paragraph (a photo caption found after the fact). */
  takeLastParagraph(): Piece | null {
    const last = this.lastParagraph();
    if (last) this.pieces.pop();
    return last;
  }

  /**
   * True when the item has nothing but one paragraph (with its heading, 电头 or
   * 上接 marker), so a credit makes it a photo; taking the paragraph away would
   * leave a bodiless item sharing the paragraph's line.
   */
  get isSingleParagraph(): boolean {
    return this.paragraphCount === 1 && this.pieces.every((p) => ['paragraph', 'kicker', 'headline', 'subtitle', 'column', 'dateline', 'jumpFrom'].includes(p.role));
  }

  /** Derives the parsed item from the pieces. */
  finish(): ParsedItem {
    const text = (role: PieceRole): string | null => this.pieces.find((p) => p.role === role)?.text ?? null;
    const jumpFrom = text('jumpFrom');
    const jumpTo = text('jumpTo');
    const dateline = text('dateline');
    const byline = text('byline');
    const credit = text('credit');
    const body: BodyBlock[] = this.pieces.flatMap((p): BodyBlock[] =>
      p.role === 'paragraph' || p.role === 'subhead' ? [{ type: p.role, text: p.text, lines: p.lines }] : [],
    );
    const headline = text('headline');
    const kind = this.isPhoto ? 'photo' : jumpFrom ? 'jump' : 'story';
    const continuedFrom = jumpFrom ? (matchJumpFrom(jumpFrom)?.page ?? null) : null;
    const first = body.find((b) => b.type === 'paragraph')?.text ?? '';
    const title: ItemTitle = headline
      ? { text: headline, added: false }
      : kind === 'photo'
        ? { text: `图片：${excerptTitle(first)}`, added: true }
        : kind === 'jump'
          ? { text: `上接${continuedFrom ?? ''}版：${excerptTitle(first)}`, added: true }
          : { text: excerptTitle(first), added: true };
    // reduce, not Math.min(...): a spread of a huge page's line numbers overflows the stack.
    const lineNumbers = this.pieces.flatMap((p) => p.lines);
    return {
      kind,
      kicker: text('kicker'),
      headline,
      subtitle: text('subtitle'),
      column: text('column'),
      dateline,
      byline,
      bylines: [...(dateline ? datelineNames(dateline) : []), ...((byline && bylineNames(byline)) || [])],
      credit,
      credits: (credit && creditNames(credit)) || [],
      continuedFrom,
      continuesOn: jumpTo ? (matchJumpTo(jumpTo)?.page ?? null) : null,
      body,
      title,
      pieces: this.pieces,
      lines: [lineNumbers.reduce((a, b) => Math.min(a, b)), lineNumbers.reduce((a, b) => Math.max(a, b))],
    };
  }
}
