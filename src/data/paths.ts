import { pageSegment, readsAsPageSegment } from '../archive/page-address.ts';

/**
 * Site-relative paths of the archive's browsing pages. Story permalinks are
 * never built here: they come from `data.url` only.
 */

/** Path of a paper's page. @example paperPath('ntrb') // '/ntrb/' */
export const paperPath = (paper: string): string => `/${paper}/`;

/** Path of an edition. @example editionPath('ntrb', '2024-01-24') // '/ntrb/2024-01-24/' */
export const editionPath = (paper: string, date: string): string => `/${paper}/${date}/`;

/**
 * Path of a printed page (版) of an edition: its label, or page-N when it
 * prints none (see src/archive/page-address.ts).
 * @example printedPagePath('ntrb', '2024-01-24', 'A2', 1) // '/ntrb/2024-01-24/A2/'
 */
export const printedPagePath = (paper: string, date: string, page: string | null, pageIndex: number): string =>
  `/${paper}/${date}/${pageSegment(page, pageIndex)}/`;

/** The file name without .txt. @example fileStem('004_ca8f.txt') // '004_ca8f' */
export const fileStem = (file: string): string => file.replace(/\.txt$/u, '');

/** The folder of an edition that holds its raw-page views. */
const SOURCE_FOLDER = 'source';

/**
 * Whether a folder of an edition's output holds a story's page: not the
 * raw-page views (source/) nor a 版's page (A2/, page-1/).
 * @example holdsStoryPage('chao-qi-chang-jiang-kou') // true
 * @example holdsStoryPage('A2') // false
 */
export const holdsStoryPage = (folder: string): boolean => folder !== SOURCE_FOLDER && !readsAsPageSegment(folder);

/** Path of the raw page view. @example sourcePath('ntrb', '2024-01-24', '004_ca8f.txt') // '/ntrb/2024-01-24/source/004_ca8f/' */
export const sourcePath = (paper: string, date: string, file: string): string => `/${paper}/${date}/${SOURCE_FOLDER}/${fileStem(file)}/`;

/** Path of the raw page bytes. @example sourceTextPath('ntrb', '2024-01-24', '004_ca8f.txt') // '/ntrb/2024-01-24/source/004_ca8f.txt' */
export const sourceTextPath = (paper: string, date: string, file: string): string =>
  `/${paper}/${date}/${SOURCE_FOLDER}/${fileStem(file)}.txt`;

/** Last segment of an item id, used as its anchor on the raw page view. @example itemSlug('ntrb/2024-01-24/chao-qi') // 'chao-qi' */
export const itemSlug = (id: string): string => id.split('/').at(-1) ?? id;

/**
 * Label of a page: 版次 as printed, with its 版名 when known; empty when
 * neither is known, so that callers leave the page out rather than name it.
 * @example pageLabel('A2', '看南通') // 'A2版 看南通'
 * @example pageLabel(null) // ''
 */
export const pageLabel = (page: string | null, name: string | null = null): string =>
  page === null ? (name ?? '') : name ? `${page}版 ${name}` : `${page}版`;

/** Path of a paper's calendar of one year. @example yearPath('ntrb', 2024) // '/ntrb/2024/' */
export const yearPath = (paper: string, year: number | string): string => `/${paper}/${year}/`;

/** A date as 2024年1月24日. @example longDate('2024-01-24') // '2024年1月24日' */
export const longDate = (date: string): string =>
  `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** An absolute URL on the site. */
export const absoluteUrl = (path: string, site: URL | undefined): string => new URL(path, site ?? 'http://localhost:4321').href;

/** Path of a paper's Atom feed. @example feedPath('ntrb') // '/ntrb/feed.xml' */
export const feedPath = (paper: string): string => `/${paper}/feed.xml`;

/** A part of the bulk data (one paper, one year). */
export const articlePartPath = (part: string): string => `/api/articles/${part}.json`;

/**
 * The sitemap part of the people and column pages. No paper-year part can
 * be named so: a part of a paper is `<paper>-<year>`, and `names` has no year.
 */
export const NAMES_PART = 'names';

/** A part of the sitemap (one paper, one year). */
export const sitemapPartPath = (part: string): string => `/sitemaps/${part}.xml`;

/** The editions of one month and day in every year (历史上的今天). @example thisDayPath('01-24') // '/api/this-day/01-24.json' */
export const thisDayPath = (day: string): string => `/api/this-day/${day}.json`;
