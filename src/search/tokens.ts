/**
 * Turns folded text into the words Pagefind indexes: one word per character,
 * spelling that character and the one after it (a bigram) in five lower-case
 * ASCII letters: three for the character (its code point modulo 26³) and two
 * for the next one (a hash of both modulo 26²). Pagefind ANDs the words of a
 * query and matches words by prefix, so a query's bigrams must all occur in a
 * story, and a one-character query (a three-letter prefix) finds every story
 * holding that character. Letters only, so neither Pagefind's word splitting
 * nor its query clean-up changes them.
 *
 * Spellings are short because Pagefind stores every word in its index
 * chunks and again in each story's fragment, and both are downloaded. The
 * price is that unrelated characters or bigrams can share a spelling; that
 * only adds candidates, which the browser's check on the printed text drops.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Distinct spellings of a character (three letters). */
const CHAR_SPACE = 26 ** 3;
/** Distinct spellings of the next character (two letters). */
const NEXT_SPACE = 26 ** 2;
/** Stands for "no next character" (end of a block or a space follows): beyond Unicode. */
const END = 0x110000;

/** Spells a number with a fixed count of letters. */
function spell(value: number, width: number): string {
  let out = '';
  let rest = value;
  for (let place = 0; place < width; place += 1) {
    out = LETTERS[rest % 26] + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/**
 * Spells one character (three letters).
 * @example charWord('长') // 'epz'
 */
export function charWord(char: string): string {
  return spell((char.codePointAt(0) ?? 0) % CHAR_SPACE, 3);
}

/** Spells a bigram: the first character, then the next one mixed with it. */
function pairWord(first: number, next: number): string {
  return spell(first % CHAR_SPACE, 3) + spell((next + first * 131) % NEXT_SPACE, 2);
}

/** Splits folded text into runs of code points without white space. */
function runs(folded: string): number[][] {
  return folded
    .split(/\s+/u)
    .filter((run) => run.length > 0)
    .map((run) => [...run].map((char) => char.codePointAt(0) ?? 0));
}

/**
 * The words to index for one block of folded text.
 * @example blockWords('长江口').length // 3 (长江, 江口, 口 at the end)
 */
export function blockWords(folded: string): string[] {
  const words: string[] = [];
  for (const codes of runs(folded)) {
    codes.forEach((code, index) => words.push(pairWord(code, codes[index + 1] ?? END)));
  }
  return words;
}

/**
 * The words a folded query term must find: its bigrams, or the bare
 * spelling (matched as a prefix) of a run one character long.
 * @example termWords('长江').length // 1
 */
export function termWords(folded: string): string[] {
  const words: string[] = [];
  for (const codes of runs(folded)) {
    if (codes.length === 1) words.push(spell((codes[0] ?? 0) % CHAR_SPACE, 3));
    for (let index = 0; index + 1 < codes.length; index += 1) words.push(pairWord(codes[index] ?? 0, codes[index + 1] ?? 0));
  }
  return [...new Set(words)];
}
