import { creditStart } from '../conventions/credits.ts';
import { charCount, endsSentence } from '../conventions/punctuation.ts';
import { findHeadingGroup } from '../heading-group.ts';
import { isRunningText, lineCredit, lineEndnote, opensStory } from '../page-lines.ts';
import { CorrectionIndex, type Correction } from '../corrections.ts';
import { ItemDraft } from '../item-draft.ts';
import { opensBulletBrief } from '../brief-runs.ts';
import { isCreditedUnderTitle } from './photo-shapes.ts';
import type { PageLine } from '../page-lines.ts';
import type { PaperStyle } from '../paper-style.ts';
import type { ParsedPage } from '../types.ts';

/** What the line just read was, for what may attach to it (a second byline line, a credit after a byline). */
export type LastLine = 'byline' | 'credit' | 'endnote' | 'other';

/**
 * Where the page reader stands as it walks a page's lines: the item being
 * assembled, the items closed before it, and what the last lines said about
 * the next one. The reader's steps (split-items.ts and the modules beside
 * this one) read and change it.
 */
export class ReaderState {
  readonly lines: PageLine[];
  /** The archivist's corrections, by line. */
  readonly fix: CorrectionIndex;
  /** Items closed so far, in print order. */
  readonly drafts: ItemDraft[] = [];
  readonly page: ParsedPage = { items: [], layout: [], notes: [] };
  /** The item being assembled. */
  current: ItemDraft | null = null;
  /** The last paragraph may go on in the next block (it ends mid-sentence). */
  open = false;
  /** A new item is due here: the page's top, or after a byline, a credit or a 下转 marker. */
  expectHeading = true;
  last: LastLine = 'other';
  /** A paragraph ended in a colon (贺电全文如下：) and no sentence has ended since: what follows is quoted or listed. */
  leadIn = false;
  /** The items read since a column label of briefs (短讯, 简讯): a short line after their text heads the next brief. */
  briefs = false;
  readonly #at = new Map<PageLine, number>();
  readonly #byLine = new Map<number, PageLine>();

  /** Display-role signal families left out (to measure what each is worth). */
  readonly skipSignals: ReadonlySet<string>;
  /** The paper's house style. */
  readonly style: PaperStyle | undefined;

  constructor(
    lines: PageLine[],
    corrections: readonly Correction[],
    options: { skipSignals?: ReadonlySet<string> | undefined; style?: PaperStyle | undefined } = {},
  ) {
    this.lines = lines;
    this.fix = new CorrectionIndex(corrections);
    this.skipSignals = options.skipSignals ?? new Set();
    this.style = options.style;
    lines.forEach((l, i) => {
      this.#at.set(l, i);
      this.#byLine.set(l.line, l);
    });
  }

  /** The index of a line in the page. */
  index(l: PageLine): number {
    return this.#at.get(l) ?? -1;
  }

  /** The line after this one, if any. */
  after(l: PageLine): PageLine | undefined {
    return this.lines[this.index(l) + 1];
  }

  /** A line by its number in the raw page. */
  line(n: number): PageLine | undefined {
    return this.#byLine.get(n);
  }

  /** Whether the item being assembled ends after this line: the page ends, or what follows begins another item or trails this one. */
  endsAfter(l: PageLine): boolean {
    const next = this.after(l);
    if (!next) return true;
    if (lineEndnote(next) || opensBulletBrief(this.lines, this.index(next))) return true;
    const group = findHeadingGroup(this.lines, this.index(l) + 1, this.fix);
    return group !== null && group.opener !== 'none' && group.opener !== 'text';
  }

  /**
   * Whether running text goes on after this line, as a story's does after a
   * photo it prints near its top: a paragraph without a credit of its own,
   * or a short subhead over one (公交 / 今天，…).
   */
  textGoesOn(l: PageLine): boolean {
    const next = this.after(l);
    if (!next) return false;
    const creditAt = (x: PageLine | undefined): boolean => x !== undefined && (creditStart(x.norm) !== null || lineCredit(x) !== null);
    // A 电头 or a 上接 marker opens an item of its own.
    if (opensStory(next)) return false;
    if (isRunningText(next)) return !creditAt(next) && !creditAt(this.after(next));
    const below = this.after(next);
    return charCount(next.norm) <= 4 && below !== undefined && isRunningText(below) && !creditAt(below) && !creditAt(this.after(below));
  }

  /** The item being assembled, opened if none is. */
  ensureItem(): ItemDraft {
    if (!this.current) {
      this.current = new ItemDraft();
      this.expectHeading = false;
    }
    return this.current;
  }

  /** The item a note or credit printed after a closed item belongs to, when that item's last line was just read. */
  previousItem(): ItemDraft | null {
    return this.last === 'other' ? null : (this.drafts.at(-1) ?? null);
  }

  /** Notes where a colon leads into quoted or listed lines, and where a sentence ends them. */
  followLeadIn(l: PageLine): void {
    if (/：$/u.test(l.norm)) this.leadIn = true;
    else if (endsSentence(l.norm)) this.leadIn = false;
  }

  /** Closes the item being assembled; a new item is due after it. */
  close(): void {
    const item = this.current;
    if (item) {
      if (item.pieces.length > 0) this.drafts.push(item);
      if (item.isPhoto && item.photoGroup && item.count('credit') === 0) item.isPhoto = false;
      // Marked captions (▲…, ①…) and a photographer named: a photo story (组图) whatever text follows.
      if (item.markedCaptions >= 2 && item.names.photographers.length > 0 && item.count('jumpFrom') === 0) item.isPhoto = true;
      if (isCreditedUnderTitle(item)) item.isPhoto = true;
    }
    this.current = null;
    this.open = false;
    this.expectHeading = true;
    this.leadIn = false;
  }
}
