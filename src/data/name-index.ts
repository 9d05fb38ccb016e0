import { byPinyin, initialOf } from './name-order.ts';

/** A name in an index, with how many stories its page lists. */
export interface IndexedName {
  /** The name. */
  name: string;
  /** Its stories. */
  count: number;
}

/** The names filed under one letter. */
export interface IndexLetter {
  /** A to Z, or #. */
  letter: string;
  /** Its names by pinyin. */
  names: IndexedName[];
}

/**
 * An index of names by the first letter of their pinyin, letters in order
 * (# last), names by pinyin within a letter (src/data/name-order.ts).
 * @example indexByLetter([{ name: '王玮丽', count: 1 }, { name: '沈雪梅', count: 1 }], true)
 * // [{ letter: 'S', names: [{ name: '沈雪梅', count: 1 }] }, { letter: 'W', names: [{ name: '王玮丽', count: 1 }] }]
 */
export function indexByLetter(entries: readonly IndexedName[], asName: boolean): IndexLetter[] {
  const counts = new Map(entries.map((entry) => [entry.name, entry.count]));
  const letters = new Map<string, IndexedName[]>();
  for (const name of byPinyin([...counts.keys()], asName)) {
    const letter = initialOf(name, asName);
    const names = letters.get(letter) ?? [];
    names.push({ name, count: counts.get(name) ?? 0 });
    letters.set(letter, names);
  }
  return [...letters]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, names]) => ({ letter, names }));
}
