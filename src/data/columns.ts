import type { ArticleData } from '../archive/item-schema.ts';
import { columnName } from './column-name.ts';
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
