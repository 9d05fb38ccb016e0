import { matchingForm } from './conventions/width.ts';
import type { Piece } from './types.ts';

/**
 * Names are read on the matching form of a line, in which a traditional
 * character stands as its simplified one (記者 鄭治祖 reads 记者 郑治祖). The
 * archive keeps a name as printed, so each is found again, at the same
 * offsets, in the printed text of the item's pieces.
 */

/** A pen name set with spaces to a name's width (·通 平·) is read joined: its characters with spaces between. */
const spaced = (name: string): RegExp => new RegExp([...name].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join(' *'), 'u');

/**
 * A name as the pieces print it, or the name itself when no piece holds it.
 * @example printedName('郑治祖', [{ role: 'dateline', text: '香港文匯報訊(記者 鄭治祖)', lines: [3, 3] }]) // '鄭治祖'
 */
export function printedName(name: string, pieces: readonly Piece[]): string {
  for (const piece of pieces) {
    const norm = matchingForm(piece.text);
    const at = norm.indexOf(name);
    if (at >= 0) return piece.text.slice(at, at + name.length);
  }
  for (const piece of pieces) {
    const found = spaced(name).exec(matchingForm(piece.text));
    if (found) return piece.text.slice(found.index, found.index + found[0].length).replace(/ +/gu, '');
  }
  return name;
}
