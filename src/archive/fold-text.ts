/**
 * Folds text for search: full-width letters, digits and punctuation to
 * half-width, upper to lower case, traditional characters to simplified.
 * Folding works one code point at a time, so every folded character knows the
 * printed characters it came from and a match can be marked exactly.
 */

/** Traditional → simplified, one character to one character. */
export type FoldTable = ReadonlyMap<string, string>;

/** Folded text with, for each folded UTF-16 unit, the printed span it came from. */
export interface FoldedText {
  /** The folded text. */
  text: string;
  /** Printed start index of the character behind each folded unit. */
  starts: number[];
  /** Printed end index of the character behind each folded unit. */
  ends: number[];
}

const NO_TABLE: FoldTable = new Map();

/**
 * Folds one code point.
 * @example foldChar('Ａ') // 'a'
 * @example foldChar('長', new Map([['長', '长']])) // '长'
 */
export function foldChar(char: string, table: FoldTable = NO_TABLE): string {
  const code = char.codePointAt(0) ?? 0;
  let folded = char;
  if (code >= 0xff01 && code <= 0xff5e) folded = String.fromCodePoint(code - 0xfee0);
  else if (code === 0x3000) folded = ' ';
  const lower = folded.toLowerCase();
  // Some capitals lower to two code points (İ → i̇); keep those as printed.
  if ([...lower].length === 1) folded = lower;
  return table.get(folded) ?? folded;
}

/**
 * Folds text and keeps where each folded unit came from.
 * @example foldText('長江７０５').text // '長江705' (no table given)
 */
export function foldText(text: string, table: FoldTable = NO_TABLE): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const out = foldChar(char, table);
    folded += out;
    for (let unit = 0; unit < out.length; unit += 1) {
      starts.push(index);
      ends.push(index + char.length);
    }
    index += char.length;
  }
  return { text: folded, starts, ends };
}

/**
 * Folds text without keeping positions.
 * @example foldString('許昆林', new Map([['許', '许']])) // '许昆林'
 */
export function foldString(text: string, table: FoldTable = NO_TABLE): string {
  let folded = '';
  for (const char of text) folded += foldChar(char, table);
  return folded;
}

/**
 * Reads a fold table written as traditional and simplified characters in
 * pairs, as the search page carries it.
 * @example readFoldTable('長长').get('長') // '长'
 */
export function readFoldTable(pairs: string): FoldTable {
  const chars = [...pairs];
  const table = new Map<string, string>();
  for (let index = 0; index + 1 < chars.length; index += 2) table.set(chars[index] ?? '', chars[index + 1] ?? '');
  return table;
}
