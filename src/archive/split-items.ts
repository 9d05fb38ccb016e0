import { bylineOf, ROLE_WORD, type Names } from './conventions/bylines.ts';
import { runOfNames } from './conventions/names.ts';
import { creditOf, creditStart, isGroupCredit } from './conventions/credits.ts';
import { matchDateline } from './conventions/datelines.ts';
import { endnoteStart } from './conventions/endnotes.ts';
import { matchJumpFrom, matchJumpTo } from './conventions/jumps.ts';
import { charCount, endsParagraph, endsSentence, hasClausePunctuation, hasInnerSpace, startsWithEnumerator } from './conventions/punctuation.ts';
import { CorrectionIndex, type Correction, type LineRole } from './corrections.ts';
import { decideDisplayRoles, type DisplayDecision } from './display-roles.ts';
import { findHeadingGroup, fixedRoles, type HeadingGroup } from './heading-group.ts';
import { ItemDraft } from './item-draft.ts';
import { afterWideGap, isDisplayLike, isInfoLine, isFurniture, isRunningText, isYearLine, lineByline, lineCredit, lineEndnote, opensStory, type PageLine } from './page-lines.ts';
import { bylineSuffixStart, endsWithEvent, isCaptionLike, isGroupTitle, isSignature, isVerseLine, opensWithWhen, quote } from './reading-signals.ts';
import type { ParsedPage, Piece } from './types.ts';

/** Options of {@link splitItems}. */
export interface SplitOptions {
  /** The archivist's corrections of this page (from its .yml). */
  corrections?: readonly Correction[];
}

/** Longest in-article subhead (小标题), not counting spaces. */
const MAX_SUBHEAD_CHARS = 24;
/** How close the runner-up reading of a heading group may come before the parser notes it is unsure. */
const SURE_MARGIN = 1;
const DISPLAY_ROLES: ReadonlySet<LineRole> = new Set(['kicker', 'headline', 'subtitle', 'column']);
/** A brief's 主题 opening with a place or topic label: 江溪：老小区人防工程…. */
const LABELLED = /^[\u4e00-\u9fff]{2,4}[：:](?!$)/u;

const ROLE_NAMES: Readonly<Record<string, string>> = { kicker: '引题', headline: '主题', subtitle: '副题' };

/** What the line just read was, for what may attach to it (a second byline line, a credit after a byline). */
type LastLine = 'byline' | 'credit' | 'endnote' | 'other';

/**
 * Reads a page's lines in order, the way a copy editor reads a page, and
 * groups them into items: stories, jumps (上接…版) and photos. Every line
 * ends up in exactly one piece of one item, or in the page's layout list;
 * corrections override any decision by line number.
 */
class PageReader {
  readonly #lines: PageLine[];
  readonly #fix: CorrectionIndex;
  readonly #drafts: ItemDraft[] = [];
  readonly #page: ParsedPage = { items: [], layout: [], notes: [] };
  #current: ItemDraft | null = null;
  /** The last paragraph may go on in the next block (it ends mid-sentence). */
  #open = false;
  /** A new item is due here: the page's top, or after a byline, a credit or a 下转 marker. */
  #expectHeading = true;
  #last: LastLine = 'other';
  /** A paragraph ended in a colon (贺电全文如下：) and no sentence has ended since: what follows is quoted or listed. */
  #leadIn = false;

  /** Index of each line in the page, and lines by number. */
  readonly #at = new Map<PageLine, number>();
  readonly #byLine = new Map<number, PageLine>();

  constructor(lines: PageLine[], corrections: readonly Correction[]) {
    this.#lines = lines;
    this.#fix = new CorrectionIndex(corrections);
    lines.forEach((l, i) => {
      this.#at.set(l, i);
      this.#byLine.set(l.line, l);
    });
  }

