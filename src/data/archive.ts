/**
 * What src/pages/search/index.astro reads, by the modules that now hold it:
 * the query modules of the archive each do one thing (articles.ts,
 * editions.ts, paper-dates.ts …), and every other route imports them
 * directly. This file goes when the search page does too.
 */
export { getArticles } from './articles.ts';
export { getPapers } from './papers.ts';
export { getFoldPairs, getSearchShards } from './search-parts.ts';
