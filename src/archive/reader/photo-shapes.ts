import { charCount } from '../conventions/punctuation.ts';
import type { ItemDraft } from '../item-draft.ts';

/**
 * Shapes of a finished item that make it a photo whatever lines it was read
 * from: the reader state asks them as it closes an item.
 */

/** Longest caption, in characters, of a photo whose credit is set under its title. */
const MAX_TITLED_CAPTION_CHARS = 200;

/**
 * Whether an item is a photo whose credit stands between its title and its
 * caption (都为烟花忙 / 陈立波 摄 / 昨天上午，…): nothing but a title, the
 * credit, and a caption of a paragraph or two.
 */
export function isCreditedUnderTitle(item: ItemDraft): boolean {
  if (!item.hasHeading || item.isPhoto) return false;
  if (item.count('dateline') + item.count('byline') + item.count('jumpFrom') + item.count('subhead') > 0) return false;
  const credit = item.pieces.find((p) => p.role === 'credit');
  const paragraphs = item.pieces.filter((p) => p.role === 'paragraph');
  if (!credit || paragraphs.length === 0 || paragraphs.length > 2) return false;
  return (
    paragraphs.every((p) => p.lines[0] > credit.lines[1]) &&
    paragraphs.reduce((n, p) => n + charCount(p.text), 0) <= MAX_TITLED_CAPTION_CHARS
  );
}
