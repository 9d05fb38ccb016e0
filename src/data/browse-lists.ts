import { getArticles } from './articles.ts';
import { groupColumns, type Column } from './columns.ts';
import { listPages } from './dated-lists.ts';
import { COLUMNS_PATH, columnPath, columnYearPath, PEOPLE_PATH, personPath, personYearPath } from './name-paths.ts';
import { groupPeople, type Person } from './people.ts';

/** The people and columns of the archive, grouped once per build for every route that lists them. */

let people: Promise<Person[]> | undefined;
let columns: Promise<Column[]> | undefined;

/** Every name of a byline, 电头 or credit with its stories (src/data/people.ts). */
export function getPeople(): Promise<Person[]> {
  people ??= getArticles().then((all) => groupPeople(all.map(({ data }) => data)));
  return people;
}

/** Every column label with its stories (src/data/columns.ts). */
export function getColumns(): Promise<Column[]> {
  columns ??= getArticles().then((all) => groupColumns(all.map(({ data }) => data)));
  return columns;
}

/**
 * Every page of people and columns: the two indexes, each name's and
 * column's page and the pages of their years (src/data/dated-lists.ts
 * listPages), as the sitemap lists them.
 */
export async function getNamePaths(): Promise<string[]> {
  const pagesOf = (stories: readonly { date: string }[], entry: string, year: (y: number) => string): string[] =>
    listPages([...stories]).map((page) => (page.entry || page.year === null ? entry : year(page.year)));
  return [
    PEOPLE_PATH,
    ...(await getPeople()).flatMap(({ name, stories }) => pagesOf(stories, personPath(name), (y) => personYearPath(name, y))),
    COLUMNS_PATH,
    ...(await getColumns()).flatMap(({ name, stories }) => pagesOf(stories, columnPath(name), (y) => columnYearPath(name, y))),
  ];
}
