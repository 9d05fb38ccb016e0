import { AGENCY_NAME, FONT_BULLETS, SIGNATURE_BULLETS } from './lexicon.ts';
import { namesOf, namesOnly, roleLedNames, slashNames, type Names } from './bylines.ts';
import { charCount } from './punctuation.ts';

/**
 * Photo credits (图片署名) as printed under a photo or at the end of its
 * caption, read on the matching form of the text (see width.ts).
 */

/**
 * Credits that name an agency or a source, not a person: 新华社发, 资料图片,
 * 视觉中国供图, 本报电视照片, and the foreign agencies Hong Kong papers print
 * after a caption (路透社, 法新社).
 */
const SOURCE_CREDIT =
  /^(?:新华社|中新社|中通社|人民视觉|视觉中国|东方IC|IC photo|CFP|路透社?|美联社|法新社|欧新社|共同社|彭博社|盖蒂图片社|Reuters|AFP|AP|EPA)(?:发|供图|稿)?$|^(?:本报|本刊|资料|受访者|采访对象|[\u4e00-\u9fff]{2,16}?)(?:供图|资料图片|资料图|资料照片)$|^(?:资料图片|资料照片|资料图)$|^(?:本报|新华社|[\u4e00-\u9fff]{2,6}社)(?:电视|传真|资料)照片$|^图片由[\u4e00-\u9fff\w]{1,24}提供$|^图片来源[：:][^\s]{1,24}$/u;

/**
 * The names of a byline read as a credit's: every one the photographer,
 * with the role word printed before it (本报记者 李震宇 / 通讯员 王飞超 摄).
 * @example asCredit(namesOf(['李震宇'])) // { writers: [], photographers: ['李震宇'], titles: {} }
 */
export function asCredit(names: Names): Names {
  return { writers: [], photographers: [...names.writers, ...names.photographers], titles: names.titles };
}

/**
 * The photographers' names before a 摄: role-led names, or names among role
 * words. The 摄 is mark enough that a pen name without a surname counts
 * (新宣 摄, 小汤 摄).
 */
function photographers(text: string): Names | null {
  const found = roleLedNames(text) ?? namesOnly(text);
  if (found) return asCredit(found);
  const tokens = text.trim().split(/[\s、，]+/u);
  return tokens.every((t) => /^[\u4e00-\u9fff·]{2,6}$/u.test(t)) ? namesOf([], tokens) : null;
}

/** A credit for a whole page or group of photos: 本版照片为…, 本栏照片由…, 以上图片…. */
const GROUP_CREDIT = /^(?:本版|本栏|本组|本专版|以上|上述)(?:照片|图片)(?:均)?(?:为|由|系)?\s*/u;

/**
 * True for a credit that covers every photo of a group or page: 本版照片为本报记者孟仁泉、王东 摄.
 * @example isGroupCredit('（本栏照片为新华社记者 张宁、刘少山摄）') // true
 */
export function isGroupCredit(text: string): boolean {
  return GROUP_CREDIT.test(text.trim().replace(/^（/u, ''));
}

/** Bullets a credit may open with, kept in its text: ■ 新华社记者 王松 摄. */
const LEADING_BULLETS = new RegExp(String.raw`^[${SIGNATURE_BULLETS}${FONT_BULLETS}]+\s*`, 'u');

/** A news agency's name alone, as a brief's source is printed after it: （新华社）, （新华）, （中新社）. */
const BARE_AGENCY = new RegExp(`^(?:${AGENCY_NAME})$`, 'u');

/**
 * The names on a photo credit, every one a photographer, with the role
 * word printed before each, or null when the text is not one. An agency or
 * source credit gives no names.
 * @example creditOf('记者 许丛军摄')?.photographers // ['许丛军'] (titles { 许丛军: '记者' })
 * @example creditOf('新华社记者 张三 摄')?.photographers // ['张三']
 * @example creditOf('张仁勇 摄影报道')?.photographers // ['张仁勇']
 * @example creditOf('（张三摄）')?.photographers // ['张三']
 * @example creditOf('图/李四')?.photographers // ['李四']
 * @example creditOf('新华社发')?.photographers // []
 * @example creditOf('路透社')?.photographers // []
 * @example creditOf('漫画：徐简')?.photographers // ['徐简']
 * @example creditOf('■ 新华社记者 王松 摄')?.photographers // ['王松']
 */
export function creditOf(text: string): Names | null {
  let t = text.trim();
  if (t === '' || t.length > 96 || charCount(t) > 48) return null;
  // A bullet before the credit stays in its text: ■ 新华社记者 王松 摄.
  t = t.replace(LEADING_BULLETS, '');
  const parens = /^（(.*)）$/u.exec(t);
  // An agency's bare name in parentheses after a text, （新华社）, says where the text came from: an endnote, not a credit.
  if (parens && BARE_AGENCY.test((parens[1] ?? '').trim())) return null;
  if (parens) t = (parens[1] ?? '').trim();
  t = t.replace(GROUP_CREDIT, '');
  // 新华社发（张三 摄）, 新华社发 张三 摄: the agency, then the photographer.
  const agency = /^(新华社|中新社)发\s*(.*)$/u.exec(t);
  if (agency && agency[2]) return creditOf(agency[2]);
  if (SOURCE_CREDIT.test(t)) return namesOf();
  // 拍摄者：本报记者 张方志, as a photo column labels it; 漫画：徐简 under a cartoon.
  const labelled = /^(?:拍摄者|摄影|图片|摄|漫画|插图|绘图)[：]\s*(.+)$/u.exec(t);
  if (labelled?.[1]) return photographers(labelled[1]);
  const shot = /^(.*?)\s*\/?\s*(?:摄影报道|摄影|摄)$/u.exec(t);
  if (shot) {
    const head = (shot[1] ?? '').trim();
    return head === '' ? null : photographers(head);
  }
  if (t.includes('/')) {
    const slash = slashNames(t);
    if (slash && slash.writers.length === 0) return slash;
  }
  return null;
}

/**
 * Where a credit printed at the end of a caption begins: …卸运进口巴西玉米。记者 许丛军摄,
 * …现场。（张三摄）, …现场 新华社记者 张三 摄. Returns null when the text does
 * not end in a credit, or is nothing but a credit.
 * @example creditStart('22日，码头正在卸运玉米。（张三摄）') // 13, where （张三摄） begins
 */
export function creditStart(text: string): number | null {
  const t = text.trimEnd();
  const starts: number[] = [];
  const lastParen = t.lastIndexOf('（');
  if (lastParen > 0 && t.endsWith('）')) starts.push(lastParen);
  const stop = Math.max(t.lastIndexOf('。'), t.lastIndexOf('！'), t.lastIndexOf('？'), t.lastIndexOf('…'), t.lastIndexOf('”'));
  if (stop >= 0) starts.push(stop + 1);
  // A credit is short: only spaces near the end can open one.
  for (let i = Math.max(0, stop, t.length - 80); i < t.length; i += 1) if (t[i] === ' ') starts.push(i + 1);
  for (const start of [...new Set(starts)].sort((a, b) => a - b)) {
    const caption = t.slice(0, start).trim();
    const credit = t.slice(start).trim();
    if (caption === '' || credit === '' || t.length - start > 80 || charCount(credit) > 40) continue;
    if (creditOf(credit) !== null) return start;
  }
  return null;
}
