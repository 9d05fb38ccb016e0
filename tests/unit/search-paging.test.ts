import { describe, expect, test } from 'vitest';
import { traditionalToSimplified } from '../../src/search/fold-table.ts';
import type { Candidates, findCandidates } from '../../src/search/pagefind-candidates.ts';
import { PAGE_SIZE, queryWords, startSearch, VERIFY_ALL } from '../../src/search/run-search.ts';
import type { SearchRecord } from '../../src/search/search-record.ts';
import { readState } from '../../src/search/search-state.ts';
import { selectShards, shardOf, shardsOf } from '../../src/search/shards.ts';
import { termWords } from '../../src/search/tokens.ts';

const table = traditionalToSimplified();

/** A story whose only paragraph is `text`, dated by its number. */
function story(number: number, text: string): SearchRecord {
  const date = `2024-01-${String((number % 28) + 1).padStart(2, '0')}`;
  return { url: `/p/${number}/`, paper: 'ntrb', paperName: '南通日报', date, kind: 'story', title: `第${number}篇`, blocks: [['paragraph', text, '']] };
}

/**
 * Candidates as Pagefind would offer them for 长江口: every story holding the
 * bigrams, including those that hold 长江 and 江口 apart (which must be dropped).
 * Counts how many records were read.
 */
function fakeFind(records: SearchRecord[]): { find: typeof findCandidates; read: () => number; asked: () => string[][] } {
  let read = 0;
  const asked: string[][] = [];
  const find: typeof findCandidates = (words, _filters, shards) => {
    asked.push(shards.slice());
    const candidates: Candidates = {
      count: records.length,
      records: (start, end) => {
        read += Math.max(0, Math.min(end, records.length) - start);
        return Promise.resolve(records.slice(start, end));
      },
    };
    return Promise.resolve(words.length > 0 ? candidates : { count: 0, records: () => Promise.resolve([]) });
  };
  return { find, read: () => read, asked: () => asked };
}

/** 3 candidates in 4 hold the term; the others only its bigrams, apart. */
const many = (count: number): SearchRecord[] =>
  Array.from({ length: count }, (_, n) => story(n, n % 4 === 3 ? '长江与江口' : `潮起长江口第${n}回`));

const shards = shardsOf([{ paper: 'ntrb', date: '2024-01-24' }]);

describe('startSearch', () => {
  test('checks every candidate at once when there are few, so the count is exact', async () => {
    const records = many(VERIFY_ALL);
    const fake = fakeFind(records);
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, fake.find);
    expect(search.progress.done).toBe(true);
    expect(search.progress.hits).toHaveLength((VERIFY_ALL * 3) / 4);
    expect(fake.read()).toBe(VERIFY_ALL);
  });

  test('checks a large answer a page at a time and never shows a story without the term', async () => {
    const records = many(VERIFY_ALL * 3);
    const fake = fakeFind(records);
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, fake.find);
    expect(search.progress.done).toBe(false);
    expect(search.progress.hits.length).toBeGreaterThanOrEqual(PAGE_SIZE);
    expect(search.progress.hits.length).toBeLessThan(PAGE_SIZE + 10);
    expect(fake.read()).toBeLessThan(PAGE_SIZE * 2);
    let progress = search.progress;
    while (!progress.done) progress = await search.more();
    expect(progress.hits).toHaveLength((VERIFY_ALL * 3 * 3) / 4);
    expect(progress.hits.every(({ record }) => record.blocks[0]?.[1].includes('长江口'))).toBe(true);
    expect(new Set(progress.hits.map(({ record }) => record.url)).size).toBe(progress.hits.length);
    expect(progress.checked).toBe(records.length);
  });

  test('asks only the shards of the chosen paper and years', async () => {
    const all = shardsOf([
      { paper: 'jhwb', date: '2024-03-01' },
      { paper: 'jhwb', date: '2025-02-06' },
      { paper: 'ntrb', date: '2024-01-24' },
    ]);
    const fake = fakeFind([]);
    await startSearch(readState('?q=长江&paper=jhwb&from=2025'), ['长江'], table, all, fake.find);
    await startSearch(readState('?q=长江&to=2024'), ['长江'], table, all, fake.find);
    expect(fake.asked()).toEqual([['jhwb-2025'], ['jhwb-2024', 'ntrb-2024']]);
  });
});

describe('shards', () => {
  test('file a story by paper and year', () => {
    expect(shardOf({ paper: 'jhwb', date: '2025-02-06' })).toEqual({ id: 'jhwb-2025', paper: 'jhwb', year: '2025' });
    expect(selectShards(shardsOf([{ paper: 'a', date: '2020-01-01' }]), { paper: 'b', from: '', to: '' })).toEqual([]);
  });
});

describe('queryWords', () => {
  test('asks for every bigram of a short term and at most four of a long one, first and last included', () => {
    expect(queryWords(['长江口'])).toEqual(termWords('长江口'));
    const long = termWords('一中心一基地一枢纽');
    const asked = queryWords(['一中心一基地一枢纽']);
    expect(asked.length).toBeLessThanOrEqual(4);
    expect(asked[0]).toBe(long[0]);
    expect(asked.at(-1)).toBe(long.at(-1));
  });
});
