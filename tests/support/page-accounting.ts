import { matchJumpFrom, matchJumpTo } from '../../src/archive/conventions/jumps.ts';
import { matchSecondReport } from '../../src/archive/conventions/datelines.ts';
import { matchingForm } from '../../src/archive/conventions/width.ts';
import { sourceLines } from '../../src/archive/source-lines.ts';
import type { ParsedItem, ParsedPage, Piece, PieceRole } from '../../src/archive/types.ts';

/** Every character of a text except whitespace, in order. */
export const printedCharacters = (text: string): string => text.replace(/\s/gu, '');

/**
 * Every piece of a parsed page (layout lines and every item's pieces) in
 * source order: sorted by first line, stable, so pieces that share a line
 * (上接 marker, 电头, paragraph) keep the order the parser gave them.
 */
export function piecesInSourceOrder(page: ParsedPage): Piece[] {
  return [...page.layout, ...page.items.flatMap((item) => item.pieces)].sort((a, b) => a.lines[0] - b.lines[0]);
}

/**
 * The fidelity property: joining every piece in source order gives back
 * every printed (non-whitespace) character of the page exactly once.
 * Returns what is wrong, or an empty list.
 */
export function fidelityProblems(text: string, page: ParsedPage): string[] {
  const expected = printedCharacters(text);
  const actual = printedCharacters(
    piecesInSourceOrder(page)
      .map((p) => p.text)
      .join(''),
  );
  if (actual === expected) return [];
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i += 1;
  const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 10), i + 10));
  return [
    `printed characters differ at ${i} (page has ${expected.length}, pieces ${actual.length}): page ${around(expected)}, pieces ${around(actual)}`,
  ];
}

/** Lines of a text as the parser numbers them (split on LF). */
const lineCount = (text: string): number => sourceLines(text).length;

/** Structure: pieces and items inside the page, items in order and disjoint, pieces inside their item. */
export function structureProblems(text: string, page: ParsedPage): string[] {
  const problems: string[] = [];
  const last = lineCount(text);
  const inPage = (l: [number, number]): boolean =>
    Number.isInteger(l[0]) && Number.isInteger(l[1]) && l[0] >= 1 && l[0] <= l[1] && l[1] <= last;
  page.layout.forEach((p, k) => {
    if (!inPage(p.lines)) problems.push(`layout piece ${k} has lines ${p.lines.join('-')} outside 1-${last}`);
  });
  page.items.forEach((item, n) => {
    if (!inPage(item.lines)) problems.push(`item ${n} has lines ${item.lines.join('-')} outside 1-${last}`);
    if (item.pieces.length === 0) problems.push(`item ${n} has no pieces`);
    for (const p of item.pieces) {
      if (!inPage(p.lines) || p.lines[0] < item.lines[0] || p.lines[1] > item.lines[1]) {
        problems.push(`item ${n}: ${p.role} piece lines ${p.lines.join('-')} outside the item's ${item.lines.join('-')}`);
      }
      if (p.text === '' || p.text !== p.text.trim())
        problems.push(`item ${n}: ${p.role} piece ${JSON.stringify(p.text.slice(0, 20))} is empty or untrimmed`);
    }
    const next = page.items[n + 1];
    if (next && item.lines[1] >= next.lines[0])
      problems.push(`items ${n} (${item.lines.join('-')}) and ${n + 1} (${next.lines.join('-')}) overlap or are out of order`);
  });
  // A layout line may stand inside an item's range (a page header repeated between columns): it is in no piece of it.
  const pieceLines = new Set(page.items.flatMap((i) => i.pieces.flatMap((p) => [p.lines[0], p.lines[1]])));
  for (const p of page.layout) {
    if (pieceLines.has(p.lines[0])) problems.push(`layout line ${p.lines[0]} is also a piece's line`);
  }
  return problems;
}

/** The text of an item's pieces of a role, joined as the item's field joins them. */
const pieceText = (item: ParsedItem, role: PieceRole): string | null => {
  const texts = item.pieces.filter((p) => p.role === role).map((p) => p.text);
  if (texts.length === 0) return null;
  return texts.join(role === 'kicker' || role === 'headline' || role === 'subtitle' ? '' : ' ');
};

