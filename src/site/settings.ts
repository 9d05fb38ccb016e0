/**
 * The site's settings, each written once: its language, the top-level names
 * its own pages take, and where the pages of people and columns live.
 *
 * This module imports nothing, so every layer may read it: the parser checks
 * paper ids against the reserved names, the pages write the language, the
 * search indexes under it. It sits in no layer of the flow (raw page → parser
 * → collection → query module → routes) and so turns none of it back.
 */

/** The language of the archive's text, as a BCP 47 tag (<html lang>, Atom's xml:lang, schema.org's inLanguage). */
export const LANGUAGE = 'zh-CN';

/** The language as the search files its records and the search page reads it from <html lang>: lower case. */
export const SEARCH_LANGUAGE = LANGUAGE.toLowerCase();

/** The language as OpenGraph writes a locale (og:locale). @example 'zh_CN' */
export const OG_LOCALE = LANGUAGE.replace('-', '_');

/** The top-level folder of the people pages. */
const PEOPLE = 'people';

/** The top-level folder of the column pages. */
const COLUMNS = 'columns';

/** The index of people. */
export const PEOPLE_PATH = `/${PEOPLE}/`;

/** The index of columns. */
export const COLUMNS_PATH = `/${COLUMNS}/`;

/**
 * Names the site's own pages and files take at its top level (/search/,
 * /pagefind/, /api/ …), and names kept for pages to come (a calendar, topics):
 * a paper id is the first part of every link of the paper, so it may be none
 * of them. tests/unit/hostile-archive.test.ts checks that every top-level
 * route in src/pages is here.
 */
export const RESERVED_TOP_LEVEL: ReadonlySet<string> = new Set([
  // Routes and files of the site today.
  'api',
  'search',
  'sitemaps',
  'sitemap',
  'robots',
  'pagefind',
  '_astro',
  '404',
  'index',
  'favicon',
  PEOPLE,
  COLUMNS,
  // The parse review, on the dev server only (src/review/).
  'review',
  // Kept for what readers of an archive expect next.
  'person',
  'column',
  'calendar',
  'papers',
  'paper',
  'about',
  'help',
  'feeds',
  'feed',
  'assets',
  'static',
  'source',
  'sources',
  'topics',
  'tags',
  'authors',
  'dates',
  'years',
  'browse',
  'random',
  'admin',
  'login',
]);
