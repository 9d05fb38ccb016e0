/**
 * What the browser reads of a search record's blocks besides their text,
 * apart from ./search-record.ts, which builds records at build time from
 * what the archive's modules give (the column's name among them) and so
 * would bundle them into the search's scripts.
 */
import type { BlockField, SearchRecord } from './record-schema.ts';

/**
 * Whether the site made the record's title up (本站拟题): an item is titled
 * by its headline when it prints one (src/archive/item-draft.ts), and its
 * record holds a headline block exactly then.
 * @example titleAdded(photo) // true: 图片：22日，南通粮油接运码头…
 */
export function titleAdded(record: Pick<SearchRecord, 'blocks'>): boolean {
  return !record.blocks.some(([field]) => field === 'headline');
}

/** Fields that count as a headline hit when ranking. */
export const HEADING_FIELDS: ReadonlySet<BlockField> = new Set(['kicker', 'headline', 'subtitle']);
