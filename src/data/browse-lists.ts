import { getArticles } from './archive.ts';
import { groupColumns, type Column } from './columns.ts';
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
