import { pinyin } from 'pinyin-pro';

/**
 * The order of names in the indexes of people and columns: by pinyin, as a
 * Chinese reader looks a name up (姓氏拼音), with pinyin-pro, which the
 * permanent links already use. A surname is read as a surname (单 shan,
 * 曾 zeng); tones break ties between syllables spelt alike, code points
 * between names read alike, so the order is total and every build the same.
 */

/** The pinyin of a name with tone numbers, syllables joined by spaces. */
function sortKey(name: string, asName: boolean): string {
  return pinyin(name, { toneType: 'num', type: 'array', surname: asName ? 'head' : 'off', nonZh: 'consecutive', v: true })
    .join(' ')
    .toLowerCase();
}

/**
 * Sorts names by pinyin (a person's name with its surname read as one).
 * @example byPinyin(['王玮丽', '沈雪梅', '单霁翔'], true) // ['单霁翔', '沈雪梅', '王玮丽'] (shan, shen, wang)
 */
export function byPinyin(names: readonly string[], asName: boolean): string[] {
  const keys = new Map(names.map((name) => [name, sortKey(name, asName)]));
  const key = (name: string): string => keys.get(name) ?? '';
  return [...names].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The letter a name is filed under: the first letter of its pinyin, A to Z,
 * or # for a name that does not begin with a Chinese character or a letter.
 * @example initialOf('许丛军', true) // 'X'
 */
export function initialOf(name: string, asName: boolean): string {
  const first = sortKey(name, asName).charAt(0).toUpperCase();
  return /^[A-Z]$/u.test(first) ? first : '#';
}
