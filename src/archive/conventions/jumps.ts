/**
 * 转版 markers: a story cut at the foot of one page and continued on
 * another. Read on the matching form of the line (see width.ts).
 */

/** A page label in a marker: A1, 2, B12, or a numeral (第一版). */
const LABEL = String.raw`([A-Za-z]{0,2}\d{1,3}|[一二三四五六七八九十]{1,3})`;

/** （上接A1版）, （上接第1版）, （接上A1版）, （紧接A1版） at the start of a line. */
const JUMP_FROM = new RegExp(`^（\\s*(?:上接|接上|紧接|续上|接)第?${LABEL}\\s*(?:版|面)?\\s*）`, 'u');
/** （下转A2版）, （转A2版）, （下转第2版）, （下转第二版）, or 新民晚报's >>4版, at the end of a line. */
const JUMP_TO = new RegExp(
  `(?:（\\s*(?:下转|转|续见|转至|转第|见)第?${LABEL}\\s*(?:版|面)?\\s*）|(?:>>|》》|→)\\s*第?${LABEL}\\s*版)$`,
  'u',
);

const DIGITS = '一二三四五六七八九';

/**
 * A page numbered in Chinese numerals (第三版, 第十二版) as the digits pages
 * are labelled with, so that 下转第三版 names page 3; other labels as printed.
 * @example pageLabel('十二') // '12'
 */
function pageLabel(label: string): string {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/u.exec(label);
  if (!m || label === '') return label;
  const [, tens = '', ten = '', units = ''] = m;
  if (tens !== '' && ten === '') return units === '' ? String(DIGITS.indexOf(tens) + 1) : label;
  const t = ten === '' ? 0 : tens === '' ? 1 : DIGITS.indexOf(tens) + 1;
  return String(t * 10 + (units === '' ? 0 : DIGITS.indexOf(units) + 1));
}

/** A jump marker as printed and the page label it names. */
export interface JumpMarker {
  marker: string;
  page: string;
}

/**
 * The 上接 marker at the start of a line's matching form.
 * @example matchJumpFrom('（上接A1版）持续深化党建带群建') // { marker: '（上接A1版）', page: 'A1' }
 */
export function matchJumpFrom(text: string): JumpMarker | null {
  const m = JUMP_FROM.exec(text);
  return m?.[1] ? { marker: m[0], page: pageLabel(m[1]) } : null;
}

/**
 * The 下转 marker at the end of a line's matching form.
 * @example matchJumpTo('…重要讲话精神。（下转A2版）') // { marker: '（下转A2版）', page: 'A2' }
 * @example matchJumpTo('…品质之求。（下转第三版）')?.page // '3'
 */
export function matchJumpTo(text: string): JumpMarker | null {
  const m = JUMP_TO.exec(text.trimEnd());
  const page = m?.[1] ?? m?.[2];
  return m && page ? { marker: m[0], page: pageLabel(page) } : null;
}
