import {
  bylineNames,
  charCount,
  creditNames,
  hasClausePunctuation,
  isTerminated,
  matchDateline,
  matchJumpFrom,
  matchJumpTo,
} from './classify-line.ts';
import { findHeadingGroup, type Unit } from './find-heading-group.ts';
import { ItemDraft } from './item-draft.ts';
import type { ParsedPage, Piece } from './types.ts';

/** Longest in-article subhead (小标题) we accept. */
const MAX_SUBHEAD_CHARS = 24;

/**
 * Splits a page's text into non-blank units, one per source line. Lines are
 * trimmed of whitespace only (indents, CR of CRLF, a BOM); nothing else changes.
 * @example toUnits('\n\n潮起长江口\n\n2024') // [{ text: '潮起长江口', line: 3 }, { text: '2024', line: 5 }]
 */
export function toUnits(text: string): Unit[] {
  return text.split('\n').flatMap((raw, i) => {
    const t = raw.trim();
    return t === '' ? [] : [{ text: t, line: i + 1 }];
  });
}

/** A subhead is short, unpunctuated, follows a finished sentence and is followed by text. */
function isSubhead(u: Unit, next: Unit | undefined): boolean {
  return (
    charCount(u.text) <= MAX_SUBHEAD_CHARS &&
    !isTerminated(u.text) &&
    !hasClausePunctuation(u.text) &&
    next !== undefined &&
    bylineNames(next.text) === null &&
    creditNames(next.text) === null
  );
}

/**
 * Walks a page's units in order and groups them into items: stories, jumps
 * (上接…版) and photos (a caption with a credit line). Every unit ends up in
 * exactly one piece of one item, or in the page's layout list.
 */
export function splitItems(units: Unit[]): ParsedPage {
  const page: ParsedPage = { items: [], layout: [] };
  let current: ItemDraft | null = null;
  let openParagraph = false;
  let expectHeading = true;

  const close = (): void => {
    if (current) page.items.push(current.finish());
    current = null;
    openParagraph = false;
    expectHeading = true;
  };

  for (let i = 0; i < units.length; i += 1) {
    const u = units[i] as Unit;

    if (!openParagraph) {
      const group = findHeadingGroup(units, i, expectHeading);
      if (group) {
        close();
        current = new ItemDraft(group.display, group.column);
        expectHeading = false;
        i = group.next - 1;
        continue;
      }
    }

    if (creditNames(u.text)) {
      // The caption is the paragraph just before the credit. It is a photo of
      // its own unless it is all the current item has (a headed photo).
      let photo: ItemDraft;
      if (current?.isSingleParagraph) {
        photo = current;
      } else {
        const caption: Piece | null = current?.takeLastParagraph() ?? null;
        close();
        photo = new ItemDraft();
        if (caption) photo.pieces.push(caption);
      }
      photo.isPhoto = true;
      photo.add('credit', u.text, u.line);
      current = photo;
      close();
      continue;
    }

    if (bylineNames(u.text) && charCount(u.text) <= 40) {
      if (current) {
        current.add('byline', u.text, u.line);
        close();
      } else {
        page.layout.push({ role: 'byline', text: u.text, lines: [u.line, u.line] });
      }
      continue;
    }

    if (openParagraph && current) {
      current.continueParagraph(u.text, u.line);
      openParagraph = !isTerminated(u.text);
    } else {
      let rest = u.text;
      const jump = matchJumpFrom(rest);
      if (jump && (!current || current.hasBody)) {
        close();
      }
      current ??= new ItemDraft();
      expectHeading = false;
      if (jump) {
        current.add('jumpFrom', jump.marker, u.line);
        rest = rest.slice(jump.marker.length).trim();
      }
      const dateline = !current.hasBody ? matchDateline(rest) : null;
      if (dateline) {
        current.add('dateline', dateline, u.line);
        rest = rest.slice(dateline.length).trim();
      }
      if (rest === '') continue;
      if (current.hasParagraph && !dateline && !jump && isSubhead({ text: rest, line: u.line }, units[i + 1])) {
        current.add('subhead', rest, u.line);
        continue;
      }
      current.add('paragraph', rest, u.line);
      openParagraph = !isTerminated(rest);
    }

    const last = current?.lastParagraph();
    // Look at the whole paragraph only when this line ends in a marker: a paragraph
    // joined over thousands of column breaks must not be rescanned per line.
    const jumpTo = last && matchJumpTo(u.text) ? matchJumpTo(last.text) : null;
    if (current && last && jumpTo) {
      // 下转…版 closes this part of the story; the marker is its own piece.
      last.text = last.text.slice(0, last.text.length - jumpTo.marker.length).trimEnd();
      current.add('jumpTo', jumpTo.marker, u.line);
      if (last.text === '') current.pieces.splice(current.pieces.indexOf(last), 1);
      openParagraph = false;
    }
  }
  close();
  return page;
}
