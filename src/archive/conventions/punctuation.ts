import { BULLETS } from './lexicon.ts';

/**
 * Punctuation conventions of Chinese print, on the matching form of a line
 * (see width.ts): what ends a sentence, what ends a paragraph, what marks a
 * clause. Quotation marks and book-title marks may hold any of these without
 * ending anything outside them.
 */

/** Marks that end a sentence: 。！？… and ；, which ends a list item. */
const SENTENCE_END = /[。！？…；.]$/u;
/** Closing quotes and brackets that may follow the mark that ends the sentence: …风口。” */
const CLOSERS = /[”’」』）】〕》"']+$/u;

/** Length in code points (a CJK character counts once). */
export function charCount(text: string): number {
  // UTF-16 units less the second half of each surrogate pair: no array of a 200,000-character line.
  let n = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n -= 1;
  }
  return n;
}

/** The text with its closing quotes and brackets taken off the end. */
function withoutClosers(text: string): string {
  return text.trimEnd().replace(CLOSERS, '');
}

/**
 * True when a block ends a sentence (before any closing quotes).
 * @example endsSentence('…量质齐升。') // true
 * @example endsSentence('…“抓住了就是风口，抓不住就是一阵风。”') // true
 * @example endsSentence('…构建') // false
 */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (/[。！？…；]$/u.test(t)) return true;
  const stripped = withoutClosers(t);
  // A bare '.' ends nothing but an English sentence; Chinese print ends with 。
  return stripped !== t && SENTENCE_END.test(stripped) && !stripped.endsWith('.');
}

/**
 * True when a block ends its paragraph as printed: a sentence end, or the
 * colon that leads into a list or a quotation on the following lines
 * (主要内容如下：). A block that does neither was cut by a column break.
 * @example endsParagraph('具体安排如下：') // true
 * @example endsParagraph('会议强调，要打好项目招引提质、建设提速、转化提效的') // false
 */
export function endsParagraph(text: string): boolean {
  return endsSentence(text) || /：$/u.test(withoutClosers(text));
}

/**
 * True when a block ends in a semicolon and does not itself open a list
 * item: a clause of a sentence that a column break may cut (有乘客拖着行李箱赶火车；
 * / 有乘客拿手机记录窗外风景…), where a list item (一是…；) ends its paragraph.
 * @example endsMidList('在轨交3号线上海火车站站，有乘客拖着行李箱赶火车；') // true
 * @example endsMidList('一是加快项目建设；') // false
 */
export function endsMidList(text: string): boolean {
  return /；$/u.test(text.trimEnd()) && !startsWithEnumerator(text);
}

/** Quoted stretches (“…”, 「…」, 《…》, ‘…’) removed, for counting marks outside quotes. */
export function unquoted(text: string): string {
  return text.replace(/“[^”]*”|「[^」]*」|《[^》]*》|‘[^’]*’|"[^"]*"/gu, '');
}

/**
 * True when the line has clause punctuation outside quotation marks.
 * @example hasClausePunctuation('凝心聚力交出“走在前、做示范”的好答卷') // false
 * @example hasClausePunctuation('会议强调，要打好项目招引提质') // true
 */
export function hasClausePunctuation(text: string): boolean {
  return /[，。、；：！？]/u.test(unquoted(text));
}

/** How many commas the line has outside quotes. */
export function commaCount(text: string): number {
  return unquoted(text).match(/，/gu)?.length ?? 0;
}

/**
 * True when the line has a sentence stop inside it (。 or ； before its last
 * characters), as running text does and a display line does not.
 * @example hasInnerStop('会议指出。要抓落实') // true
 */
export function hasInnerStop(text: string): boolean {
  return /[。；]/u.test(unquoted(text).replace(/[。；…！？]+[”’」』）】》]*$/u, ''));
}

/** True when the line has whitespace between printed words (parallel phrases). */
export function hasInnerSpace(text: string): boolean {
  return /\S\s+\S/u.test(text.trim());
}

/** The phrases of a line set apart by spaces: 大势已至 乘势而上 has two. */
export function phrases(text: string): string[] {
  return text
    .trim()
    .split(/\s+/u)
    .filter((p) => p !== '');
}

/**
 * True when a quotation or bracket opened in the line is not closed in it,
 * so the line goes on in the next: 以“走在前 / 做示范”为目标.
 */
export function hasUnclosedMark(text: string): boolean {
  const PAIRS = '“”《》（）「」';
  const counts = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < text.length; i += 1) {
    const k = PAIRS.indexOf(text[i] ?? '');
    if (k >= 0) counts[k] = (counts[k] ?? 0) + 1;
  }
  for (let k = 0; k < 8; k += 2) if ((counts[k] ?? 0) > (counts[k + 1] ?? 0)) return true;
  return false;
}

/** What opens a list item or a numbered subhead: 一、 一是 （一） 1. 1、 ①, or a bullet (see the lexicon). */
const ENUMERATOR = new RegExp(
  String.raw`^(?:[一二三四五六七八九十]{1,3}[、是]|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[.、．]|[①-⑳]|[${BULLETS}])`,
  'u',
);

/**
 * Enumerators that open a list item or a numbered subhead: 一、 （一） 1. 1、 ① ■ ● ◆ ▲ ★ and the like.
 * @example startsWithEnumerator('一是加快项目建设；') // true
 */
export function startsWithEnumerator(text: string): boolean {
  return ENUMERATOR.test(text);
}
