import { affiliatedName, bylineOf, namesOnly, opensWithStaffRole, readerSignature } from './conventions/bylines.ts';
import { CAPTION_BULLETS, FONT_BULLETS, SIGNATURE_BULLETS } from './conventions/lexicon.ts';
import { charCount } from './conventions/punctuation.ts';
import type { PageLine } from './page-lines.ts';

/**
 * Smaller signals the page reader weighs: what a caption looks like, what
 * marks a photo group, where a byline printed at the end of a paragraph
 * begins, and the short quotes notes give of a line.
 */

/**
 * True for text that reads as a photo caption rather than a story's last
 * paragraph: 图为…, 上图：…, ▲…, ①….
 * @example isCaptionLike('图为市民在南通博物苑参观。') // true
 */
export function isCaptionLike(text: string): boolean {
  return opensCaption(text) || /(?:^|[。，])图为/u.test(text);
}

/** How a caption opens: 图为…, 上图：…, 图①…, ①…, a caption's bullet (▲…), （图）. */
const CAPTION_OPENING = new RegExp(String.raw`^(?:图为|上图|下图|左图|右图|中图|图\s*[①-⑳\d]|[①-⑳]|[${CAPTION_BULLETS}]|（图）)`, 'u');

/** A bullet that opens a signature after a text's last sentence: …投入运行。□鲁永松（职员）. */
const SIGNATURE_BULLET = new RegExp(`^[${SIGNATURE_BULLETS}${FONT_BULLETS}]`, 'u');

/**
 * True for text that opens as a caption does (图为…, ▲…, ①…); a 图为 later
 * in it may end a sentence of news that a column cut (…，/ 老人们表示…。图为…).
 * @example opensCaption('图为市民在南通博物苑参观。') // true
 */
export function opensCaption(text: string): boolean {
  return CAPTION_OPENING.test(text.trim());
}

/**
 * True for a heading that announces pictures: 组图, 摄影报道, 图片新闻.
 * @example isGroupTitle('留锡过年也温暖（组图）') // true
 */
export function isGroupTitle(text: string): boolean {
  return /组图|摄影报道|图片新闻|图说|影像记录|新春影像/u.test(text);
}

/**
 * True for a short line with no stop inside, as lines of verse or of a list
 * are set: two such lines in a row are not a paragraph cut by a column (a
 * column is wider than that).
 * @example isVerseLine(line('慢一点')) // true
 */
export function isVerseLine(l: PageLine): boolean {
  const inner = l.norm.replace(/[。！？；，…]?[”’」』）》]*$/u, '');
  return charCount(l.norm) <= 20 && !/[。；]/u.test(inner);
}

/**
 * Where a byline printed at the end of a paragraph begins: …会议。（记者 张三）,
 * …要求。(曹洋 盘峰), …天气。记者俞慧娟, …运行。□鲁永松(职员). Only after a
 * finished sentence, and only in the marked forms (parentheses, a bullet,
 * or a role word such as 记者), a reader's signature (南京读者 朱红), or a
 * name after a wide space.
 * @example bylineSuffixStart('…提出了具体要求。（曹洋 盘峰）') // where （曹洋 盘峰） begins
 */
export function bylineSuffixStart(norm: string): number | null {
  const t = norm.trimEnd();
  const open = t.lastIndexOf('（');
  if (open > 0 && t.endsWith('）') && /[。！？…”]\s*$/u.test(t.slice(0, open)) && bylineOf(t.slice(open))) return open;
  const stop = Math.max(t.lastIndexOf('。'), t.lastIndexOf('！'), t.lastIndexOf('？'), t.lastIndexOf('”'));
  if (stop < 0 || stop === t.length - 1) return null;
  let start = stop + 1;
  while (start < t.length && t[start] === ' ') start += 1;
  const tail = t.slice(start);
  if (charCount(tail) > 36) return null;
  if (affiliatedName(tail) || readerSignature(tail)) return start;
  // A name set apart from the last sentence by a wide space signs a commentary: …该兴奋起来了吧？  王涛.
  if (start - stop > 2 && namesOnly(tail)) return start;
  // A bullet after the last sentence opens a signature: …投入运行。□鲁永松（职员）.
  if (SIGNATURE_BULLET.test(tail)) return bylineOf(tail) ? start : null;
  if (!opensWithStaffRole(tail)) return null;
  return bylineOf(tail) ? start : null;
}

/**
 * The beginning of a line for a note or a correction to quote.
 * @example quote('分享工作经历 畅谈感受体会', 6) // '分享工作经历'
 */
export function quote(text: string, chars: number): string {
  const cs = [...text.trim()];
  return cs.slice(0, chars).join('').trimEnd();
}

/**
 * True for a caption numbered as one of several: ① …, 1、…, 图1 ….
 * @example isNumberedCaption('② 5月20日，杨主席在巴西…') // true
 */
export function isNumberedCaption(text: string): boolean {
  return /^(?:[①-⑳]|图\s*[①-⑳\d]|\d{1,2}、)/u.test(text.trim());
}

/**
 * True for a paragraph that opens as captions do, with when: 22日，…, 1月22日，…, 近日，….
 * @example opensWithWhen('22日，南通粮油接运码头正在卸运进口巴西玉米。') // true
 */
export function opensWithWhen(text: string): boolean {
  return /^(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日[，\s上下中晚早凌傍]|^(?:近日|日前|昨天|昨日|今天|当天|连日来)[，]/u.test(text.trim());
}

/**
 * True for a short line with nothing but words, signing off a letter or a
 * commentary at its end: 通联科, 本报评论员.
 */
export function isSignature(l: PageLine): boolean {
  return charCount(l.norm) <= 8 && !/[\p{P}\s\d]/u.test(l.norm);
}

/**
 * Verbs a news headline ends on, saying what happened: …正式开放, …已修复,
 * …举行. A subhead (小标题) names a theme and seldom ends so; a line like
 * this inside a run of text heads a brief of its own.
 * @example endsWithEvent('万里长城之首老龙头已修复') // true
 * @example endsWithEvent('大势已至 乘势而上') // false
 */
export function endsWithEvent(text: string): boolean {
  return /(?:举行|召开|开幕|闭幕|启动|开工|竣工|建成|通车|开通|开放|成立|揭牌|签约|落户|投产|发布|出台|印发|获批|通过|完成|修复|落幕|结束|举办|开展|亮相|上线|开班|开业|授牌|表彰|颁奖|揭晓|出炉|验收|交付|启用|投用|运行|实施|施行|生效|当选|访华|会见|会谈|出席|视察|调研|考察|督查|慰问|部署|讲话|致辞|来通|获奖|夺冠|获评|入选|突破[\d百千万亿]{1,4}[\u4e00-\u9fff]{0,2}|增长[\d.]{1,5}[%％成倍]?|增长[一二三四五六七八九十]成)$/u.test(
    text.trim(),
  );
}
