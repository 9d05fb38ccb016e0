import { matchDateline } from './conventions/datelines.ts';
import { creditStart } from './conventions/credits.ts';
import { matchJumpFrom } from './conventions/jumps.ts';
import { BRIEF_LABELS, LABEL_BULLETS } from './conventions/lexicon.ts';
import { charCount, endsSentence } from './conventions/punctuation.ts';
import { runOfNames, signedName } from './conventions/names.ts';
import { isPlaceLine } from './conventions/places.ts';
import { opensBulletBrief } from './brief-runs.ts';
import type { CorrectionIndex, LineRole } from './corrections.ts';
import type { DisplayLine, DisplayRole } from './display-roles.ts';
import {
  isDisplayLike,
  isRunningText,
  isYearLine,
  lineByline,
  lineCredit,
  MAX_DISPLAY_CHARS,
  opensStory,
  type PageLine,
} from './page-lines.ts';

/**
 * A heading group: the display lines (引题, 主题, 副题) and column label
 * printed above a story, and what follows them. What follows is the main
 * evidence that short lines head a new item rather than sit inside one.
 */

/** What the first line after a heading group is. */
export type Opener =
  /** A paragraph opening with 电头: 本报讯 …. */
  | 'dateline'
  /** A paragraph opening with 上接…版. */
  | 'jump'
  /** A byline before the text: 本报记者 张三, then the text. */
  | 'byline'
  /** A column label (直通省两会 / 2024) was part of the group. */
  | 'column'
  /** A caption with its photo credit. */
  | 'photo'
  /** Running text without any of the marks above. */
  | 'text'
  /** Nothing a story begins with. */
  | 'none';

/** A heading group found at some line. */
export interface HeadingGroup {
  display: DisplayLine[];
  /** Column label lines (直通省两会 and its year line), empty when none. */
  column: PageLine[];
  /** Index of the first line after the group. */
  next: number;
  opener: Opener;
  /** An archivist stated a display role for one of its lines. */
  corrected: boolean;
  /** A line of names alone under the display lines: the byline, set before the text. */
  byline: PageLine | null;
}

/** Most display lines a heading group holds (引题 and 副题 may take two lines each). */
const MAX_DISPLAY_LINES = 5;
/** The roles of a title's own lines, without the column label a heading group may also hold. */
const TITLE_ROLES: ReadonlySet<LineRole> = new Set(['kicker', 'headline', 'subtitle']);

/** A short label in brackets or after a bullet, set above a heading: 【直通省两会】, ■民生关注. */
const BRACKETED_LABEL = new RegExp(String.raw`^(?:【[^【】]{1,12}】|〔[^〔〕]{1,12}〕|[${LABEL_BULLETS}][\u4e00-\u9fff]{2,10})$`, 'u');

/** The brackets or the bullet a label is set in: 【短评】, ■短讯. */
const LABEL_FRAME = new RegExp(`^[【〔${LABEL_BULLETS}]|[】〕]$`, 'gu');

/** True for a column label over a run of briefs (短讯). */
export const isBriefLabel = (text: string): boolean => BRIEF_LABELS.has(text.replace(LABEL_FRAME, '').trim());

/**
 * The length of a known column label in 【】 run into the start of a
 * headline's line, as a brief is printed under it: 【短訊】男籃銀牌賽今演負方賽事.
 * 0 when the line opens with none.
 * @example inlineLabelLength('【短讯】男篮银牌赛今演负方赛事') // 4
 */
export function inlineLabelLength(norm: string): number {
  const m = /^【([^【】]{1,6})】(?=\S)/u.exec(norm);
  return m?.[1] && COLUMN_LABELS.has(m[1]) ? m[0].length : 0;
}

/** The rest of a line after its first `length` characters, as a line of its own (nothing remembered of the whole). */
const cutLine = (l: PageLine, length: number): PageLine => ({ text: l.text.slice(length), norm: l.norm.slice(length), line: l.line });

/** Genre and column labels printed above a headline in their own small type: 短评, 社论, 今日谈. */
const COLUMN_LABELS = new Set([
  ...BRIEF_LABELS,
  '短评',
  '社论',
  '评论员文章',
  '本报评论员',
  '时评',
  '快评',
  '述评',
  '短论',
  '编者按',
  '编后',
  '编后语',
  '今日谈',
  '人民论坛',
  '人民时评',
  '新闻观察',
  '记者观察',
  '记者手记',
  '新闻链接',
  '相关链接',
  '延伸阅读',
  '一线报道',
  '基层来信',
  '读者来信',
  '图片新闻',
  '特别报道',
  '深度报道',
  '连线',
  '来信',
  '神州大地',
  '体育',
  '视点',
  '关注',
  '聚焦',
]);

/** Longest column label over a run of bulleted briefs. */
const MAX_LABEL_CHARS = 8;

/** A line of two to six characters and nothing else, too short for a 引题: a column label; a place (湖南岳阳) is a 引题 all the same. */
const isShortLabel = (l: PageLine): boolean => /^[\u4e00-\u9fff]{2,6}$/u.test(l.norm) && !isPlaceLine(l.norm);

/** True for a line that is only a known column or genre label (短评). */
export const isColumnLabel = (l: PageLine): boolean => COLUMN_LABELS.has(l.norm.replace(LABEL_FRAME, ''));

