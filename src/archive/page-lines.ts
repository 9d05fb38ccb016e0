import { bylineOf, signedInParens, type Names } from './conventions/bylines.ts';
import { creditOf } from './conventions/credits.ts';
import { matchDateline } from './conventions/datelines.ts';
import { isEndnote } from './conventions/endnotes.ts';
import { matchJumpFrom } from './conventions/jumps.ts';
import { charCount, commaCount, endsSentence, hasInnerStop } from './conventions/punctuation.ts';
import { matchingForm } from './conventions/width.ts';
import { isPersonName } from './conventions/names.ts';
import { sourceLines } from './source-lines.ts';

/** A non-blank line of a raw page: as printed (trimmed), its matching form, its 1-based number. */
export interface PageLine {
  text: string;
  norm: string;
  line: number;
  /** Blank lines before it: exports leave a wider gap where a photo or a rule stood. */
  gap?: number;
  /** What the line was read as, kept by the readers below (see `remembered`). */
  seen?: unknown[];
}

/**
 * The non-blank lines of a page (see source-lines.ts). Lines are trimmed of
 * whitespace only (indents, a BOM); nothing else changes.
 * @example toLines('\n\n潮起长江口\n\n2024') // [{ text: '潮起长江口', line: 3, … }, { text: '2024', line: 5, … }]
 */
export function toLines(text: string): PageLine[] {
  let blank = 0;
  return sourceLines(text).flatMap((raw, i) => {
    const t = raw.trim();
    if (t === '') {
      blank += 1;
      return [];
    }
    const gap = blank;
    blank = 0;
    return [{ text: t, norm: matchingForm(t), line: i + 1, gap }];
  });
}

/** True when a wide gap (two blank lines or more) stands before the line, as where a photo was. */
export const afterWideGap = (l: PageLine): boolean => (l.gap ?? 0) >= 2;

/**
 * Remembers what a line is read as: the reader asks of the same line many
 * times (is it a byline? a display line?), and a page may hold 100,000 lines.
 */
let readers = 0;
function remembered<T>(read: (l: PageLine) => T): (l: PageLine) => T {
  const slot = readers;
  readers += 1;
  // A slot on the line itself: cheaper than a WeakMap, asked hundreds of thousands of times a page.
  return (l) => {
    const seen = (l.seen ??= []);
    if (slot in seen) return seen[slot] as T;
    const value = read(l);
    seen[slot] = value;
    return value;
  };
}

/** Longest display line (引题, 主题, 副题) a page is read to hold. */
export const MAX_DISPLAY_CHARS = 64;
/** Longest byline or credit line. */
const MAX_BYLINE_CHARS = 40;

/**
 * Page furniture that an export may carry: the page line of an e-paper
 * (第A02版:看南通), a date line (2024年1月24日 星期三), a masthead line of
 * editors (责任编辑 张三 美编 李四).
 */
const FURNITURE = [
  /^第\s*[A-Z]{0,2}\d{1,3}\s*版\s*(?:[：:]\s*\S{1,16})?$/u,
  /^\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天]$/u,
  /^(?:本版)?责任编辑[：\s]\S{1,8}.*(?:美编|校对|组版|版式|审读)/u,
];

/** A four-digit year alone on a line, as under a column label (直通省两会 / 2024). */
export const isYearLine = (l: PageLine): boolean => /^\d{4}$/u.test(l.norm);

/** True for a line of page furniture, not printed as part of any item. */
export const isFurniture = (l: PageLine): boolean => charCount(l.norm) <= 40 && FURNITURE.some((f) => f.test(l.norm));

/** The photo credit a whole line is, or null. */
export const lineCredit = remembered((l: PageLine): Names | null => (charCount(l.norm) <= MAX_BYLINE_CHARS ? creditOf(l.norm) : null));

/** The byline a whole line is (and not a credit), or null. */
export const lineByline = remembered((l: PageLine): Names | null => {
  if (charCount(l.norm) > MAX_BYLINE_CHARS || lineCredit(l) !== null) return null;
  return bylineOf(l.norm);
});

/** True for a whole line that is a note belonging to the story above: （完）, （据新华社）. */
export const lineEndnote = remembered((l: PageLine): boolean => charCount(l.norm) <= 120 && isEndnote(l.norm));

/** True for a line that opens with a dateline or a 上接 marker: a story's first paragraph. */
export const opensStory = remembered((l: PageLine): boolean => matchDateline(l.norm) !== null || matchJumpFrom(l.norm) !== null);

/** True for a line of one of the marked kinds: byline, credit, endnote, year line, furniture. */
export const isMarked = (l: PageLine): boolean =>
  isYearLine(l) || isFurniture(l) || lineByline(l) !== null || lineCredit(l) !== null || lineEndnote(l);

/**
 * True for a line that can be a display line (引题, 主题, 副题, column
 * label): short, no sentence stop inside, not ending in 。 or ；, at most
 * three commas, and none of the marked kinds. A display line may end in ！
 * or ？ (奋斗，让青春更加闪亮！) or in a lead-in —— or ：.
 * @example isDisplayLike(line('市总工会举行劳模迎新活动')) // true
 * @example isDisplayLike(line('会议指出，要抓落实。')) // false
 */
export const isDisplayLike = remembered((l: PageLine): boolean => {
  const n = charCount(l.norm);
  if (n < 2 || n > MAX_DISPLAY_CHARS) return false;
  // A display line never ends on a comma, and a data line (市民：张九龄, 53岁 司机) is text.
  // Nor is a numbered caption (①不少奉贤居民…) or list item.
  if (/[，、]$/u.test(l.norm) || /^[①-⑳]/u.test(l.norm) || INFO_LINE.test(l.norm) || isNameLine(l.norm)) return false;
  // Names in parentheses sign a brief ((宝鸡县总工会)); they head nothing.
  if (signedInParens(l.norm) !== null) return false;
  if (hasInnerStop(l.norm) || /[。；]$/u.test(l.norm.replace(/[”’」』）》]+$/u, ''))) return false;
  if (endsSentence(l.norm) && !/[！？]$/u.test(l.norm.replace(/[”’」』）》]+$/u, ''))) return false;
  if (commaCount(l.norm) > 3) return false;
  return !opensStory(l) && !isMarked(l);
});

/** Lines of facts set as text in a box: 市民：张九龄, 53岁 司机, 电话：12345. */
const INFO_LINE = /^(?:\d{1,3}岁(?:\s|$)|(?:电话|热线|地址|邮箱|网址)：)/u;
/** 市民：张九龄 — a label, a colon and a person's name. */
const isNameLine = (norm: string): boolean => {
  const m = /^[\u4e00-\u9fff]{1,4}：\s*([\u4e00-\u9fff·]{2,4})$/u.exec(norm);
  return m?.[1] !== undefined && isPersonName(m[1]);
};

/** True for a line of facts (市民：张九龄, 53岁 司机): it stands alone, never cut by a column break. */
export const isInfoLine = (l: PageLine): boolean => INFO_LINE.test(l.norm) || isNameLine(l.norm);

/** True for a block that reads as running text: a sentence end, a long line, or clause marks. */
export function isRunningText(l: PageLine): boolean {
  return (
    endsSentence(l.norm) ||
    /：$/u.test(l.norm) ||
    charCount(l.norm) > MAX_DISPLAY_CHARS ||
    hasInnerStop(l.norm) ||
    commaCount(l.norm) >= 1 ||
    !isDisplayLike(l)
  );
}
