/**
 * Search indexes one Pagefind record per printed page, not per story. Most
 * of what a first query downloads grows with the number of records in the
 * shards it asks (Pagefind's per-record metadata and filters) and most of the
 * time once loaded with the number of records it scores and sorts, so a page
 * of about five stories costs about a fifth. The page's record carries its
 * stories' search records; the browser checks each story on its own, so an
 * answer still lists stories.
 */
import { hideText, revealText } from './hidden-text.ts';
import type { SearchRecord } from '../shared/search-record.ts';

/** One printed page as search indexes it. */
export interface PageRecord {
  /** Site path of the raw page: the Pagefind record's url. */
  url: string;
  paper: string;
  /** Publication date, YYYY-MM-DD, shared by every story of the page. */
  date: string;
  /** The page's stories in print order. */
  stories: SearchRecord[];
}

/**
 * Groups stories into their printed pages, pages in order of their first
 * story, stories in their given order.
 * @example groupByPage(records).map((page) => page.stories.length) // [6, 4, …]
 */
export function groupByPage(records: Iterable<SearchRecord>): PageRecord[] {
  const pages = new Map<string, PageRecord>();
  for (const record of records) {
    const page = pages.get(record.source);
    if (page) page.stories.push(record);
    else pages.set(record.source, { url: record.source, paper: record.paper, date: record.date, stories: [record] });
  }
  return [...pages.values()];
}

/**
 * The page's stories as the meta value its Pagefind record carries, hidden
 * from Pagefind's indexing of meta.
 * @example readPageMeta(pageMeta(page.stories)) // page.stories
 */
export function pageMeta(stories: SearchRecord[]): string {
  return hideText(JSON.stringify(stories));
}

/** The stories a meta value written by pageMeta carries. */
export function readPageMeta(meta: string): SearchRecord[] {
  return JSON.parse(revealText(meta)) as SearchRecord[];
}
