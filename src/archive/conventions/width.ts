/**
 * Exports of Chinese pages mix full-width and half-width punctuation: the
 * paper prints （记者 X）and ，, a web copy or an NFKC-normalised export gives
 * (记者 X) and ,. The parser matches every convention on a matching form of
 * the line, in which each half-width mark is replaced by its full-width
 * twin (the slash the other way: 文／张三 reads as 文/张三) and every kind
 * of space by U+0020. Each replacement is one UTF-16
 * unit for one, so an offset found in the matching form is the same offset
 * in the printed text, which is what pieces are cut from.
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

const HALF = /[,:;()!?[\]／\u3000\u00a0\t]/gu;

/**
 * The matching form of a printed line: same length, full-width marks, plain spaces.
 * @example matchingForm('本报讯 (记者彭军君 实习生陈少鹏)22日,') // '本报讯 （记者彭军君 实习生陈少鹏）22日，'
 */
export function matchingForm(text: string): string {
  return text.replace(HALF, (c) => TWINS[c] ?? c);
}
