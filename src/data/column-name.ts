/**
 * The name of a column (栏目) as its printed label gives it: what the column
 * pages group by (./columns.ts) and the search's column filter reads
 * (src/search/shared/filters.ts), kept apart so the search's browser scripts
 * bundle this alone.
 */
import { BULLETS, LABEL_RULES } from '../archive/conventions/lexicon.ts';
import { isPageName } from './name-paths.ts';

/** A year line printed under a column label (直通省两会 / 2024), or a year printed with it. */
const YEAR_LINE = /[\s]*(?:19|20)\d{2}年?$/u;
/** Marks a paper sets a label in or before (【短评】, ■生气) that are not its name. */
const FRAME = new RegExp(String.raw`^[\s${BULLETS}${LABEL_RULES}【〔[]+|[\s】〕\]]+$`, 'gu');

/**
 * The name of the column a printed label (lines joined by a space) belongs
 * to: without its year line, the marks it is set in and any spaces; null
 * when nothing of a name is left or it cannot be a path segment.
 * @example columnName('直通省两会 2024') // '直通省两会'
 * @example columnName('■生气') // '生气'
 */
export function columnName(label: string | null): string | null {
  if (label === null) return null;
  const name = label.replace(YEAR_LINE, '').replace(FRAME, '').replace(/[\s]+/gu, '');
  return name !== '' && isPageName(name) ? name : null;
}
