import type { ArticleData } from '../archive/item-schema.ts';
import { longDate } from './paths.ts';

/**
 * Lists of stories across editions (a person's, a column's): what one row
 * shows, newest first, the split by year once a list is long, and the split
 * into a page per year once it is longer.
 */

/** What a row of such a list shows of a story: nothing more, so a page's cache key covers exactly what it shows. */
export type ListedStory = Pick<ArticleData, 'url' | 'paper' | 'paperName' | 'date' | 'page' | 'pageName' | 'kind' | 'title'>;

/** What ordering a list needs besides what it shows: the place in print. */
export type PrintedStory = ListedStory & Pick<ArticleData, 'pageIndex' | 'order'>;

/** A list of at most this many stories is one list; a longer one is split by year. */
export const ONE_LIST_MAX = 12;

/**
 * A list of at most this many stories is one page; a longer one gets a page
 * per year. A reporter's busiest years hold a few hundred stories, so a
 * year's page stays a page a reader can scan and a browser draws at once,
 * and a past year's page changes only when one of its stories does.
 */
export const ONE_PAGE_MAX = 100;

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
  return stories.length <= ONE_LIST_MAX ? [{ year: null, stories }] : splitByYear(stories);
}

/** A list sorted by date cut into its years, in its order. */
function splitByYear<T extends { date: string }>(stories: T[]): (YearOfList<T> & { year: number })[] {
  const years: (YearOfList<T> & { year: number })[] = [];
  for (const story of stories) {
    const year = Number(story.date.slice(0, 4));
    const last = years.at(-1);
    if (last?.year === year) last.stories.push(story);
    else years.push({ year, stories: [story] });
  }
  return years;
}

/** One page of a list: the whole list, or one year of a list split into pages by year. */
export interface ListPage<T> {
  /** The year it shows, or null for the whole list. */
  year: number | null;
  /** Every year of a split list, newest first (the bar of years); empty for a list on one page. */
  years: number[];
  /** The stories it shows, in the list's order. */
  stories: T[];
  /** Whether it is the list's entry, at the list's own address: the whole list, or the newest year of a split one. */
  entry: boolean;
}

/**
 * The pages of a list sorted newest first: one page when it holds at most
 * ONE_PAGE_MAX stories or one year's; else one page per year at the list's address and
 * the year (/people/王玮丽/2024/), and the entry at the list's own address
 * (/people/王玮丽/), which shows the newest year, as the list showed its
 * newest stories first before it was split.
 * @example listPages(stories).map((p) => [p.year, p.entry]) // [[2025, true], [2025, false], [2024, false]] for 150 stories of two years
 */
export function listPages<T extends { date: string }>(stories: T[]): ListPage<T>[] {
  const parts = stories.length <= ONE_PAGE_MAX ? [] : splitByYear(stories);
  // A long list of one year stays one page: a page for its year would only repeat it.
  if (parts.length < 2) return [{ year: null, years: [], stories, entry: true }];
  const years = parts.map(({ year }) => year);
  const pages = parts.map(({ year, stories: own }) => ({ year, years, stories: own, entry: false }));
  const newest = pages[0];
  return newest ? [{ ...newest, entry: true }, ...pages] : pages;
}

/** A row as a list shows it: on a person's page with what the person did and the story's other names. */
export type ListedRow = ListedStory & { roles?: string[]; coAuthors?: string[] };

/**
 * The span of a list's dates in words: one date, or the first and last.
 * @example dateSpan('2024-01-24', '2025-02-06') // '2024年1月24日至2025年2月6日'
 */
export const dateSpan = (first: string, last: string): string =>
  first === last ? longDate(first) : `${longDate(first)}至${longDate(last)}`;

/** What a person's and a column's page say of their list. */
export interface ListSummary {
  /** How many stories it holds. */
  count: number;
  /** The papers its stories are in, by name, sorted. */
  papers: string[];
  /** Its oldest and newest date. */
  span: [string, string];
}

/**
 * The number of a list's stories, the papers they are in (by name, sorted)
 * and its oldest and newest date.
 * @example listSummary(column.stories).span // ['2024-01-24', '2025-02-06']
 */
export function listSummary(stories: readonly Pick<ListedStory, 'paperName' | 'date'>[]): ListSummary {
  const dates = stories.map((story) => story.date).sort();
  return {
    count: stories.length,
    papers: [...new Set(stories.map((story) => story.paperName))].sort(),
    span: [dates[0] ?? '', dates.at(-1) ?? ''],
  };
}