/** What the line at `i` opens. */
function openerAt(lines: PageLine[], i: number, column: boolean, corrections: CorrectionIndex): Opener {
  const body = lines[i];
  if (!body) return 'none';
  const stated = corrections.role(body.line);
  if (stated === 'byline') return 'byline';
  if (stated === 'dateline') return 'dateline';
  if (stated === 'paragraph' || stated === 'caption') return 'text';
  if (matchDateline(body.norm)) return 'dateline';
  if (matchJumpFrom(body.norm)) return 'jump';
  const after = lines[i + 1];
  if (lineByline(body) && after && isRunningText(after)) return 'byline';
  if (column) return 'column';
  if (!isRunningText(body)) return 'none';
  if (creditStart(body.norm) !== null || (after && lineCredit(after))) return 'photo';
  return 'text';
}

/**
 * Whether the line at `i`, a sentence under display lines, is a display line
 * all the same: the 电头 opens a story's text, so a line set between the
 * heading and the paragraph the 电头 opens belongs to the heading (人民日报
 * 1950-06-18: …发言,对各项报告一致表示满意。 over 【新华社十七日讯】), unless
 * an archivist stated the roles of the heading and left this line out (a
 * photo's caption set there, 澳門日報 2023-02-04). The undashed 副题 it
 * becomes is noted as one that could be the first paragraph.
 */
function closesBeforeDateline(lines: readonly PageLine[], i: number): boolean {
  const l = lines[i];
  const next = lines[i + 1];
  return (
    l !== undefined &&
    next !== undefined &&
    endsSentence(l.norm) &&
    charCount(l.norm) <= MAX_DISPLAY_CHARS &&
    !opensStory(l) &&
    !lineByline(l) &&
    matchDateline(next.norm) !== null
  );
}

/**
 * The heading group starting at `start`, or null when the line there
 * cannot begin one. Whether it is taken as a new item's heading is for the
 * caller to weigh, with the opener.
 */
export function findHeadingGroup(lines: PageLine[], start: number, corrections: CorrectionIndex): HeadingGroup | null {
  const display: DisplayLine[] = [];
  const column: PageLine[] = [];
  let corrected = false;
  let i = start;
  for (; i < lines.length; i += 1) {
    const l = lines[i] as PageLine;
    if (i > start && corrections.break(l.line) === 'story') break;
    const role = corrections.role(l.line);
    if (role) {
      if (TITLE_ROLES.has(role)) display.push(l);
      else if (role === 'column') column.push(l);
      else break;
      corrected = true;
      continue;
    }
    const previousLine = lines[i - 1];
    if (isYearLine(l) && display.length > 0 && display.at(-1) === previousLine) {
      // The line above a year line is a column label: 直通省两会 / 2024.
      const label = display.pop() as DisplayLine;
      column.push({ ...label }, l);
      continue;
    }
    if (
      display.length === 0 &&
      column.length === 0 &&
      (BRACKETED_LABEL.test(l.norm) || isColumnLabel(l)) &&
      lines[i + 1] &&
      isDisplayLike(lines[i + 1] as PageLine)
    ) {
      column.push(l);
      continue;
    }
    const label = display.length === 0 && column.length === 0 ? inlineLabelLength(l.norm) : 0;
    // A label run into the headline's line (【短訊】男籃…) is cut from it: the label, then the line's rest.
    const shown = label > 0 ? cutLine(l, label) : l;
    if (!isDisplayLike(shown) && !(label === 0 && !corrected && display.length > 0 && closesBeforeDateline(lines, i))) break;
    if (label > 0) column.push({ text: l.text.slice(0, label), norm: l.norm.slice(0, label), line: l.line });
    display.push(shown);
    // A long run of short lines is verse or a list, never a heading: stop looking (and stay linear).
    if (display.length > MAX_DISPLAY_LINES) return null;
  }
  // A last line ending in a colon leads into the text below (冀南运河中学周朝华君：), it heads nothing.
  while (!corrected && display.length > 0 && display.at(-1) === lines[i - 1] && /：$/u.test(display.at(-1)?.norm ?? '')) {
    display.pop();
    i -= 1;
  }
  // A short first line over a full headline is a column label: 神州大地 / 北京图书新馆土建工程竣工.
  const [top, below] = display;
  if (!corrected && column.length === 0 && top && below && isShortLabel(top) && charCount(below.norm) >= 8) {
    display.shift();
    column.push(top);
  }
  // A lone short line over a run of bulleted briefs is their column label (工会动态 / ▲省总…).
  if (
    !corrected &&
    column.length === 0 &&
    display.length === 1 &&
    top &&
    charCount(top.norm) <= MAX_LABEL_CHARS &&
    opensBulletBrief(lines, i)
  ) {
    display.shift();
    column.push(top);
  }
  // Names alone under the headline are the byline set before the text (吴绮敏罗观星).
  const last = display.at(-1);
  const after = lines[i];
  const byline =
    !corrected && display.length >= 2 && last && after && isRunningText(after) && (runOfNames(last.norm) ?? signedName(last.norm))
      ? last
      : null;
  if (byline) display.pop();
  if (display.length > MAX_DISPLAY_LINES || (display.length === 0 && column.length === 0)) return null;
  // A group is short lines: a long run of them is verse or a list, not a heading.
  if (display.some((d) => charCount(d.norm) < 2)) return null;
  const opener = byline ? 'byline' : openerAt(lines, i, column.length > 0, corrections);
  return { display, column: column as PageLine[], next: i, opener, corrected, byline };
}

/** The roles archivists fixed for lines of a group. */
export function fixedRoles(group: HeadingGroup, corrections: CorrectionIndex): Map<number, DisplayRole> {
  const fixed = new Map<number, DisplayRole>();
  for (const d of group.display) {
    const role = corrections.role(d.line);
    if (role === 'kicker' || role === 'headline' || role === 'subtitle') fixed.set(d.line, role);
  }
  return fixed;
}
