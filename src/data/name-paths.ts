/**
 * Paths of the pages of people and columns. They live under the reserved
 * top-level names /people/ and /columns/ (src/site/settings.ts), so
 * they never meet a paper's permanent links. The name itself is the path
 * segment: readable, and stable as long as the name is printed so.
 */
import { COLUMNS_PATH, PEOPLE_PATH } from '../site/settings.ts';

/**
 * Whether a name can be a page of its own: a path segment that needs no
 * care (no slash, no space, no mark a URL or a file name reads), as every
 * name of a Chinese byline or column label is.
 * @example isPageName('王玮丽') // true
 * @example isPageName('滨州日报/滨州网') // false
 */
export function isPageName(name: string): boolean {
  return /^[^\s/\\?#%<>"'.:*|]+$/u.test(name);
}

/** Link to a person's page, percent-encoded. @example personPath('王玮丽') // '/people/%E7%8E%8B%E7%8E%AE%E4%B8%BD/' */
export const personPath = (name: string): string => `${PEOPLE_PATH}${encodeURIComponent(name)}/`;

/** Link to a column's page, percent-encoded. @example columnPath('短评') // '/columns/%E7%9F%AD%E8%AF%84/' */
export const columnPath = (name: string): string => `${COLUMNS_PATH}${encodeURIComponent(name)}/`;

/** The indexes of people and columns, beside the paths under them. */
export { COLUMNS_PATH, PEOPLE_PATH } from '../site/settings.ts';

/** Link to one year of a person's stories, when they are split by year. @example personYearPath('王玮丽', 2024) // '/people/%E7%8E%8B%E7%8E%AE%E4%B8%BD/2024/' */
export const personYearPath = (name: string, year: number): string => `${personPath(name)}${year}/`;

/** Link to one year of a column's stories, when they are split by year. @example columnYearPath('短评', 2024) // '/columns/%E7%9F%AD%E8%AF%84/2024/' */
export const columnYearPath = (name: string, year: number): string => `${columnPath(name)}${year}/`;

/**
 * Link to a search for the stories a name signed or is credited in (the
 * search's 作者: prefix; a page's name holds no space, so it needs no quotes).
 * @example authorSearchPath('王玮丽') // '/search/?q=%E4%BD%9C%E8%80%85%3A%E7%8E%8B%E7%8E%AE%E4%B8%BD'
 */
export const authorSearchPath = (name: string): string => `/search/?q=${encodeURIComponent(`作者:${name}`)}`;
