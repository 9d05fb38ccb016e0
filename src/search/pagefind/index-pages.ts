/**
 * Build time only (Node): the index writer of the Pagefind adapter
 * (../shared/search-index.ts), which writes a Pagefind index of printed
 * pages. Each Pagefind record is one printed page (./page-record.ts): its
 * words are the union of its stories' trigram spellings of their folded
 * printed text (./tokens.ts), its filters every value its stories hold, and its
 * meta carries its stories' records for the browser to check each story and
 * mark matches, hidden from Pagefind's own indexing of meta (./hidden-text.ts).
 */
import { join } from 'node:path';
import { foldString } from '../../archive/fold-text.ts';
import { traditionalToSimplified } from '../../archive/fold-table.ts';
import { filterValuesOf } from '../shared/filters.ts';
import type { IndexWriter } from '../shared/search-index.ts';
import { SEARCH_FILES } from './bundle.ts';
import { groupByPage, pageMeta, type PageRecord } from './page-record.ts';
import { blockWords } from './tokens.ts';
import { keepShardWords } from './shard-words.ts';
import { writeIndex, type IndexRecord } from './write-index.ts';

type FoldTable = ReturnType<typeof traditionalToSimplified>;

/**
 * Stands in for the words of a page without printed text, since
 * Pagefind wants some content: it starts with a digit, so no query word
 * (letters only) can match it.
 */
const NO_WORDS = '0hub';

/**
 * The distinct words of a page's stories, sorted: a page holds a word once
 * however many of its stories print it, since the browser checks every story
 * of a candidate page anyway. Sorted, because Pagefind stores each word's
 * position and its index chunks list words in sorted order: positions that
 * rise with the words compress better than positions in print order, which
 * nothing reads.
 */
function pageWords(page: PageRecord, table: FoldTable): string {
  const words = new Set<string>();
  for (const story of page.stories) {
    for (const [, text] of story.blocks) for (const word of blockWords(foldString(text, table))) words.add(word);
  }
  return words.size > 0 ? [...words].sort().join(' ') : NO_WORDS;
}

/**
 * The page's Pagefind filters: every value of each search filter
 * (../shared/filters.ts) that its stories hold, so that a page is a
 * candidate for each, and the year of its date, which no search asks.
 * @example pageFilters(page) // { paper: ['ntrb'], year: ['2024'], kind: ['photo', 'story'] }
 */
export function pageFilters(page: Pick<PageRecord, 'date' | 'stories'>): Record<string, string[]> {
  return { ...filterValuesOf(page.stories), year: [page.date.slice(0, 4)] };
}

/** The Pagefind record of a printed page. */
function pageRecord(page: PageRecord, table: FoldTable): IndexRecord {
  return {
    url: page.url,
    content: pageWords(page, table),
    meta: { stories: pageMeta(page.stories) },
    filters: pageFilters(page),
    sort: { date: page.date },
  };
}

/**
 * Indexes printed pages into the folder `output` with Pagefind
 * (./write-index.ts). Pagefind's memory peaks while it builds and
 * writes the index, at about 2 MB per printed page (about 660 bytes per
 * distinct trigram of each page), about four times what adding the pages
 * took: what bounds the size of a shard.
 */
async function indexPages(pages: readonly PageRecord[], output: string): Promise<void> {
  const table = traditionalToSimplified();
  function* records(): Generator<IndexRecord> {
    for (const page of pages) yield pageRecord(page, table);
  }
  await writeIndex(records(), output);
}

/**
 * The Pagefind index of the built site `site`: each part's printed pages
 * in a folder of that name in its search folder (SEARCH_FILES). Each part is best written by a process of its own
 * (./write-index.ts). With `wordsDir`, the words of each part are kept there for the word maps (./shard-words.ts).
 * @example await pagefindWriter('dist').writePart('ntrb-2024h1', records)
 */
export function pagefindWriter(site: string, wordsDir?: string): IndexWriter {
  const folder = join(site, SEARCH_FILES.folder);
  return {
    writePart: async (part, records) => {
      await indexPages(groupByPage(records), join(folder, part));
      if (wordsDir) await keepShardWords(wordsDir, site, part);
    },
  };
}
