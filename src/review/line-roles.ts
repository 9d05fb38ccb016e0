import type { ParsedPage, PieceRole } from '../archive/types.ts';
import type { ReviewRole } from './review-labels.ts';

/** A piece's role as the review shows it: 上接 and 下转 are both 转版. */
const reviewRole = (role: PieceRole): ReviewRole => (role === 'jumpFrom' || role === 'jumpTo' ? 'jump' : role);

/**
 * The roles the parser gave each line of a page, by 1-based line number, in
 * print order on the line (a 电头 before the 正文 it opens). Blank lines
 * inside a piece (a column break) get none: nothing is printed there.
 * @param lines the page's raw lines (src/archive/source-lines.ts)
 * @example lineRoles(parsePage(text), sourceLines(text)).get(61) // ['dateline', 'paragraph'] for 本报讯（记者彭军君 实习生陈少鹏）22日，…
 */
export function lineRoles(page: ParsedPage, lines: readonly string[]): Map<number, ReviewRole[]> {
  const roles = new Map<number, ReviewRole[]>();
  const add = (first: number, last: number, role: ReviewRole): void => {
    for (let n = first; n <= last; n += 1) {
      if ((lines[n - 1] ?? '').trim() === '') continue;
      const held = roles.get(n) ?? [];
      if (!held.includes(role)) held.push(role);
      roles.set(n, held);
    }
  };
  for (const item of page.items) for (const piece of item.pieces) add(piece.lines[0], piece.lines[1], reviewRole(piece.role));
  for (const piece of page.layout) add(piece.lines[0], piece.lines[1], 'layout');
  return roles;
}
