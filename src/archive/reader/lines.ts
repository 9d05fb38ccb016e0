import { bylineOf, endsWithReport, namesOf, ROLE_WORD, signedInParens, type Names } from '../conventions/bylines.ts';
import { asCredit, creditOf, creditStart } from '../conventions/credits.ts';
import { matchDateline, matchSecondReport } from '../conventions/datelines.ts';
import { matchJumpFrom } from '../conventions/jumps.ts';
import { BULLETS } from '../conventions/lexicon.ts';
import { runOfNames } from '../conventions/names.ts';
import {
  charCount,
  endsMidList,
  endsParagraph,
  endsSentence,
  hasClausePunctuation,
  hasInnerSpace,
  startsWithEnumerator,
} from '../conventions/punctuation.ts';
import { matchingForm } from '../conventions/width.ts';
import type { LineRole } from '../corrections.ts';
import { findHeadingGroup } from '../heading-group.ts';
import type { ItemDraft } from '../item-draft.ts';
import { isDisplayLike, isInfoLine, isRunningText, lineByline, lineCredit, lineEndnote, type PageLine } from '../page-lines.ts';
import { isCaptionLike, isSignature, isVerseLine, quote } from '../reading-signals.ts';
import { namesIn, splitEnding } from './line-ends.ts';
import { readCredit } from './photos.ts';
import { opensBulletBrief } from '../brief-runs.ts';
import type { ReaderState } from './state.ts';

/**
 * Lines that head nothing, as the page reader meets them: a byline, a
 * credit, a note after the story, or text (上接 marker, 电头, a paragraph or
 * a subhead, and what the line's end holds).
 */

/** Longest in-article subhead (小标题), not counting spaces. */
const MAX_SUBHEAD_CHARS = 24;

/** Index of the first non-space character at or after `at`. */
const skipSpace = (text: string, at: number): number => {
  let i = at;
  while (i < text.length && /\s/u.test(text[i] ?? '')) i += 1;
  return i;
};

/** The names in a dateline an archivist quoted. */
function datelineNames(quoted: string): Names {
  const parens = /[（(]([^（）()]+)[）)]\s*$/u.exec(quoted);
  return (parens?.[1] && bylineOf(matchingForm(parens[1]))) || namesOf();
}

/** Most captions a photo feature prints before its byline and text (醉美荆秋: nine). */
const MAX_LEAD_CAPTIONS = 12;

/**
 * Whether a byline inside an item stands between its lead lines (a short
 * line, captions) and the running text that follows, rather than at its end.
 */
function leadsIntoText(state: ReaderState, l: PageLine, item: ItemDraft): boolean {
  const next = state.after(l);
  if (!next || !isRunningText(next) || item.count('byline') > 0 || item.count('dateline') > 0) return false;
  const group = findHeadingGroup(state.lines, state.index(l) + 1, state.fix);
  if (group && group.display.length > 0) return false;
  if (item.count('paragraph') > MAX_LEAD_CAPTIONS) return false;
  return item.pieces.every((p) => p.role !== 'paragraph' || charCount(p.text) <= 40 || isCaptionLike(p.text));
}

/** Whether an item is a brief of a bulleted run: its text opens with the run's bullet, and a byline under it closes it. */
function isBulletBrief(state: ReaderState, item: ItemDraft): boolean {
  const first = item.pieces.find((p) => p.role === 'paragraph');
  const line = first ? state.line(first.lines[0]) : undefined;
  return line !== undefined && opensBulletBrief(state.lines, state.index(line));
}

