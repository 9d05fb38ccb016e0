import { traditionalToSimplified } from '../fold-table.ts';

/**
 * Exports of Chinese pages mix full-width and half-width punctuation: the
 * paper prints （记者 X）and ，, a web copy or an NFKC-normalised export gives
 * (记者 X) and ,. The parser matches every convention on a matching form of
 * the line, in which each half-width mark is replaced by its full-width
 * twin (the slash the other way: 文／张三 reads as 文/张三) and every kind
 * of space by U+0020. Hong Kong, Macau and Taiwan papers print the same
 * conventions in traditional characters (本報訊（記者 X）, X攝), so each
 * traditional character is read as its simplified one. Each replacement is
 * one UTF-16 unit for one, so an offset found in the matching form is the
 * same offset in the printed text, which is what pieces are cut from.
 */

const TWINS: Readonly<Record<string, string>> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '(': '（',
  ')': '）',
  '!': '！',
  '／': '/',
  '?': '？',
  '[': '【',
  ']': '】',
  '\u3000': ' ',
  '\u00a0': ' ',
  '\t': ' ',
};

/**
 * Traditional → simplified, only where both are one UTF-16 unit: a
 * replacement of another length would move every offset after it.
 */
const SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  [...traditionalToSimplified()].filter(([from, to]) => from.length === 1 && to.length === 1),
);

/** Characters that may change: the marks above and every CJK ideograph (BMP). */
const CHANGEABLE = /[,:;()!?[\]／\u3000\u00a0\t\u3400-\u9fff\uf900-\ufaff]/gu;

/**
 * The matching form of a printed line: same length, full-width marks, plain
 * spaces, simplified characters.
 * @example matchingForm('本报讯 (记者彭军君 实习生陈少鹏)22日,') // '本报讯 （记者彭军君 实习生陈少鹏）22日，'
 * @example matchingForm('香港文匯報訊(記者 鄭治祖)') // '香港文汇报讯（记者 郑治祖）'
 */
export function matchingForm(text: string): string {
  return text.replace(CHANGEABLE, (c) => TWINS[c] ?? SIMPLIFIED.get(c) ?? c);
}
