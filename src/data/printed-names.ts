/**
 * Names inside printed text (a byline, a credit, a 电头), found without
 * changing a character: the parser keeps the printed line and, apart, the
 * names it read from it (`bylines`, `credits`, and the role word before
 * each, `titles`), so the site finds each name again in the line to link
 * it, and to see whether it drew the picture (X 绘).
 */

/** A piece of printed text: a name the parser read, or the text between names. */
export interface TextPart {
  /** The printed characters of this piece, exactly. */
  text: string;
  /** The name this piece prints (its characters without inner spaces), or null for text between names. */
  name: string | null;
}

/** Spaces a paper sets inside a two-character name to give it the width of three (周 涛). */
const INNER_SPACE = '\\s*';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Splits printed text at every occurrence of the names (each may be printed
 * with spaces between its characters), leftmost first and the longer name
 * first where two begin together. The parts joined are the text, always.
 * @example splitNames('本报记者 王玮丽 沈雪梅', ['王玮丽', '沈雪梅'])
 * // [{ text: '本报记者 ', name: null }, { text: '王玮丽', name: '王玮丽' }, { text: ' ', name: null }, { text: '沈雪梅', name: '沈雪梅' }]
 * @example splitNames('本报记者 周 涛  文/图', ['周涛'])[1] // { text: '周 涛', name: '周涛' }
 */
export function splitNames(text: string, names: readonly string[]): TextPart[] {
  const wanted = [...new Set(names)].filter((name) => name !== '').sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return text === '' ? [] : [{ text, name: null }];
  const patterns = wanted.map((name) => [...name].map(escape).join(INNER_SPACE));
  const finder = new RegExp(patterns.map((p) => `(${p})`).join('|'), 'gu');
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(finder)) {
    const group = match.slice(1).findIndex((g) => g !== undefined);
    if (match.index > at) parts.push({ text: text.slice(at, match.index), name: null });
    parts.push({ text: match[0], name: wanted[group] ?? null });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), name: null });
  return parts;
}

/** What a credit says its name did when it is not a photograph: 王成喜 绘 drew the picture. */
const DRAWN = /^[\s/／]*(?:绘|漫画|插图)/u;

/**
 * Whether the text prints the name as the one who drew the picture (X 绘,
 * X/绘), not as its photographer.
 * @example isDrawnBy('朱晨凯 文  王成喜 绘', '王成喜') // true
 */
export function isDrawnBy(text: string, name: string): boolean {
  const parts = splitNames(text, [name]);
  return parts.some((part, i) => part.name === name && DRAWN.test(parts[i + 1]?.text ?? ''));
}