  #index(l: PageLine): number {
    return this.#at.get(l) ?? -1;
  }

  read(): ParsedPage {
    for (let i = 0; i < this.#lines.length; ) i = this.#step(i);
    this.#close();
    this.#page.items = this.#drafts.map((d) => d.finish());
    return this.#page;
  }

  #step(i: number): number {
    const l = this.#lines[i] as PageLine;
    const role = this.#fix.role(l.line);
    if (this.#current?.photosUntil !== null && this.#current?.photosUntil !== undefined && l.line > this.#current.photosUntil) this.#close();
    if (role === 'layout' || (!role && !this.#open && isFurniture(l))) {
      this.#page.layout.push({ role: 'paragraph', text: l.text, lines: [l.line, l.line] });
      if (!role) this.#page.notes.push({ line: l.line, message: `page furniture (${quote(l.text, 16)}), kept out of every item`, fix: { line: l.line, text: quote(l.text, 16), role: 'paragraph' } });
      return i + 1;
    }
    const photos = this.#fix.photosUntil(l.line);
    const forced = this.#fix.break(l.line) === 'story' || photos !== undefined;
    if (forced) {
      this.#close();
      this.#expectHeading = true;
    }
    const statedJoin = this.#fix.break(l.line) === 'none' && this.#current?.lastParagraph();
    if ((this.#open || statedJoin) && this.#current && !forced) {
      if (statedJoin || this.#joins(i)) {
        this.#continueParagraph(l);
        return i + 1;
      }
      this.#open = false;
    }
    if (!role || DISPLAY_ROLES.has(role)) {
      const group = findHeadingGroup(this.#lines, i, this.#fix);
      if (group && this.#accepts(group, forced)) {
        this.#startItem(group, photos);
        return group.next;
      }
    }
    if (!role && !forced && this.#trailsPrevious(i)) {
      this.#endnote(l.text, l.line);
      return i + 1;
    }
    if (forced) {
      this.#current = new ItemDraft();
      this.#current.photosUntil = photos ?? null;
      this.#current.photoGroup = photos !== undefined;
      this.#expectHeading = false;
    }
    this.#readLine(l, role);
    return i + 1;
  }

  /** Whether a heading group found at a line heads a new item. */
  #accepts(group: HeadingGroup, forced: boolean): boolean {
    if (forced || group.corrected) return true;
    if (group.display.length === 0 && group.opener === 'none') return false;
    // 贺电全文如下： leads into what follows (an address, a list): short lines there head nothing.
    if (this.#leadIn && (group.opener === 'text' || group.opener === 'column')) return false;
    switch (group.opener) {
      case 'dateline':
      case 'jump':
      case 'byline':
      case 'column':
      case 'photo':
        return true;
      case 'text':
        if (this.#expectHeading) return true;
        if (this.#current?.photoGroup) return false;
        if (group.display.length >= 2) return true;
        // Briefs set alike (江溪：… then 硕放：…), or a line saying what happened
        // (…正式开放), heads the next brief: a subhead names a theme.
        return (LABELLED.test(group.display[0]?.norm ?? '') && LABELLED.test(this.#current?.text('headline') ?? '')) || endsWithEvent(group.display[0]?.norm ?? '');
      default:
        return false;
    }
  }

  /** After a byline or a credit has closed an item, short lines that head nothing belong to it: 扫扫二维码. */
  #trailsPrevious(i: number): boolean {
    const l = this.#lines[i] as PageLine;
    if (this.#current || this.#last === 'other' || !isDisplayLike(l)) return false;
    const group = findHeadingGroup(this.#lines, i, this.#fix);
    return !group || !this.#accepts(group, false);
  }

  /** Opens a new item with a heading group. */
  #startItem(group: HeadingGroup, photos: number | undefined): void {
    const inside = !this.#expectHeading && this.#current !== null && group.opener === 'text';
    this.#close();
    const draft = new ItemDraft();
    draft.photosUntil = photos ?? null;
    draft.photoGroup = photos !== undefined;
    const columnLines = new Set(group.column.map((c) => c.line));
    const apart = new Set(group.display.flatMap((d, k) => (k > 0 && [...columnLines].some((c) => c > (group.display[k - 1]?.line ?? 0) && c < d.line) ? [k] : [])));
    const decision = decideDisplayRoles(group.display, { jump: group.opener === 'jump', fixed: fixedRoles(group, this.#fix), apart });
    const pieces = group.display.map((d, k) => ({ d, role: decision.best.roles[k] ?? 'headline' }));
    for (const role of ['kicker', 'headline', 'subtitle'] as const) {
      const mine = pieces.filter((p) => p.role === role).map((p) => p.d);
      const first = mine[0];
      const last = mine.at(-1);
      if (first && last) draft.add(role, mine.map((d) => d.text).join(''), [first.line, last.line]);
    }
    // A column label is one piece per run of adjacent lines (直通省两会 / 2024), so pieces keep print order.
    for (const run of adjacentRuns(group.column, group.display)) draft.add('column', run.map((c) => c.text).join(' '), [run[0]?.line ?? 0, run.at(-1)?.line ?? 0]);
    if (group.byline) draft.add('byline', group.byline.text, group.byline.line, { writers: runOfNames(group.byline.norm) ?? [], photographers: [] });
    draft.pieces.sort((a, b) => a.lines[0] - b.lines[0]);
    this.#noteRoles(draft, group, decision);
    const first = group.display[0];
    if (inside && first) {
      const lines = group.display.length === 1 ? 'a display line' : `${group.display.length} display lines`;
      draft.note({ line: first.line, message: `${lines} after running text, read as the heading of a new story`, fix: { line: first.line, text: quote(first.text, 16), role: 'subhead' } });
    }
    if (isGroupTitle(draft.pieces.map((p) => p.text).join(' '))) draft.photoGroup = true;
    this.#current = draft;
    this.#expectHeading = false;
    this.#open = false;
    this.#last = 'other';
  }

  /** Notes a heading group whose runner-up reading came close. */
  #noteRoles(draft: ItemDraft, group: HeadingGroup, decision: DisplayDecision): void {
    const { best, next } = decision;
    if (!next || best.score - next.score >= SURE_MARGIN || group.corrected) return;
    const k = best.roles.findIndex((r, n) => r !== next.roles[n]);
    const line = group.display[k];
    if (!line) return;
    const describe = (roles: string[]): string => group.display.map((d, n) => `${ROLE_NAMES[roles[n] ?? ''] ?? ''} line ${d.line}`).join(', ');
    const why = best.reasons.length > 0 ? best.reasons.join('; ') : 'the usual order of display lines';
    draft.note({
      line: line.line,
      message: `read as ${describe(best.roles)} (${why}); it could also be ${describe(next.roles)}`,
      fix: { line: line.line, text: quote(line.text, 16), role: next.roles[k] ?? 'headline' },
    });
  }

  /** Whether the block at `i` goes on from the open paragraph (a column break) or starts anew. */
  #joins(i: number): boolean {
    const l = this.#lines[i] as PageLine;
    const stated = this.#fix.break(l.line);
    if (stated === 'none') return true;
    if (stated) return false;
    const role = this.#fix.role(l.line);
    if (role && role !== 'paragraph' && role !== 'caption') return false;
    if (lineByline(l) || lineCredit(l) || lineEndnote(l) || opensStory(l) || isYearLine(l) || matchJumpTo(l.norm)?.marker === l.norm) return false;
    const previous = this.#current?.lastParagraph();
    const prevLine = this.#lines[i - 1];
    const fix = { line: l.line, text: quote(l.text, 16) };
    const group = findHeadingGroup(this.#lines, i, this.#fix);
    const heads = group && this.#accepts(group, false) && group.opener !== 'none' && (group.opener !== 'text' || group.display.length >= 2) && (group.display.length > 0 || group.column.length > 0);
    if (group && heads) {
      this.#current?.note({ line: prevLine?.line ?? l.line, message: `line ${prevLine?.line ?? '?'} ends mid-sentence, but line ${l.line} heads a new item (its next line opens with ${group.opener}); read as a new item`, fix: { ...fix, break: 'none' } });
      return false;
    }
    if (isCaptionLike(l.text)) {
      this.#current?.note({ line: prevLine?.line ?? l.line, message: `line ${prevLine?.line ?? '?'} ends without a stop, but line ${l.line} opens a caption (图为…); read as a new paragraph`, fix: { ...fix, break: 'none' } });
      return false;
    }
    if (startsWithEnumerator(l.norm)) {
      this.#current?.note({ line: prevLine?.line ?? l.line, message: `line ${prevLine?.line ?? '?'} ends without a stop, but line ${l.line} opens a list item; read as a new paragraph`, fix: { ...fix, break: 'none' } });
      return false;
    }
    if (prevLine && isVerseLine(prevLine) && isVerseLine(l)) {
      // One note per run of verse lines, at its first break.
      const before = this.#lines[i - 2];
      if (before && isVerseLine(before) && this.#current?.lastParagraph()?.lines[0] === prevLine.line) return false;
      this.#current?.note({ line: prevLine.line, message: `lines ${prevLine.line} and ${l.line} are short unpunctuated lines (verse or a list); read as separate lines`, fix: { ...fix, break: 'none' } });
      return false;
    }
    if (previous && /[”’」』）》\dA-Za-z]$/u.test(prevLine?.norm ?? '')) {
      this.#current?.note({ line: l.line, message: `line ${prevLine?.line ?? '?'} ends without a stop; read as a column break and joined with line ${l.line}`, fix: { ...fix, break: 'paragraph' } });
    }
    return true;
  }

  /** Notes where a colon leads into quoted or listed lines, and where a sentence ends them. */
  #followLeadIn(l: PageLine): void {
    if (/：$/u.test(l.norm)) this.#leadIn = true;
    else if (endsSentence(l.norm)) this.#leadIn = false;
  }

  #continueParagraph(l: PageLine): void {
    const current = this.#current as ItemDraft;
    current.continueParagraph(l.text, l.line);
    this.#open = !endsParagraph(l.norm);
    this.#followLeadIn(l);
    this.#last = 'other';
    this.#splitEnding(l);
  }

  /** Reads a line that heads nothing: a byline, a credit, a note, or text. */
  #readLine(l: PageLine, role: LineRole | undefined): void {
    if (role === 'subhead') {
      this.#ensureItem().add('subhead', l.text, l.line);
      this.#open = false;
      this.#last = 'other';
      return;
    }
    const byline = role === 'byline' ? (bylineOf(l.norm) ?? { writers: [], photographers: [] }) : role ? null : lineByline(l);
    const nextLine = this.#lines[this.#index(l) + 1];
    const photoContext = this.#current !== null && this.#current.count('paragraph') <= 1 && this.#current.count('dateline') === 0;
    if (byline && !role && nextLine && lineCredit(nextLine) && (ROLE_WORD.test(nextLine.norm) || photoContext)) {
      // A credit over two lines: 本报记者 李震宇 / 通讯员 王飞超 摄. The 摄 names both.
      return this.#credit(l.text, l.line, [...byline.writers, ...byline.photographers], null);
    }
    if (byline) return this.#byline(l, byline);
    const credit = role === 'credit' && this.#fix.quoted(l.line) === l.text ? (creditOf(l.norm) ?? namesIn(l.norm)) : role ? null : lineCredit(l);
    if (credit) return this.#credit(l.text, l.line, credit, null);
    if (role === 'endnote' || (!role && lineEndnote(l))) return this.#endnote(l.text, l.line);
    this.#paragraphLine(l, role === 'credit' ? undefined : role);
  }

  #ensureItem(): ItemDraft {
    if (!this.#current) {
      this.#current = new ItemDraft();
      this.#expectHeading = false;
    }
    return this.#current;
  }

  /** The item a note or credit printed after a closed item belongs to, when that item's last line was just read. */
  #previousItem(): ItemDraft | null {
    return this.#last === 'other' ? null : (this.#drafts.at(-1) ?? null);
  }

  #byline(l: PageLine, names: Names): void {
    const current = this.#current;
    if (current && !current.hasBody && (current.hasHeading || current.count('dateline') > 0)) {
      // A byline set before the text: 本报记者 张三, then the story.
      current.add('byline', l.text, l.line, names);
      this.#last = 'other';
      return;
    }
    if (current?.hasBody && this.#leadsIntoText(l, current)) {
      // Captions or a lead line, then the byline, then the text: one story (□文/图 本报记者 梁玉鹏).
      current.add('byline', l.text, l.line, names);
      this.#last = 'other';
      return;
    }
    if (current?.hasBody) {
      current.add('byline', l.text, l.line, names);
      this.#close();
      this.#last = 'byline';
      return;
    }
    const previous = this.#previousItem();
    if (!current && previous && this.#last === 'byline') {
      previous.add('byline', l.text, l.line, names);
      return;
    }
    // A byline with no item open: it opens one when text follows.
    const item = this.#ensureItem();
    item.add('byline', l.text, l.line, names);
    this.#last = 'other';
  }

  /**
   * Whether a byline inside an item stands between its lead lines (a short
   * line, captions) and the running text that follows, rather than at its end.
   */
  #leadsIntoText(l: PageLine, item: ItemDraft): boolean {
    const next = this.#lines[this.#index(l) + 1];
    if (!next || !isRunningText(next) || item.count('byline') > 0 || item.count('dateline') > 0) return false;
    const group = findHeadingGroup(this.#lines, this.#index(l) + 1, this.#fix);
    if (group && group.display.length > 0) return false;
    if (item.count('paragraph') > 6) return false;
    return item.pieces.every((p) => p.role !== 'paragraph' || charCount(p.text) <= 40 || isCaptionLike(p.text));
  }

  /**
   * A photo credit, on its own line or at the end of a caption. It makes
   * the caption before it a photo item, or the whole item pictures (a
   * group credit, numbered captions), unless it credits the story it follows.
   */
  #credit(text: string, line: number, names: string[], inlineCaption: Piece | null): void {
    const credit: Names = { writers: [], photographers: names };
    const current = this.#current;
    const previous = this.#previousItem();
    if (!current && previous && !inlineCaption) {
      // Right after a story's byline or another credit: the story's photo.
      previous.add('credit', text, line, credit);
      this.#last = 'credit';
      return;
    }
    if (!current) {
      this.#ensureItem().add('credit', text, line, credit);
      (this.#current as ItemDraft).isPhoto = true;
      this.#close();
      this.#last = 'credit';
      return;
    }
    const captions = current.count('paragraph');
    if (current.photoGroup || isGroupCredit(text) || current.markedCaptions >= 2) {
      this.#takeCredit(current, text, line, credit);
      return;
    }
    const caption = inlineCaption ?? current.lastParagraph();
    if (caption && captions === 1 && current.count('dateline') === 0) {
      // A photo with its caption, titled or not; a titled one may take more captions.
      this.#takeCredit(current, text, line, credit);
      if (!current.hasHeading) this.#closeAfterCredit();
      return;
    }
    if (caption && captions > 1 && captions <= 3 && current.count('dateline') === 0 && current.count('jumpFrom') === 0 && /^图为/u.test(caption.text)) {
      // A 图片新闻: a sentence of news, then 图为… and the credit; all of it is the photo's caption.
      this.#takeCredit(current, text, line, credit);
      if (!current.hasHeading) this.#closeAfterCredit();
      return;
    }
    if (caption && captions > 1 && this.#isCaption(caption)) {
      current.remove(caption);
      this.#close();
      const photo = this.#ensureItem();
      photo.push(caption);
      this.#takeCredit(photo, text, line, credit);
      this.#closeAfterCredit();
      return;
    }
    current.add('credit', text, line, credit);
    if (caption) {
      current.note({
        line,
        message: `photo credit read as the credit of this story's photo; if line ${caption.lines[0]} is the caption of a photo of its own, say so`,
        fix: { line: caption.lines[0], text: quote(this.#lineText(caption.lines[0]), 16), role: 'caption' },
      });
    }
    this.#expectHeading = true;
    this.#last = 'other';
  }

  /** Adds a credit to a photo item that stays open for more captions (a group). */
  #takeCredit(item: ItemDraft, text: string, line: number, credit: Names): void {
    item.isPhoto = true;
    item.photoGroup = true;
    item.add('credit', text, line, credit);
    this.#expectHeading = true;
    this.#open = false;
    this.#last = 'other';
  }

  #closeAfterCredit(): void {
    this.#close();
    this.#last = 'credit';
  }

  /** Whether the last paragraph of a story, followed by a credit, is a photo's caption instead. */
  #isCaption(caption: Piece): boolean {
    const first = this.#byLine.get(caption.lines[0]);
    const wide = first ? afterWideGap(first) : false;
    return isCaptionLike(caption.text) || wide || (opensWithWhen(caption.text) && charCount(caption.text) <= 150 && this.#current?.count('dateline') === 0);
  }

  #lineText(line: number): string {
    return this.#byLine.get(line)?.text ?? '';
  }

  #endnote(text: string, line: number): void {
    const target = this.#current?.hasBody ? this.#current : (this.#previousItem() ?? this.#current ?? this.#drafts.at(-1) ?? null);
    if (!target) {
      this.#page.layout.push({ role: 'endnote', text, lines: [line, line] });
      return;
    }
    target.add('endnote', text, line);
    if (target === this.#current) this.#close();
    this.#last = 'endnote';
  }

  /** A line of text: 上接 marker, 电头, then a paragraph or a subhead, and what its end holds. */
  #paragraphLine(l: PageLine, role: LineRole | undefined): void {
    let at = 0;
    const jump = role ? null : matchJumpFrom(l.norm);
    if (jump) {
      if (this.#current?.hasBody || this.#current?.count('jumpFrom')) this.#close();
      this.#ensureItem().add('jumpFrom', l.text.slice(0, jump.marker.length), l.line);
      at = skipSpace(l.norm, jump.marker.length);
    }
    if (role === 'caption' && this.#current?.hasBody) this.#close();
    const current = this.#current;
    if (!role && !jump && current?.isPhoto && current.photosUntil === null && current.count('credit') > 0 && !this.#creditAhead(l)) this.#close();
    if (!role && !jump && this.#current?.hasBody && !this.#current.isPhoto && isSignature(l) && this.#endsHere(l)) {
      const names = runOfNames(l.norm);
      this.#current.add('byline', l.text, l.line, { writers: names ?? [], photographers: [] });
      this.#close();
      this.#last = 'byline';
      return;
    }
    const item = this.#ensureItem();
    const quoted = role === 'dateline' ? this.#fix.quoted(l.line) : undefined;
    const dateline = quoted !== undefined ? { length: quoted.length, names: datelineNames(quoted) } : this.#datelineDue(item) && !role ? matchDateline(l.norm.slice(at)) : null;
    if (dateline && dateline.length > 0) {
      item.add('dateline', l.text.slice(at, at + dateline.length).trim(), l.line, dateline.names);
      at = skipSpace(l.norm, at + dateline.length);
    }
    const rest = l.text.slice(at).trim();
    this.#last = 'other';
    if (rest === '') {
      this.#open = false;
      return;
    }
    if (!role && at === 0 && this.#isSubhead(l)) {
      const typical = hasInnerSpace(l.norm) || startsWithEnumerator(l.norm) || /^【.*】$/u.test(l.norm);
      if (item.count('subhead') === 0 && !typical) {
        item.note({ line: l.line, message: `read as a subhead (小标题) of the story above; if it heads a story of its own, say so`, fix: { line: l.line, text: quote(l.text, 16), break: 'story' } });
      }
      item.add('subhead', rest, l.line);
      this.#open = false;
      return;
    }
    item.add('paragraph', rest, l.line);
    if (role === 'caption') item.isPhoto = true;
    // A line stated to be a paragraph stands alone unless a correction joins the next to it.
    this.#open = !role && !endsParagraph(l.norm) && !isInfoLine(l);
    this.#followLeadIn(l);
    this.#splitEnding(l);
  }

  /** Whether a 电头 may open this paragraph: the story's text has not begun, or only a short lead line stands before it (花好莫要采。). */
  #datelineDue(item: ItemDraft): boolean {
    if (item.count('dateline') > 0) return false;
    const body = item.count('paragraph') + item.count('subhead');
    if (body === 0) return true;
    const first = item.pieces.find((p) => p.role === 'paragraph' || p.role === 'subhead');
    return body === 1 && charCount(first?.text ?? '') <= 30;
  }

  /** Whether a credit follows this line (at its end, or as the next line): a further caption of a photo group. */
  #creditAhead(l: PageLine): boolean {
    const next = this.#lines[this.#index(l) + 1];
    return creditStart(l.norm) !== null || (next !== undefined && lineCredit(next) !== null);
  }

  /** Whether an item ends at this line: the page ends, or what follows begins another item or trails this one. */
  #endsHere(l: PageLine): boolean {
    const i = this.#index(l);
    const next = this.#lines[i + 1];
    if (!next) return true;
    if (lineEndnote(next)) return true;
    const group = findHeadingGroup(this.#lines, i + 1, this.#fix);
    return group !== null && group.opener !== 'none' && group.opener !== 'text';
  }

  /** A subhead is short, unpunctuated, follows finished text and is followed by more. */
  #isSubhead(l: PageLine): boolean {
    const item = this.#current;
    if (!item?.hasBody || item.photoGroup || !isDisplayLike(l)) return false;
    const n = charCount(l.norm.replace(/\s/gu, ''));
    if (n > MAX_SUBHEAD_CHARS || endsSentence(l.norm)) return false;
    const bare = l.norm.replace(/^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[.、．]|[■□●◆▲★])/u, '');
    if (hasClausePunctuation(bare.replace(/^【|】$/gu, ''))) return false;
    const index = this.#index(l);
    const next = this.#lines[index + 1];
    // A subhead heads a paragraph; a short line over another short line is verse.
    return next !== undefined && isRunningText(next) && !isVerseLine(next) && !lineByline(next) && !lineCredit(next) && !lineEndnote(next);
  }

  /**
   * What the end of a paragraph's last line holds besides the text: a
   * 下转 marker, a note (（完）), a photo credit or a byline in parentheses.
   */
  #splitEnding(l: PageLine): void {
    const item = this.#current;
    const paragraph = item?.lastParagraph();
    if (!item || !paragraph) return;
    const cut = (start: number): string => {
      const suffix = l.text.slice(start).trim();
      paragraph.text = paragraph.text.slice(0, paragraph.text.length - (l.text.length - start)).trimEnd();
      if (paragraph.text === '') item.remove(paragraph);
      return suffix;
    };
    const jumpTo = matchJumpTo(l.norm);
    if (jumpTo) {
      item.add('jumpTo', cut(l.norm.length - jumpTo.marker.length), l.line);
      this.#open = false;
      this.#close();
      this.#last = 'other';
      return;
    }
    const note = endnoteStart(l.norm);
    if (note !== null && note > 0) {
      item.add('endnote', cut(note), l.line);
      this.#open = false;
      this.#close();
      this.#last = 'endnote';
      return;
    }
    const quotedCredit = this.#fix.role(l.line) === 'credit' ? this.#fix.quoted(l.line) : undefined;
    const stated = quotedCredit !== undefined && l.text.endsWith(quotedCredit) ? l.text.length - quotedCredit.length : null;
    const credit = stated ?? creditStart(l.norm);
    if (credit !== null && credit > 0) {
      const text = cut(credit);
      this.#open = false;
      this.#credit(text, l.line, creditOf(matchingOf(text)) ?? namesIn(matchingOf(text)), paragraph.text === '' ? null : paragraph);
      return;
    }
    const byline = bylineSuffixStart(l.norm);
    if (byline !== null && byline > 0) {
      const text = cut(byline);
      this.#open = false;
      item.add('byline', text, l.line, bylineOf(matchingOf(text)));
      this.#close();
      this.#last = 'byline';
    }
  }

  #close(): void {
    if (this.#current) {
      if (this.#current.pieces.length > 0) this.#drafts.push(this.#current);
      const item = this.#current;
      if (item.isPhoto && item.photoGroup && item.count('credit') === 0) item.isPhoto = false;
      // Marked captions (▲…, ①…) and a photographer named: a photo story (组图) whatever text follows.
      if (item.markedCaptions >= 2 && item.names.photographers.length > 0 && item.count('jumpFrom') === 0) item.isPhoto = true;
    }
    this.#current = null;
    this.#open = false;
    this.#expectHeading = true;
    this.#leadIn = false;
  }
}