/** A byline: before the text, at the story's end, or a second line of one. */
function readByline(state: ReaderState, l: PageLine, names: Names): void {
  const current = state.current;
  const dateline = current?.lastPiece();
  if (current && dateline?.role === 'dateline' && current.names.writers.length === 0 && !current.hasBody) {
    // The names of a 电头 set on the line under it (本报杭州4月24日讯 / 记者 石天星 通讯员 余文冲) are the dateline's.
    current.extend(dateline, l.text, l.line, names);
    state.last = 'other';
    return;
  }
  if (current && !current.hasBody && (current.hasHeading || current.count('dateline') > 0)) {
    // A byline set before the text: 本报记者 张三, then the story.
    current.add('byline', l.text, l.line, names);
    state.last = 'other';
    return;
  }
  if (current?.hasBody && !isBulletBrief(state, current) && leadsIntoText(state, l, current)) {
    // Captions or a lead line, then the byline, then the text: one story (□文/图 本报记者 梁玉鹏).
    current.add('byline', l.text, l.line, names);
    state.last = 'other';
    return;
  }
  if (current?.hasBody) {
    current.add('byline', l.text, l.line, names);
    state.close();
    state.last = 'byline';
    return;
  }
  const previous = state.previousItem();
  if (!current && previous && state.last === 'byline') {
    previous.add('byline', l.text, l.line, names);
    return;
  }
  // A byline with no item open: it opens one when text follows.
  state.ensureItem().add('byline', l.text, l.line, names);
  state.last = 'other';
}

/** A note after the story (（完）, （合作单位：…）): it belongs to the story it follows. */
export function readEndnote(state: ReaderState, text: string, line: number): void {
  const target = state.current?.hasBody ? state.current : (state.previousItem() ?? state.current ?? state.drafts.at(-1) ?? null);
  if (!target) {
    state.page.layout.push({ role: 'endnote', text, lines: [line, line] });
    return;
  }
  target.add('endnote', text, line);
  if (target === state.current) state.close();
  state.last = 'endnote';
}

/** Whether a 电头 may open this paragraph: the story's text has not begun, or only a short lead line stands before it (花好莫要采。). */
function datelineDue(item: ItemDraft): boolean {
  if (item.count('dateline') > 0) return false;
  const body = item.count('paragraph') + item.count('subhead');
  if (body === 0) return true;
  const first = item.pieces.find((p) => p.role === 'paragraph' || p.role === 'subhead');
  return body === 1 && charCount(first?.text ?? '') <= 30;
}

/** Whether a credit follows this line (at its end, or as the next line): a further caption of a photo group. */
function creditAhead(state: ReaderState, l: PageLine): boolean {
  const next = state.after(l);
  return creditStart(l.norm) !== null || (next !== undefined && lineCredit(next) !== null);
}

/** What numbers or marks a subhead: 一、 （一） 1. 1、 or a bullet; its 、 is no clause's. */
const SUBHEAD_NUMBER = new RegExp(
  String.raw`^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[.、．]|[${BULLETS}])`,
  'u',
);

/** A subhead is short, unpunctuated, follows finished text and is followed by more. */
function isSubhead(state: ReaderState, l: PageLine): boolean {
  const item = state.current;
  if (!item?.hasBody || item.photoGroup || !isDisplayLike(l)) return false;
  const n = charCount(l.norm.replace(/\s/gu, ''));
  if (n > MAX_SUBHEAD_CHARS || endsSentence(l.norm)) return false;
  const bare = l.norm.replace(SUBHEAD_NUMBER, '');
  if (hasClausePunctuation(bare.replace(/^【|】$/gu, ''))) return false;
  const next = state.after(l);
  // A subhead heads a paragraph; a short line over another short line is verse.
  return next !== undefined && isRunningText(next) && !isVerseLine(next) && !lineByline(next) && !lineCredit(next) && !lineEndnote(next);
}

