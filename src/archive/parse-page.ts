import type { Correction } from './corrections.ts';
import { toLines } from './page-lines.ts';
import { splitItems, type SplitOptions } from './split-items.ts';
import type { ParsedPage } from './types.ts';

/**
 * Parses the raw text of one printed page into its items in print order,
 * applying the archivist's corrections of it. The text is not changed:
 * every printed character lands in exactly one piece of one item, or in the
 * page's layout list.
 * @example parsePage('潮起长江口\n\n昨天开幕的…会议。').items[0]?.headline // '潮起长江口'
 */
export function parsePage(
  text: string,
  corrections: readonly Correction[] = [],
  options: Omit<SplitOptions, 'corrections'> = {},
): ParsedPage {
  return splitItems(toLines(text), { ...options, corrections });
}