/** Lines split where another printed line stands between them. */
function adjacentRuns(lines: PageLine[], others: { line: number }[]): PageLine[][] {
  const runs: PageLine[][] = [];
  for (const l of lines) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous && !others.some((o) => o.line > previous.line && o.line < l.line)) run.push(l);
    else runs.push([l]);
  }
  return runs;
}

/** The matching form of a cut piece (the conventions read matching forms). */
const matchingOf = (text: string): string => text.replace(/[,:;()!?]/gu, (c) => ({ ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' })[c] ?? c);

/** Index of the first non-space character at or after `at`. */
const skipSpace = (text: string, at: number): number => {
  let i = at;
  while (i < text.length && /\s/u.test(text[i] ?? '')) i += 1;
  return i;
};

/** The names in a credit an archivist stated that no credit form reads (半岛记者 何毅 报道). */
function namesIn(credit: string): string[] {
  const found = bylineOf(credit);
  return found ? [...found.writers, ...found.photographers] : [];
}

/** The names in a dateline an archivist quoted. */
function datelineNames(quoted: string): Names {
  const parens = /[（(]([^（）()]+)[）)]\s*$/u.exec(quoted);
  return (parens?.[1] && bylineOf(matchingOf(parens[1]))) || { writers: [], photographers: [] };
}

/**
 * Splits a page's lines into items.
 * @example splitItems(toLines('潮起长江口\n\n昨天开幕的…会议。')).items[0]?.headline // '潮起长江口'
 */
export function splitItems(lines: PageLine[], options: SplitOptions = {}): ParsedPage {
  return new PageReader(lines, options.corrections ?? []).read();
}
