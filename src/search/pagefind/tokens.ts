/**
 * Turns folded text into the words Pagefind indexes: one word per character,
 * spelling that character and the two after it (a trigram) in six lower-case
 * ASCII letters: three for the character (its code point modulo 26³), two
 * for the next one (a hash of both modulo 26²) and one for the one after (a
 * hash of all three modulo 26). Pagefind ANDs the words of a query and
 * matches words by prefix, so a term of three or more characters asks for
 * its trigrams, a two-character term for the five-letter prefix its bigram
 * spells, and a one-character term for its three-letter spelling, and each
 * finds every record holding it. Letters only, so neither Pagefind's word
 * splitting nor its query clean-up changes them.
 *
 * Trigrams rather than bigrams because a record is a printed page of five or
 * six stories: the first and last bigram of a term occur somewhere on most
 * pages for common characters, while a trigram rarely does unless the term
 * is there, so one trigram word narrows a long term about as well as two
 * bigrams did, for one index chunk per shard instead of two.
 *
 * Spellings are short because Pagefind stores every word in its index
 * chunks, and on a small archive a shard's whole index is one chunk that
 * every search loads: a seventh letter made the seed archive's first query
 * 9 KB larger. The price is that unrelated characters or trigrams can share
 * a spelling (the third character only one time in 26 apart); that only adds
 * candidates, which the browser's check on the printed text drops.
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Distinct spellings of a character (three letters). */
const CHAR_SPACE = 26 ** 3;
/** Distinct spellings of the next character (two letters). */
const NEXT_SPACE = 26 ** 2;
/** Distinct spellings of the character after that (one letter). */
const THIRD_SPACE = 26;
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

/** Spells a trigram: its bigram's spelling, then the third character mixed with both. */
function tripleWord(first: number, next: number, third: number): string {
  return pairWord(first, next) + spell((third + next * 131 + first * 257) % THIRD_SPACE, 1);
}

/** Splits folded text into runs of code points without white space. */
function runs(folded: string): number[][] {
  return folded
    .split(/\s+/u)
    .filter((run) => run.length > 0)
    .map((run) => [...run].map((char) => char.codePointAt(0) ?? 0));
}

/**
 * The words to index for one block of folded text: a trigram word for every
 * character, the end of its run standing in for missing characters.
 * @example blockWords('长江口').length // 3 (长江口, 江口 at the end, 口 at the end)
 */
export function blockWords(folded: string): string[] {
  const words: string[] = [];
  for (const codes of runs(folded)) {
    codes.forEach((code, index) => {
      const next = codes[index + 1];
      words.push(next === undefined ? tripleWord(code, END, END) : tripleWord(code, next, codes[index + 2] ?? END));
    });
  }
  return words;
}

/**
 * The words a folded query term must find: its trigrams, or the spelling of
 * a shorter run (a bigram's five letters, a character's three), which
 * Pagefind matches as a prefix of the trigram words starting with it.
 * @example termWords('长江').length // 1
 */
export function termWords(folded: string): string[] {
  const words: string[] = [];
  for (const codes of runs(folded)) {
    const [first = 0, next = 0] = codes;
    if (codes.length === 1) words.push(spell(first % CHAR_SPACE, 3));
    if (codes.length === 2) words.push(pairWord(first, next));
    for (let index = 0; index + 2 < codes.length; index += 1)
      words.push(tripleWord(codes[index] ?? 0, codes[index + 1] ?? 0, codes[index + 2] ?? 0));
  }
  return [...new Set(words)];
}
