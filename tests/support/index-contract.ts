import { describe, expect, test } from 'vitest';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { queryTermSets } from '../../src/search/browser/run-search.ts';
import { columnName } from '../../src/data/column-name.ts';
import { storyNames } from '../../src/data/people.ts';
import { SEARCH_FILTERS, storyFits, type FilteredStory } from '../../src/search/shared/filters.ts';
import { foldTerms, matchStory } from '../../src/search/shared/match.ts';
import type { CandidateFilters, CandidateOrder } from '../../src/search/shared/search-index.ts';
import type { SearchRecord } from '../../src/search/shared/search-record.ts';
import { expectedUrls, SEARCH_QUERIES } from '../../src/tools/search-queries.ts';
import type { ApiArticle } from '../../src/tools/bulk-data.ts';

/**
 * The contract every search index (src/search/shared/search-index.ts) keeps,
 * run on the search's query table (src/tools/search-queries.ts) over an
 * archive whose every part was written into the index: for each query, the
 * stories it offers, checked against their printed text as the search does,
 * are exactly the answer the bulk data gives; filters, parts and order keep
 * their word. The in-memory index runs it in tests/unit/search-index.test.ts,
 * Pagefind's in tests/e2e/pagefind-contract.test.ts.
 */

/** Every candidate group's stories, as SearchIndex.find offers and loads them. */
export type FindAll = (
  termSets: string[][],
  filters: CandidateFilters,
  parts: string[],
  order: CandidateOrder,
) => Promise<SearchRecord[][]>;

/** An index to hold to the contract: how to ask it, its parts, and the bulk data of what they hold. */
export interface ContractSubject {
  findAll: FindAll;
  holders: (termSets: string[][], parts: string[]) => Promise<string[]>;
  parts: string[];
  articles: ApiArticle[];
}

const table = traditionalToSimplified();

/**
 * Declares the contract's tests for the index `subject()` gives once its
 * setup has run; `narrows: false` leaves out the test of its holders (an
 * index that names every part, or one whose holders another run tests).
 */
export function describeIndexContract(name: string, subject: () => ContractSubject, { narrows = true } = {}): void {
  const truth = (q: string): string[] => expectedUrls(subject().articles, q, table);
  /** The stories offered for a query, and the URLs of those of them the check keeps, sorted. */
  const ask = async (q: string, filters: CandidateFilters = {}, parts = subject().parts, order: CandidateOrder = 'score') => {
    const terms = foldTerms(q, table);
    const groups = await subject().findAll(queryTermSets(terms), filters, parts, order);
    const offered = groups.flat();
    const kept = offered.filter((record) => matchStory(record.blocks, terms, table) !== null);
    return { groups, offered, answer: kept.map((record) => record.url).sort() };
  };

  describe(`the search index contract: ${name}`, () => {
    test.each(SEARCH_QUERIES)('$q ($note): offers each story once, and every one that answers', async ({ q, expect: literal }) => {
      const { offered, answer } = await ask(q);
      expect(new Set(offered.map((record) => record.url)).size).toBe(offered.length);
      expect(answer).toEqual(truth(q));
      if (literal) {
        const urls = literal.map((slug) => subject().articles.find((article) => article.url.includes(`/${slug}/`))?.url);
        expect(answer).toEqual(urls.sort());
      }
    });

    test('each filter (paper, 版, 版名, kind, column, author) offers only groups holding a story of its value, and every story of it that answers', async () => {
      // The bulk data prints a column's label and the names of bylines and credits apart; search files a story under the column's name and its people's names.
      const articles = subject().articles.map((article) => ({
        ...article,
        columnName: columnName(article.column),
        authors: storyNames(article),
      }));
      const all = truth('南通');
      const asked = SEARCH_FILTERS.flatMap((filter) =>
        [...new Set(articles.flatMap((article) => filter.read(article)))].map((value): CandidateFilters => ({ [filter.id]: value })),
      );
      for (const { id } of SEARCH_FILTERS)
        expect(
          asked.some((filters) => id in filters),
          id,
        ).toBe(true);
      for (const filters of asked) {
        const { groups, answer } = await ask('南通', filters);
        const fits = (record: FilteredStory): boolean => storyFits(record, filters);
        for (const group of groups) expect(group.some(fits), JSON.stringify(filters)).toBe(true);
        const inFilter = new Set(articles.filter(fits).map((a) => a.url));
        expect(
          answer.filter((url) => inFilter.has(url)),
          JSON.stringify(filters),
        ).toEqual(all.filter((url) => inFilter.has(url)));
      }
    });

    test('each part answers for its own stories: the parts asked one by one answer what all answer together', async () => {
      const { parts } = subject();
      expect(parts.length).toBeGreaterThan(1);
      const each = await Promise.all(parts.map(async (part) => (await ask('南通', {}, [part])).answer));
      expect(each.flat().sort()).toEqual(truth('南通'));
      expect(each.every((answer) => answer.length > 0)).toBe(true);
      expect((await ask('南通', {}, [])).offered).toEqual([]);
    });

    test.runIf(narrows)('names as holders every part that answers a query of the table, and none for words no story holds', async () => {
      const { parts } = subject();
      let narrowed = 0;
      for (const { q } of SEARCH_QUERIES) {
        const sets = queryTermSets(foldTerms(q, table));
        const holders = await subject().holders(sets, parts);
        const answering: string[] = [];
        for (const part of parts) if ((await ask(q, {}, [part])).answer.length > 0) answering.push(part);
        expect(
          holders.filter((part) => answering.includes(part)),
          q,
        ).toEqual(answering);
        if (holders.length < parts.length) narrowed += 1;
      }
      expect(narrowed).toBeGreaterThan(0);
      for (const q of ['不存在的词语', '长江口 不存在的词语', '不存在的词语 | 没有这句话'])
        expect(await subject().holders(queryTermSets(foldTerms(q, table)), parts), q).toEqual([]);
      expect(await subject().holders([['南通']], parts)).toEqual(parts);
    });

    test('candidates come newest or oldest first when asked, and a set with no term finds nothing', async () => {
      for (const order of ['newest', 'oldest'] as const) {
        const { groups } = await ask('南通', {}, subject().parts, order);
        const dates = groups.map((group) => group[0]?.date ?? '');
        const sorted = [...dates].sort();
        expect(dates).toEqual(order === 'oldest' ? sorted : sorted.reverse());
      }
      expect(await subject().findAll([[]], {}, subject().parts, 'score')).toEqual([]);
    });
  });
}
