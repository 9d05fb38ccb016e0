import { BULLETS, LABEL_RULES } from '../archive/conventions/lexicon.ts';
import type { ArticleData } from '../archive/item-schema.ts';
import { isPageName } from './name-paths.ts';
import { listedStory, newestFirst, type ListedStory, type PrintedStory } from './dated-lists.ts';

/**
 * Columns (栏目): one page per column label, listing its stories (docs/searchers.md,
 * "People and columns"). A label is one column across its years and papers:
 * 直通省两会 over the year line 2024 is the column 直通省两会.
 */

/** What the column pages read of a story. */
export type ColumnSource = PrintedStory & Pick<ArticleData, 'column'>;

/** One column and its stories. */
export interface Column {
  /** The column's name (columnName of its printed labels). */
  name: string;
  /** Its stories, newest first. */
  stories: ListedStory[];
}

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

/**
 * Every column of the archive with its stories, newest first, columns in
 * no particular order (the index sorts them).
 */
export function groupColumns(stories: readonly ColumnSource[]): Column[] {
  const columns = new Map<string, ColumnSource[]>();
  for (const data of stories) {
    const name = columnName(data.column);
    if (name === null) continue;
    const own = columns.get(name);
    if (own) own.push(data);
    else columns.set(name, [data]);
  }
  return [...columns].map(([name, own]) => ({ name, stories: own.sort(newestFirst).map(listedStory) }));
}
