import type { ArticleData } from '../archive/item-schema.ts';
import { longDate } from './paths.ts';

/**
 * Lists of stories across editions (a person's, a column's): what one row
 * shows, newest first, and the split by year once a list is long.
 */

/** What a row of such a list shows of a story: nothing more, so a page's cache key covers exactly what it shows. */
export type ListedStory = Pick<ArticleData, 'url' | 'paper' | 'paperName' | 'date' | 'page' | 'pageName' | 'kind' | 'title'>;

/** What ordering a list needs besides what it shows: the place in print. */
export type PrintedStory = ListedStory & Pick<ArticleData, 'pageIndex' | 'order'>;

/** A list of at most this many stories is one list; a longer one is split by year. */
export const ONE_LIST_MAX = 12;

/** The part of a story a list row shows. */
export function listedStory(data: ListedStory): ListedStory {
  const { url, paper, paperName, date, page, pageName, kind, title } = data;
  return { url, paper, paperName, date, page, pageName, kind, title };
}

/**
 * Newest first; one day's stories of one paper in print order (page, then
 * place on the page), papers by id.
 */
export function newestFirst(a: PrintedStory, b: PrintedStory): number {
  return b.date.localeCompare(a.date) || a.paper.localeCompare(b.paper) || a.pageIndex - b.pageIndex || a.order - b.order;
}

/** One year of a list. */
export interface YearOfList<T> {
  /** The year, e.g. 2024; null for a list short enough to stay whole. */
  year: number | null;
  /** Its stories, in the list's order. */
  stories: T[];
}

/**
 * A list sorted by date split into years in its order, or left whole (one
 * part, year null) when it holds at most ONE_LIST_MAX stories.
 * @example groupByYear([{ date: '2025-02-06' }, { date: '2024-01-24' }]) // [{ year: null, stories: [… both] }]
 */
export function groupByYear<T extends { date: string }>(stories: T[]): YearOfList<T>[] {
  if (stories.length <= ONE_LIST_MAX) return [{ year: null, stories }];
  const years: YearOfList<T>[] = [];
  for (const story of stories) {
    const year = Number(story.date.slice(0, 4));
    const last = years.at(-1);
    if (last?.year === year) last.stories.push(story);
    else years.push({ year, stories: [story] });
  }
  return years;
}

/** A row as a list shows it: on a person's page with what the person did and the story's other names. */
export type ListedRow = ListedStory & { roles?: string[]; coAuthors?: string[] };

/**
 * The span of a list's dates in words: one date, or the first and last.
 * @example dateSpan('2024-01-24', '2025-02-06') // '2024年1月24日至2025年2月6日'
 */
export const dateSpan = (first: string, last: string): string =>
  first === last ? longDate(first) : `${longDate(first)}至${longDate(last)}`;

/**
 * The papers a list's stories are in (by name, sorted) and its oldest and
 * newest date: what a person's and a column's page say of their list.
 * @example listSummary(column.stories).span // ['2024-01-24', '2025-02-06']
 */
export function listSummary(stories: readonly Pick<ListedStory, 'paperName' | 'date'>[]): { papers: string[]; span: [string, string] } {
  const dates = stories.map((story) => story.date).sort();
  return { papers: [...new Set(stories.map((story) => story.paperName))].sort(), span: [dates[0] ?? '', dates.at(-1) ?? ''] };
}
