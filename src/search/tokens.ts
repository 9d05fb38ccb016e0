/**
 * Turns folded text into the words Pagefind indexes: one word per character,
 * spelling that character and the one after it (a bigram) in lower-case
 * ASCII letters. Pagefind ANDs the words of a query and matches words by
 * prefix, so a query's bigrams must all occur in a story, and a one-character
 * query (a word prefix) finds every story holding that character. Letters only,
 * so neither Pagefind's word splitting nor its query clean-up changes them.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Code points below this are spelled with four letters starting a–y. */
const SHORT_LIMIT = 25 * 26 ** 3;
/** Stands for "no next character" (end of a block or a space follows). */
const END = 'zzzzzz';

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
 * Spells one code point; no spelling is a prefix of another.
 * @example charWord('长') // 'cepz'
 */
export function charWord(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < SHORT_LIMIT ? spell(code, 4) : `z${spell(code - SHORT_LIMIT, 5)}`;
}

/** Splits folded text into runs of characters without white space. */
function runs(folded: string): string[][] {
  return folded
    .split(/\s+/u)
    .filter((run) => run.length > 0)
    .map((run) => [...run]);
}

/**
 * The words to index for one block of folded text.
 * @example blockWords('长江口') // ['cepzbpbb', 'bpbbbftz', 'bftzzzzzzz'] (长江, 江口, 口 at the end)
 */
export function blockWords(folded: string): string[] {
  const words: string[] = [];
  for (const chars of runs(folded)) {
    chars.forEach((char, index) => {
      const next = chars[index + 1];
      words.push(charWord(char) + (next === undefined ? END : charWord(next)));
    });
  }
  return words;
}

/**
 * The words a folded query term must find: its bigrams, or the bare
 * spelling (matched as a prefix) of a run one character long.
 * @example termWords('长江') // ['cepzbpbb']
 */
export function termWords(folded: string): string[] {
  const words: string[] = [];
  for (const chars of runs(folded)) {
    if (chars.length === 1) words.push(charWord(chars[0] ?? ''));
    for (let index = 0; index + 1 < chars.length; index += 1) words.push(charWord(chars[index] ?? '') + charWord(chars[index + 1] ?? ''));
  }
  return [...new Set(words)];
}
