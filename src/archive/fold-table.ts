/**
 * The traditional → simplified table (build side only): search folds text
 * with it, and the parser reads its conventions on it (記者 is 记者). It is
 * OpenCC's character table plus the CJK compatibility ideographs, chains
 * resolved so that folding twice changes nothing.
 */
import compatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import characters from 'opencc-js/dict/TSCharacters';
import { foldString, type FoldTable } from './fold-text.ts';

/** Reads an OpenCC dictionary string; the first target is the one used. */
function readDictionary(dictionary: string, into: Map<string, string>): void {
  for (const entry of dictionary.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to && [...from].length === 1 && [...to].length === 1) into.set(from, to);
  }
}

/**
 * The full table.
 * @example traditionalToSimplified().get('長') // '长'
 */
export function traditionalToSimplified(): FoldTable {
  const table = new Map<string, string>();
  readDictionary(compatibility, table);
  readDictionary(characters, table);
  for (const [from, to] of table) {
    let target = to;
    for (let step = 0; step < 4 && table.has(target); step += 1) target = table.get(target) ?? target;
    table.set(from, target);
  }
  return table;
}

/**
 * The part of the table a browser needs for a given archive: only entries
 * whose target occurs in the folded archive text. A query character outside
 * it could match nothing either way, so results are the same.
 * @example tableForTexts(traditionalToSimplified(), ['长江']) // Map { '長' => '长' }
 */
export function tableForTexts(table: FoldTable, texts: Iterable<string>): Map<string, string> {
  const used = new Set<string>();
  for (const text of texts) for (const char of foldString(text, table)) used.add(char);
  return new Map([...table].filter(([, to]) => used.has(to)));
}
