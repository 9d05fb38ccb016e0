import { cacheKey } from './cache-key.ts';
import { listPages, type ListPage } from './dated-lists.ts';

/**
 * The paths of the pages of named lists (people, columns): each name's
 * entry at its own address and, for a list split by year, each year's page
 * (src/data/dated-lists.ts listPages), with what each shows and its key.
 */

/** A named list of stories. */
interface NamedList<T> {
  name: string;
  stories: T[];
}

/** One page of a named list, as a route's path. */
export interface ListPath<T, S> {
  params: { name: string; year?: string };
  props: { name: string; page: ListPage<T>; summary: S };
  cacheKey: string;
}

function listPath<T, S>(name: string, page: ListPage<T>, summary: S): ListPath<T, S> {
  // The page holds only what it shows (ListedStory rows, the summary of its stories), so a new story elsewhere leaves the key as it was.
  return {
    params: page.entry ? { name } : { name, year: String(page.year) },
    props: { name, page, summary },
    cacheKey: cacheKey({ name, page, summary }),
  };
}

/**
 * Each name's own page: its whole list, or its newest year's, with the
 * summary of all its stories.
 * @example entryPaths(await getPeople(), summariseStories)[0]?.params // { name: '朱文君' }
 */
export function entryPaths<T extends { date: string }, S>(
  lists: readonly NamedList<T>[],
  summarise: (stories: T[]) => S,
): ListPath<T, S>[] {
  return lists.map(({ name, stories }) => {
    const page = listPages(stories)[0] ?? { year: null, years: [], stories, entry: true };
    return listPath(name, page, summarise(stories));
  });
}

/**
 * The page of each year of a list split by year, with the summary of that
 * year's stories only, so a new story leaves the years before as they were.
 * @example yearPaths(await getPeople(), summariseStories)[0]?.params // { name: '林晓峰', year: '2025' }
 */
export function yearPaths<T extends { date: string }, S>(lists: readonly NamedList<T>[], summarise: (stories: T[]) => S): ListPath<T, S>[] {
  return lists.flatMap(({ name, stories }) =>
    listPages(stories)
      .filter((page) => !page.entry)
      .map((page) => listPath(name, page, summarise(page.stories))),
  );
}

/**
 * The breadcrumbs of a list's page: the index, then the name (a link on a year's page), then the year.
 * @example listCrumbs({ label: '人物', href: '/people/' }, '王玮丽', '/people/…/', page) // [{ label: '人物', href: '/people/' }, { label: '王玮丽' }]
 */
export function listCrumbs(
  index: { label: string; href: string },
  name: string,
  href: string,
  page: Pick<ListPage<unknown>, 'entry' | 'year'>,
): { label: string; href?: string }[] {
  return page.entry ? [index, { label: name }] : [index, { label: name, href }, { label: `${page.year}年` }];
}