/** The item's fields are views of its pieces: nothing is printed that no piece holds. */
export function viewProblems(item: ParsedItem, n: number): string[] {
  const problems: string[] = [];
  const single = ['kicker', 'headline', 'subtitle', 'column', 'dateline', 'byline', 'credit'] as const;
  for (const role of single) {
    if (item[role] !== pieceText(item, role)) problems.push(`item ${n}: ${role} ${JSON.stringify(item[role])} is not its pieces' text`);
  }
  for (const role of ['dateline', 'jumpFrom', 'jumpTo'] as const) {
    if (item.pieces.filter((p) => p.role === role).length > 1) problems.push(`item ${n}: more than one ${role} piece`);
  }
  const endnotes = item.pieces.filter((p) => p.role === 'endnote').map((p) => p.text);
  if (JSON.stringify(item.endnotes) !== JSON.stringify(endnotes)) problems.push(`item ${n}: endnotes are not its endnote pieces`);
  const body = item.pieces
    .filter((p) => p.role === 'paragraph' || p.role === 'subhead')
    .map((p) => ({ type: p.role, text: p.text, lines: p.lines }));
  if (JSON.stringify(item.body) !== JSON.stringify(body)) problems.push(`item ${n}: body is not its paragraph and subhead pieces`);
  const jumpFrom = pieceText(item, 'jumpFrom');
  const jumpTo = pieceText(item, 'jumpTo');
  // The page a marker names is its label as printed, or a numeral's digits (第三版: 3).
  if (
    (item.continuedFrom === null) !== (jumpFrom === null) ||
    (jumpFrom !== null && item.continuedFrom !== matchJumpFrom(matchingForm(jumpFrom))?.page)
  ) {
    problems.push(
      `item ${n}: continuedFrom ${JSON.stringify(item.continuedFrom)} does not come from the 上接 piece ${JSON.stringify(jumpFrom)}`,
    );
  }
  if (
    (item.continuesOn === null) !== (jumpTo === null) ||
    (jumpTo !== null && item.continuesOn !== matchJumpTo(matchingForm(jumpTo))?.page)
  ) {
    problems.push(`item ${n}: continuesOn ${JSON.stringify(item.continuesOn)} does not come from the 下转 piece ${JSON.stringify(jumpTo)}`);
  }
  // Names are read from the dateline, bylines, credits, the display line of names under a headline,
  // and the lead of a second report run into the story (又讯 （记者 X Y）).
  // A two-character name may be spaced out to the width of three (王  玮): compare without spaces.
  const nameSource = item.pieces
    .flatMap((p) => {
      if (['dateline', 'byline', 'credit'].includes(p.role)) return [p.text];
      const second = p.role === 'paragraph' ? matchSecondReport(matchingForm(p.text)) : null;
      return second ? [p.text.slice(0, second.length)] : [];
    })
    .map((text) => text.replace(/\s/gu, ''))
    .join(' ');
  for (const name of [...item.bylines, ...item.credits])
    if (!nameSource.includes(name)) problems.push(`item ${n}: name ${name} is printed in no dateline, byline or credit`);
  if (new Set(item.bylines).size !== item.bylines.length || new Set(item.credits).size !== item.credits.length)
    problems.push(`item ${n}: a name is listed twice`);
  if (!item.title.added && item.title.text !== item.headline) problems.push(`item ${n}: a printed title must be the headline`);
  if (item.title.added !== (item.headline === null))
    problems.push(`item ${n}: title.added must be true exactly when no headline was printed`);
  if (item.kind === 'photo' && item.credit === null && !item.pieces.some((p) => p.role === 'paragraph'))
    problems.push(`item ${n}: a photo with neither credit nor caption`);
  if (item.kind === 'jump' && jumpFrom === null) problems.push(`item ${n}: a jump without a 上接 marker`);
  for (const note of item.notes)
    if (note.line < item.lines[0] || note.line > item.lines[1])
      problems.push(`item ${n}: a note about line ${note.line}, outside the item`);
  return problems;
}

/** Everything the parser promises about a page; an empty list when all hold. */
export function pageProblems(text: string, page: ParsedPage): string[] {
  return [...fidelityProblems(text, page), ...structureProblems(text, page), ...page.items.flatMap(viewProblems)];
}
