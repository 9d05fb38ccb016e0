/**
 * The search index as the rest of the site sees it: the build writes the
 * records of each part (a shard of src/data/partitions.ts) into it, and the
 * browser asks it which groups of stories (printed pages) of some parts may
 * answer a query, then loads the stories of those it reads. The index only
 * narrows: every story it offers is checked against its printed text
 * (./match.ts), so an index may offer more than answers, never fewer.
 *
 * Pagefind (src/search/pagefind/) is the site's one implementation; an
 * in-memory one (src/search/memory/) runs the same contract in the unit tests.
 */
import type { FilterValues } from './filters.ts';
import type { SearchRecord } from './search-record.ts';

/**
 * What a search asks of the index besides terms, each filter (./filters.ts)
 * when chosen: only groups holding a story of that value (of this paper, of
 * this kind).
 */
export type CandidateFilters = Partial<FilterValues>;

/** How candidates come: best match first, or by date. */
export type CandidateOrder = 'score' | 'newest' | 'oldest';

/** The candidate groups of one query, in order; their stories are loaded on demand. */
export interface Candidates {
  /** How many groups may hold the query. */
  count: number;
  /** The stories of candidate groups [start, end), group by group. */
  pages: (start: number, end: number) => Promise<SearchRecord[][]>;
}

/** The browser's side of the index. */
export interface SearchIndex {
  /**
   * The groups of the given parts holding every term of some set (each a
   * folded term, ./match.ts), a group found by several sets once, in the
   * order asked. Sets with no term are ignored.
   * @example (await index.find([['长江口']], {}, ['ntrb-2024h1'], 'score')).count // pages that may hold 长江口
   */
  find: (
    termSets: readonly (readonly string[])[],
    filters: CandidateFilters,
    parts: readonly string[],
    order: CandidateOrder,
  ) => Promise<Candidates>;
  /**
   * The parts, of those given and in their order, that may hold every term
   * of some set (sets as find takes them): a part left out offers nothing
   * for them, so a search need not ask it. Cheaper than asking each part.
   * @example await index.holders([['不存在的词语']], ['ntrb-2024h1', 'recent-2025-02']) // []
   */
  holders: (termSets: readonly (readonly string[])[], parts: readonly string[]) => Promise<string[]>;
  /**
   * The candidates find would give (with no filter), when the index can
   * tell them at less cost than asking each part: when every set holds a
   * term printed on few pages, whose pages it lists. Null when it cannot.
   * @example await index.listed([['许昆林']], ['ntrb-2024h1'], 'score') // the two pages printing 许昆林, or null
   */
  listed: (termSets: readonly (readonly string[])[], parts: readonly string[], order: CandidateOrder) => Promise<Candidates | null>;
}

/** The build's side of the index. */
export interface IndexWriter {
  /** Writes the index of one part's records. */
  writePart: (part: string, records: readonly SearchRecord[]) => Promise<void>;
}