/** A line of text: 上接 marker, 电头, then a paragraph or a subhead, and what its end holds. */
function readText(state: ReaderState, l: PageLine, role: LineRole | undefined): void {
  let at = 0;
  const jump = role ? null : matchJumpFrom(l.norm);
  if (jump) {
    if (state.current?.hasBody || state.current?.count('jumpFrom')) state.close();
    state.ensureItem().add('jumpFrom', l.text.slice(0, jump.marker.length), l.line);
    at = skipSpace(l.norm, jump.marker.length);
  }
  if (role === 'caption' && state.current?.hasBody) state.close();
  const current = state.current;
  if (!role && !jump && current?.isPhoto && current.photosUntil === null && current.count('credit') > 0 && !creditAhead(state, l))
    state.close();
  // Each brief of a bulleted run is an item of its own.
  if (!role && !jump && state.current?.hasBody && opensBulletBrief(state.lines, state.index(l))) state.close();
  const open = state.current;
  if (!role && !jump && open?.hasBody && !open.isPhoto && isSignature(l) && state.endsAfter(l)) {
    // A short line at a story's end with nothing after it signs it: 通联科.
    open.add('byline', l.text, l.line, namesOf(runOfNames(l.norm) ?? []));
    state.close();
    state.last = 'byline';
    return;
  }
  const item = state.ensureItem();
  const quoted = role === 'dateline' ? state.fix.quoted(l.line) : undefined;
  const dateline =
    quoted !== undefined
      ? { length: quoted.length, names: datelineNames(quoted) }
      : datelineDue(item) && !role
        ? matchDateline(l.norm.slice(at))
        : null;
  if (dateline && dateline.length > 0) {
    item.add('dateline', l.text.slice(at, at + dateline.length).trim(), l.line, dateline.names);
    at = skipSpace(l.norm, at + dateline.length);
  }
  const rest = l.text.slice(at).trim();
  state.last = 'other';
  if (rest === '') {
    state.open = false;
    return;
  }
  if (!role && at === 0 && isSubhead(state, l)) {
    const typical = hasInnerSpace(l.norm) || startsWithEnumerator(l.norm) || /^【.*】$/u.test(l.norm);
    if (item.count('subhead') === 0 && !typical) {
      item.note({
        line: l.line,
        message: `read as a subhead (小标题) of the story above; if it heads a story of its own, say so`,
        fix: { line: l.line, text: quote(l.text, 16), break: 'story' },
      });
    }
    item.add('subhead', rest, l.line);
    state.open = false;
    return;
  }
  // A second report run into the story (又讯 （记者 X Y）) stays its text; its writers are the story's too.
  const second = at === 0 && !role ? matchSecondReport(l.norm) : null;
  item.add('paragraph', rest, l.line, second?.names);
  if (role === 'caption') item.isPhoto = true;
  // A line stated to be a paragraph stands alone unless a correction joins the next to it.
  state.open = !role && (!endsParagraph(l.norm) || endsMidList(l.norm)) && !isInfoLine(l) && !/^[①-⑳]/u.test(l.norm);
  state.followLeadIn(l);
  splitEnding(state, l);
}

/** A line of names in parentheses with no role word, （宝鸡县总工会）, signs the brief above it when nothing else signs it. */
function signatureLine(state: ReaderState, l: PageLine): Names | null {
  const item = state.current;
  if (!item?.hasBody || item.count('byline') > 0 || item.isPhoto || lineEndnote(l)) return null;
  const names = signedInParens(l.norm);
  return names ? namesOf(names) : null;
}

/** Reads a line that heads nothing: a byline, a credit, a note, or text. */
export function readLine(state: ReaderState, l: PageLine, role: LineRole | undefined): void {
  if (role === 'subhead') {
    state.ensureItem().add('subhead', l.text, l.line);
    state.open = false;
    state.last = 'other';
    return;
  }
  const byline = role === 'byline' ? (bylineOf(l.norm) ?? namesOf()) : role ? null : (lineByline(l) ?? signatureLine(state, l));
  const next = state.after(l);
  const current = state.current;
  const photoContext = current !== null && current.count('paragraph') <= 1 && current.count('dateline') === 0;
  if (byline && !role && next && lineCredit(next) && (ROLE_WORD.test(next.norm) || photoContext)) {
    // A credit over two lines: 本报记者 李震宇 / 通讯员 王飞超 摄. The 摄 names both.
    readCredit(state, l.text, l.line, asCredit(byline), null);
    return;
  }
  if (byline && !role && current?.photoGroup && endsWithReport(l.norm)) {
    // In a photo group a reporter's 报道 under a caption names its photographers (摄影报道): 半岛记者 张伟 报道.
    readCredit(state, l.text, l.line, asCredit(byline), null);
    return;
  }
  if (byline) {
    readByline(state, l, byline);
    return;
  }
  const credit =
    role === 'credit' && state.fix.quoted(l.line) === l.text ? (creditOf(l.norm) ?? namesIn(l.norm)) : role ? null : lineCredit(l);
  if (credit) {
    readCredit(state, l.text, l.line, credit, null);
    return;
  }
  if (role === 'endnote' || (!role && lineEndnote(l))) {
    readEndnote(state, l.text, l.line);
    return;
  }
  readText(state, l, role === 'credit' ? undefined : role);
}
