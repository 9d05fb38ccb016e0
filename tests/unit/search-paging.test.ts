import { describe, expect, test } from 'vitest';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { distinctResults, mergeByDate, wordSets } from '../../src/search/pagefind/candidates.ts';
import type { CandidateFilters, Candidates, SearchIndex } from '../../src/search/shared/search-index.ts';
import {
  filling,
  MAX_READ,
  MAX_SHARDS,
  PAGE_SIZE,
  queryTermSets,
  startSearch,
  type SearchProgress,
  type SpanProgress,
} from '../../src/search/browser/run-search.ts';
import { answerLabel, answerSize, countLabel, spanDays, spanLabel, timelineBars } from '../../src/search/browser/timeline.ts';
import type { SearchRecord } from '../../src/search/shared/search-record.ts';
import { readState } from '../../src/search/browser/search-state.ts';
import {
  groupByShard,
  halfYearOf,
  halfYearParts,
  searchShardFor,
  selectShards,
  SHARD_STORIES,
  shardOf,
  shardsOf,
} from '../../src/data/partitions.ts';
import { describeProgress, spanOf } from '../../src/search/browser/status-line.ts';
import { termWords } from '../../src/search/pagefind/tokens.ts';
import { parseQuery } from '../../src/search/shared/query.ts';

const table = traditionalToSimplified();

/** A story whose only paragraph is `text`, dated by its number, printed on page `page`. */
function story(number: number, text: string, page = number): SearchRecord {
  const date = `2024-01-${String((number % 28) + 1).padStart(2, '0')}`;
  const source = `/ntrb/${date}/source/${page}/`;
  return {
    url: `/p/${number}/`,
    paper: 'ntrb',
    paperName: '南通日报',
    date,
    page: String(page),
    pageName: null,
    kind: 'story',
    columnName: null,
    authors: [],
    title: `第${number}篇`,
    blocks: [['paragraph', text, '']],
    source,
  };
}

/** Stories printed `perPage` to a page, in order. */
function onPages(stories: SearchRecord[], perPage: number): SearchRecord[][] {
  const pages: SearchRecord[][] = [];
  for (let start = 0; start < stories.length; start += perPage) pages.push(stories.slice(start, start + perPage));
  return pages;
}

/**
 * Candidate pages as Pagefind would offer them for 长江口: every page holding
 * the index words, including pages whose stories hold 长江 and 江口 apart (which
 * must be dropped). Counts how many pages were read.
 */
function fakeIndex(pages: SearchRecord[][]): { index: SearchIndex; read: () => number; asked: () => string[][] } {
  let read = 0;
  const asked: string[][] = [];
  const find: SearchIndex['find'] = (terms, _filters, parts) => {
    asked.push([...parts]);
    const candidates: Candidates = {
      count: pages.length,
      pages: (start, end) => {
        read += Math.max(0, Math.min(end, pages.length) - start);
        return Promise.resolve(pages.slice(start, end));
      },
    };
    return Promise.resolve(terms.length > 0 ? candidates : { count: 0, pages: () => Promise.resolve([]) });
  };
  return { index: { find, holders: anyPart, listed: noList }, read: () => read, asked: () => asked };
}

/** The answer of an index without a word map: any part may hold anything. */
const anyPart: SearchIndex['holders'] = (_sets, parts) => Promise.resolve([...parts]);
/** The answer of an index that lists no pages apart. */
const noList: SearchIndex['listed'] = () => Promise.resolve(null);

/** 3 stories in 4 hold the term; the others only its parts, apart. */
const many = (count: number): SearchRecord[] =>
  Array.from({ length: count }, (_, n) => story(n, n % 4 === 3 ? '长江与江口' : `潮起长江口第${n}回`));

const shards = shardsOf([{ paper: 'ntrb', date: '2024-01-24' }]);

describe('startSearch', () => {
  test('answers completely, ranked headline hits first, when the answer fits in one page of results', async () => {
    const records = [
      ...many(8),
      {
        ...story(99, '潮起'),
        blocks: [
          ['headline', '长江口潮起', ''],
          ['paragraph', '正文', ''],
        ],
      } as SearchRecord,
    ];
    const fake = fakeIndex(onPages(records, 5));
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, fake.index);
    expect(search.progress.done).toBe(true);
    expect(search.progress.hits).toHaveLength(7);
    expect(search.progress.hits[0]?.record.url).toBe('/p/99/');
    expect(fake.read()).toBe(2);
    expect(search.progress).toMatchObject({ candidates: 2, checkedPages: 2, checked: 9 });
  });

  test('checks every story of a candidate page on its own, and only those of the chosen kind', async () => {
    const photo: SearchRecord = { ...story(3, '长江口的照片', 1), kind: 'photo' };
    const page = [story(1, '长江口', 1), story(2, '长江与江口', 1), photo];
    const all = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, fakeIndex([page]).index);
    expect(all.progress.hits.map(({ record }) => record.url).sort()).toEqual(['/p/1/', '/p/3/']);
    const photos = await startSearch(readState('?q=长江口&kind=photo'), ['长江口'], table, shards, fakeIndex([page]).index);
    expect(photos.progress.hits.map(({ record }) => record.url)).toEqual(['/p/3/']);
    expect(photos.progress).toMatchObject({ checkedPages: 1, checked: 1, done: true });
  });

  test('asks one period at a time, newest first, until a page of results is full', async () => {
    const years = shardsOf(
      ['2022', '2023', '2024'].flatMap((year) => [
        { paper: 'jhwb', date: `${year}-05-01` },
        { paper: 'ntrb', date: `${year}-05-01` },
      ]),
    );
    const full = fakeIndex(onPages(many(40), 5));
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, years, full.index);
    expect(full.asked()).toEqual([['jhwb-2024', 'ntrb-2024']]);
    expect(search.progress).toMatchObject({ periodsLeft: ['2022', '2023'], done: false });
    const sparse = fakeIndex(onPages(many(3), 5));
    const all = await startSearch(readState('?q=长江口&sort=oldest&paper=ntrb'), ['长江口'], table, years, sparse.index);
    expect(sparse.asked()).toEqual([['ntrb-2022'], ['ntrb-2023'], ['ntrb-2024']]);
    expect(all.progress).toMatchObject({ periodsLeft: [], done: true });
    expect(all.progress.hits).toHaveLength(9);
  });

  test('asks at most MAX_SHARDS shards per step, whole years at a time, and says how many years are left', async () => {
    const papers = ['hmrb', 'jhwb', 'ntrb'].slice(0, MAX_SHARDS - 1);
    const years = shardsOf(['2022', '2023', '2024'].flatMap((year) => papers.map((paper) => ({ paper, date: `${year}-05-01` }))));
    const none = fakeIndex([]);
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, years, none.index);
    expect(none.asked()).toEqual([papers.map((paper) => `${paper}-2024`)]);
    expect(search.progress).toMatchObject({ hits: [], periodsLeft: ['2022', '2023'], done: false });
    let progress = search.progress;
    while (!progress.done) progress = await search.more();
    expect(none.asked()).toHaveLength(3);
  });

  test('checks a large answer a page of results at a time and never shows a story without the term', async () => {
    const records = many(600);
    const fake = fakeIndex(onPages(records, 5));
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, fake.index);
    expect(search.progress.done).toBe(false);
    expect(search.progress.hits.length).toBeGreaterThanOrEqual(PAGE_SIZE);
    expect(search.progress.periodsLeft).toEqual([]);
    expect(fake.read()).toBeLessThanOrEqual(MAX_READ);
    let progress = search.progress;
    while (!progress.done) progress = await search.more();
    expect(progress.hits).toHaveLength(450);
    expect(progress.hits.every(({ record }) => record.blocks[0]?.[1].includes('长江口'))).toBe(true);
    expect(new Set(progress.hits.map(({ record }) => record.url)).size).toBe(progress.hits.length);
    expect(progress).toMatchObject({ checked: records.length, checkedPages: 120 });
  });

  test('reads fewer pages the more results each holds', async () => {
    const rich = fakeIndex(onPages(many(600), 6));
    await startSearch(readState('?q=长江口'), ['长江口'], table, shards, rich.index);
    const poor = fakeIndex(
      onPages(
        Array.from({ length: 600 }, (_, n) => story(n, n % 6 === 0 ? '长江口' : '长江与江口')),
        6,
      ),
    );
    await startSearch(readState('?q=长江口'), ['长江口'], table, shards, poor.index);
    expect(rich.read()).toBeLessThan(poor.read());
  });

  test('reads at most MAX_READ candidate pages per step when few of their stories hold the term', async () => {
    const records = Array.from({ length: 200 }, (_, n) => story(n, n === 180 ? '长江口' : '长江与江口'));
    const fake = fakeIndex(onPages(records, 5));
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, fake.index);
    expect(fake.read()).toBe(MAX_READ);
    expect(search.progress).toMatchObject({ hits: [], checkedPages: MAX_READ, checked: MAX_READ * 5, settled: 0, done: false });
    expect(filling(search.progress)).toBe(true);
    let progress = search.progress;
    while (filling(progress)) progress = await search.more();
    expect(progress).toMatchObject({ done: true, settled: 0 });
    expect(progress.hits.map(({ record }) => record.url)).toEqual(['/p/180/']);
  });

  test('fills a page of results step by step, ranking it anew after each step, and never moves a full page', async () => {
    // One story in 25 holds the term, one in 50 in its headline: a step of MAX_READ pages finds a few.
    const records = Array.from({ length: 1000 }, (_, n) =>
      n % 50 === 0
        ? ({
            ...story(n, '正文'),
            blocks: [
              ['headline', '潮起长江口', ''],
              ['paragraph', '正文', ''],
            ],
          } as SearchRecord)
        : story(n, n % 25 === 0 ? '长江口' : '长江与江口'),
    );
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, fakeIndex(onPages(records, 5)).index);
    let progress = search.progress;
    expect(progress.hits.length).toBeLessThan(PAGE_SIZE);
    let steps = 1;
    while (filling(progress)) {
      progress = await search.more();
      steps += 1;
    }
    expect(steps).toBeGreaterThan(1);
    expect(progress).toMatchObject({ settled: 0, done: false });
    const first = progress.hits.map(({ record }) => record.url);
    expect(first.length).toBeGreaterThanOrEqual(PAGE_SIZE);
    // Ranked as one page: every headline hit before every body hit.
    const headings = progress.hits.map(({ match }) => match.headingTerms);
    expect(headings).toEqual([...headings].sort((a, b) => b - a));
    expect(headings[0]).toBe(1);
    const next = await search.more();
    expect(next.settled).toBe(first.length);
    expect(next.hits.slice(0, first.length).map(({ record }) => record.url)).toEqual(first);
  });

  test('asks only the shards of the chosen paper and years', async () => {
    const all = shardsOf([
      { paper: 'jhwb', date: '2024-03-01' },
      { paper: 'jhwb', date: '2025-02-06' },
      { paper: 'ntrb', date: '2024-01-24' },
    ]);
    const fake = fakeIndex([]);
    await startSearch(readState('?q=长江&paper=jhwb&from=2025'), ['长江'], table, all, fake.index);
    await startSearch(readState('?q=长江&to=2024'), ['长江'], table, all, fake.index);
    expect(fake.asked()).toEqual([['jhwb-2025'], ['jhwb-2024', 'ntrb-2024']]);
  });

  test('asks each recent month as a period of its own, newest first or after the half-years, filtered by paper in it when one paper is chosen', async () => {
    const stories = [
      { paper: 'jhwb', date: '2024-12-30' },
      { paper: 'jhwb', date: '2025-01-31' },
      { paper: 'jhwb', date: '2025-02-06' },
      { paper: 'ntrb', date: '2025-02-01' },
    ];
    const all = shardsOf(stories, searchShardFor(stories));
    const seen: CandidateFilters[] = [];
    const fake = fakeIndex([]);
    const find: SearchIndex['find'] = (terms, filters, parts, order) => {
      seen.push(filters);
      return fake.index.find(terms, filters, parts, order);
    };
    await startSearch(readState('?q=长江&paper=ntrb'), ['长江'], table, all, { find, holders: anyPart, listed: noList });
    await startSearch(readState('?q=长江&paper=jhwb&sort=oldest'), ['长江'], table, all, { find, holders: anyPart, listed: noList });
    expect(fake.asked()).toEqual([['recent-2025-02'], ['recent-2025-01'], ['jhwb-2024h2'], ['recent-2025-01'], ['recent-2025-02']]);
    expect(seen).toEqual([{ paper: 'ntrb' }, { paper: 'ntrb' }, {}, { paper: 'jhwb' }, { paper: 'jhwb' }]);
  });

  test('fills a first page of a common word from the newest month alone, and only a rarer one asks the months and half-years before', async () => {
    const stories = [
      { paper: 'jhwb', date: '2024-11-11' },
      { paper: 'ntrb', date: '2024-12-20' },
      { paper: 'jhwb', date: '2025-01-31' },
      { paper: 'jhwb', date: '2025-02-06' },
    ];
    const shards = shardsOf(stories, searchShardFor(stories));
    const common = fakeIndex(onPages(many(16), 4));
    await startSearch(readState('?q=长江口'), ['长江口'], table, shards, common.index);
    expect(common.asked()).toEqual([['recent-2025-02']]);
    const rare = fakeIndex(onPages(many(2), 4));
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, rare.index);
    expect(rare.asked()).toEqual([['recent-2025-02'], ['recent-2025-01']]);
    await search.more();
    expect(rare.asked().at(-1)).toEqual(['jhwb-2024h2', 'ntrb-2024h2']);
    expect(search.progress.spans.map(({ period }) => period)).toEqual(['2025-1-02', '2025-1-01', '2024-2']);
  });

  test('asks the parts of a large paper’s half-year together, as one period, beside the smaller papers’ half-years', async () => {
    // A daily of sixteen pages or more: more than SHARD_STORIES stories from July to December 2024.
    const perMonth = Math.ceil(SHARD_STORIES / 4);
    const large = ['07', '08', '09', '10', '11', '12'].flatMap((month) =>
      Array.from({ length: perMonth }, (_, i) => ({ paper: 'rmrb', date: `2024-${month}-${String((i % 28) + 1).padStart(2, '0')}` })),
    );
    const stories = [...large, { paper: 'jhwb', date: '2024-11-11' }, { paper: 'jhwb', date: '2025-02-06' }];
    const shards = shardsOf(stories, searchShardFor(stories));
    expect(shards.map((shard) => [shard.id, shard.period])).toEqual([
      ['jhwb-2024h2', '2024-2'],
      ['recent-2025-02', '2025-1-02'],
      ['rmrb-2024h2-07', '2024-2'],
      ['rmrb-2024h2-11', '2024-2'],
    ]);
    const rare = fakeIndex(onPages(many(2), 4));
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, shards, rare.index);
    await search.more();
    expect(rare.asked()).toEqual([['recent-2025-02'], ['jhwb-2024h2', 'rmrb-2024h2-07', 'rmrb-2024h2-11']]);
  });

  test('surveys every period without reading a page, then reads a word found only in the oldest', async () => {
    const years = shardsOf(['2021', '2022', '2023', '2024', '2025'].map((year) => ({ paper: 'ntrb', date: `${year}-05-01` })));
    const oldest = onPages(many(8), 4);
    let read = 0;
    const asked: string[] = [];
    const find: SearchIndex['find'] = (_terms, _filters, ids) => {
      asked.push(...ids);
      const pages = ids.includes('ntrb-2021') ? oldest : [];
      return Promise.resolve({
        count: pages.length,
        pages: (start, end) => {
          read += Math.max(0, Math.min(end, pages.length) - start);
          return Promise.resolve(pages.slice(start, end));
        },
      });
    };
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, years, { find, holders: anyPart, listed: noList });
    expect(asked).toEqual(['ntrb-2025', 'ntrb-2024', 'ntrb-2023']);
    expect(search.progress).toMatchObject({ hits: [], periodsLeft: ['2021', '2022'] });
    await search.survey();
    const surveyed = await search.survey();
    expect(read).toBe(0);
    expect(surveyed).toMatchObject({ periodsLeft: [], candidates: 2, checkedPages: 0, done: false });
    expect(surveyed.spans.map((span) => [span.period, span.candidates])).toEqual([
      ['2025', 0],
      ['2024', 0],
      ['2023', 0],
      ['2022', 0],
      ['2021', 2],
    ]);
    const listed = await search.more();
    expect(listed.done).toBe(true);
    expect(listed.hits).toHaveLength(6);
    expect(read).toBe(2);
    expect((await search.survey()).spans).toHaveLength(5);
  });

  test("asks after the newest period only the shards the index's word map says may hold the query, all in the first step", async () => {
    const years = shardsOf(['2021', '2022', '2023', '2024', '2025'].map((year) => ({ paper: 'ntrb', date: `${year}-05-01` })));
    const oldest = onPages(many(8), 4);
    const asked: string[] = [];
    const mapAsked: string[][] = [];
    const index: SearchIndex = {
      find: (_terms, _filters, ids) => {
        asked.push(...ids);
        const pages = ids.includes('ntrb-2021') ? oldest : [];
        return Promise.resolve({ count: pages.length, pages: (start, end) => Promise.resolve(pages.slice(start, end)) });
      },
      holders: (_sets, ids) => {
        mapAsked.push([...ids]);
        return Promise.resolve(ids.filter((id) => id === 'ntrb-2021'));
      },
      listed: noList,
    };
    const search = await startSearch(readState('?q=长江口'), ['长江口'], table, years, index);
    expect(asked).toEqual(['ntrb-2025', 'ntrb-2021']);
    expect(mapAsked).toEqual([['ntrb-2024', 'ntrb-2023', 'ntrb-2022', 'ntrb-2021']]);
    expect(search.progress).toMatchObject({ done: true, periodsLeft: [], candidates: 2 });
    expect(search.progress.hits).toHaveLength(6);
    expect(search.progress.spans.map((span) => [span.period, span.candidates])).toEqual([
      ['2025', 0],
      ['2024', 0],
      ['2023', 0],
      ['2022', 0],
      ['2021', 2],
    ]);

    // With the word's pages listed, the old shard's own index is not asked either.
    asked.length = 0;
    const listedAsked: string[][] = [];
    const listing: SearchIndex = {
      ...index,
      listed: (_sets, ids) => {
        listedAsked.push([...ids]);
        return Promise.resolve({ count: oldest.length, pages: (start, end) => Promise.resolve(oldest.slice(start, end)) });
      },
    };
    const fromLists = await startSearch(readState('?q=长江口'), ['长江口'], table, years, listing);
    expect(asked).toEqual(['ntrb-2025']);
    expect(listedAsked).toEqual([['ntrb-2021']]);
    expect(fromLists.progress.hits).toHaveLength(6);

    const nowhere: SearchIndex = { ...index, holders: () => Promise.resolve([]) };
    asked.length = 0;
    const none = await startSearch(readState('?q=不存在的词语'), ['不存在的词语'], table, years, nowhere);
    expect(asked).toEqual(['ntrb-2025']);
    expect(none.progress).toMatchObject({ done: true, hits: [], candidates: 0 });
  });

  test('leaves out stories outside the chosen days, and periods wholly outside them', async () => {
    const years = shardsOf(['2023', '2024'].map((year) => ({ paper: 'ntrb', date: `${year}-05-01` })));
    const fake = fakeIndex(onPages(many(8), 4));
    // story(n) is dated 2024-01-(n % 28 + 1).
    const search = await startSearch(readState('?q=长江口&from=2024-01-03&to=2024-01-05'), ['长江口'], table, years, fake.index);
    expect(fake.asked()).toEqual([['ntrb-2024']]);
    expect(search.progress.hits.map(({ record }) => record.date).sort()).toEqual(['2024-01-03', '2024-01-05']);
  });
});

describe('shards', () => {
  test('file a story by paper and year', () => {
    expect(shardOf({ paper: 'jhwb', date: '2025-02-06' })).toEqual({ id: 'jhwb-2025', paper: 'jhwb', year: '2025', period: '2025' });
    expect(selectShards(shardsOf([{ paper: 'a', date: '2020-01-01' }]), { paper: 'b', from: '', to: '' })).toEqual([]);
  });

  test("file each month of the archive's newest half-year, over every paper, in a recent shard and the rest by paper and half-year", () => {
    const stories = [
      { paper: 'jhwb', date: '2025-01-31' },
      { paper: 'ntrb', date: '2025-02-01' },
      { paper: 'jhwb', date: '2025-02-06' },
      { paper: 'ntrb', date: '2024-02-06' },
      { paper: 'ntrb', date: '2024-07-01' },
    ];
    const groups = groupByShard(stories, (story) => story, searchShardFor(stories));
    expect(groups.map(({ shard, items }) => [shard, items.map(({ date }) => date)])).toEqual([
      [{ id: 'ntrb-2024h1', paper: 'ntrb', year: '2024', period: '2024-1' }, ['2024-02-06']],
      [{ id: 'ntrb-2024h2', paper: 'ntrb', year: '2024', period: '2024-2' }, ['2024-07-01']],
      [{ id: 'recent-2025-01', paper: '', year: '2025', period: '2025-1-01' }, ['2025-01-31']],
      [{ id: 'recent-2025-02', paper: '', year: '2025', period: '2025-1-02' }, ['2025-02-01', '2025-02-06']],
    ]);
    // Every paper's search reads the recent shards; a paper's half-year shard only that paper's.
    expect(selectShards(shardsOf(stories, searchShardFor(stories)), { paper: 'ntrb', from: '2025', to: '' }).map(({ id }) => id)).toEqual([
      'recent-2025-01',
      'recent-2025-02',
    ]);
    // A story of a new month starts a shard of its own; the months before stay as they were.
    const later = [...stories, { paper: 'ntrb', date: '2025-03-01' }];
    expect(shardsOf(later, searchShardFor(later)).map(({ id }) => id)).toEqual([
      'ntrb-2024h1',
      'ntrb-2024h2',
      'recent-2025-01',
      'recent-2025-02',
      'recent-2025-03',
    ]);
    // A story of a new half-year puts the half-year before into its papers' shards.
    const nextHalf = [...later, { paper: 'jhwb', date: '2025-07-01' }];
    expect(shardsOf(nextHalf, searchShardFor(nextHalf)).map(({ id }) => id)).toEqual([
      'jhwb-2025h1',
      'ntrb-2024h1',
      'ntrb-2024h2',
      'ntrb-2025h1',
      'recent-2025-07',
    ]);
    expect(searchShardFor([])({ paper: 'jhwb', date: '2025-12-31' }).id).toBe('jhwb-2025h2');
    expect([halfYearOf('2025-06-30'), halfYearOf('2025-07-01')]).toEqual(['2025-1', '2025-2']);
  });

  test('splits a half-year of more than SHARD_STORIES stories into parts of whole months, each within it unless a month alone is more', () => {
    const months = (counts: number[]): Map<string, number> => new Map(counts.map((n, i) => [String(i + 1).padStart(2, '0'), n]));
    const third = Math.floor(SHARD_STORIES / 3);
    expect([...halfYearParts(months([third, third, third, third, third, third])).values()]).toEqual([
      '-01',
      '-01',
      '-01',
      '-04',
      '-04',
      '-04',
    ]);
    expect([...halfYearParts(months([SHARD_STORIES + 1, 1, 1])).values()]).toEqual(['-01', '-02', '-02']);
    // A half-year within the bound is one shard, as before.
    expect([...halfYearParts(months([SHARD_STORIES - 5, 5])).values()]).toEqual(['', '']);
    expect(halfYearParts(new Map())).toEqual(new Map());
    // Counted from the stories given, apart from the editions that say the newest date (a slice's build holds its own paper-year's stories only).
    const stories = Array.from({ length: SHARD_STORIES + 1 }, (_, i) => ({ paper: 'rmrb', date: i % 2 ? '2024-01-15' : '2024-02-15' }));
    const editions = [{ paper: 'jhwb', date: '2025-02-06' }];
    expect(searchShardFor(editions, stories)({ paper: 'rmrb', date: '2024-02-15' }).id).toBe('rmrb-2024h1-02');
    expect(searchShardFor(editions)({ paper: 'rmrb', date: '2024-02-15' }).id).toBe('rmrb-2024h1');
  });
});

describe('queryTermSets', () => {
  const folded = (q: string) => parseQuery(q).map((term) => ({ ...term, folded: term.text }));
  test('asks for every term a story must hold, once', () => {
    expect(queryTermSets(['长江'])).toEqual([['长江']]);
    expect(queryTermSets(['长江口', '南通', '长江口'])).toEqual([['长江口', '南通']]);
    expect(queryTermSets(folded('长江口 -南通'))).toEqual([['长江口']]);
  });
  test('asks once per alternative of the shortest clause of them, each with the terms alone in theirs', () => {
    expect(queryTermSets(folded('长江口 | 长三角'))).toEqual([['长江口'], ['长三角']]);
    expect(queryTermSets(folded('南通 长江口 OR 长三角 -海门'))).toEqual([
      ['南通', '长江口'],
      ['南通', '长三角'],
    ]);
    // The clause of two alternatives is asked; the one of three is left to the check.
    expect(queryTermSets(folded('南通 | 长江口 | 海门 长三角 | 标题:南通'))).toEqual([['长三角'], ['南通']]);
  });
});

describe('wordSets (Pagefind)', () => {
  test('asks for the first trigram of each term, or the prefix a shorter term spells', () => {
    expect(wordSets([['长江']])).toEqual([termWords('长江')]);
    expect(wordSets([['长']])).toEqual([termWords('长')]);
    expect(wordSets([['新质生产力赋能高质量发展']])).toEqual([termWords('新质生产力赋能高质量发展').slice(0, 1)]);
    expect(wordSets([['长江口', '南通']])).toEqual([[...termWords('长江口'), ...termWords('南通')]]);
  });
  test('asks once for sets that ask the same words, and not for a set without words', () => {
    const [changjiangkou = '', nantong = ''] = ['长江口', '南通'].map((term) => termWords(term)[0]);
    expect(wordSets([['南通', '长江口'], ['南通', '长江口岸'], [' ']])).toEqual([[nantong, changjiangkou]]);
    expect(wordSets([[]])).toEqual([]);
  });
});

describe('distinctResults', () => {
  test('keeps a page found by several searches in the first that found it only, each list in its order', () => {
    const result = (id: string) => ({ id, score: 1, data: () => Promise.resolve({ url: id, meta: {} }) });
    const lists = distinctResults([[result('a'), result('b')], [result('c'), result('a'), result('d')], [result('b')]]);
    expect(lists.map((list) => list.map((r) => r.id))).toEqual([['a', 'b'], ['c', 'd'], []]);
  });
});

describe('the status line', () => {
  const base = { hits: [], candidates: 12, checkedPages: 3, checked: 15, settled: 0, done: false };
  const span = (period: string, candidates: number, checkedPages: number, found = 0): SpanProgress => ({
    period,
    candidates,
    checkedPages,
    found,
  });
  test('while a search goes on, says what is listed and which spans are asked and left', () => {
    const progress = { ...base, periodsLeft: ['2024-1', '2024-2', '2025-1'], spans: [span('2025-2', 12, 3)] };
    expect(describeProgress(progress, parseQuery('南通'), 'searching')).toBe(
      '正在查找包含“南通”的文章：已列出 0 篇（2025 年下半年已查；正在查 2024 年上半年至 2025 年上半年）。',
    );
    const full = { ...progress, hits: Array.from({ length: PAGE_SIZE }, () => ({}) as SearchProgress['hits'][number]) };
    expect(describeProgress(full, parseQuery('南通'), 'searching')).toBe(
      `已列出 ${PAGE_SIZE} 篇包含“南通”的文章（2025 年下半年已查；正在查 2024 年上半年至 2025 年上半年）。`,
    );
    expect(describeProgress(progress, parseQuery('南通 -长江'), 'stopped')).toBe(
      '已停止。已列出 0 篇包含“南通”、不含“长江”的文章（2025 年下半年已查；2024 年上半年至 2025 年上半年未查）。',
    );
  });
  test('once every span is asked, gives the size of the whole answer as an estimate', () => {
    const hits = Array.from({ length: 4 }, () => ({}) as SearchProgress['hits'][number]);
    const progress = {
      ...base,
      hits,
      candidates: 11,
      checkedPages: 2,
      periodsLeft: [],
      spans: [span('2025-2', 6, 2, 4), span('2024-1', 5, 0)],
    };
    // 4 results from 2 pages read: the 9 pages left hold about 18 more.
    expect(describeProgress(progress, parseQuery('南通'))).toBe('已列出 4 篇包含“南通”的文章（全部约 22 篇，其余可点“继续查找”列出）。');
  });
  test('never says 约 0 while pages are left: with nothing found yet the size is 尚未查完', () => {
    const progress = { ...base, periodsLeft: [], spans: [span('2025-2', 6, 2), span('2024-1', 5, 0)] };
    expect(describeProgress(progress, parseQuery('标题:长江口'), 'searching')).toBe(
      '正在查找标题含“长江口”的文章：已列出 0 篇（全部篇数尚未查完）。',
    );
    expect(describeProgress(progress, parseQuery('标题:长江口'), 'stopped')).toBe(
      '已停止。已列出 0 篇标题含“长江口”的文章（全部篇数尚未查完，其余可点“继续查找”列出）。',
    );
    expect(answerSize({ ...progress, candidates: 11, checkedPages: 2 })).toBeNull();
    expect(timelineBars(progress).map(countLabel)).toEqual(['尚未查完', '尚未查完']);
    expect(answerLabel(progress)).toBe('尚未查完');
  });
  test('a finished search gives the exact count', () => {
    expect(describeProgress({ ...base, periodsLeft: [], spans: [], done: true }, parseQuery('南通'))).toBe('没有找到包含“南通”的文章。');
    expect(spanOf(['2022', '2023'])).toBe('2022 年至 2023 年');
  });
});

describe('the timeline', () => {
  const hit = (date: string): SearchProgress['hits'][number] => ({
    record: { ...story(1, '长江口'), date },
    match: { hits: [], headingTerms: 0, occurrences: 1 },
  });
  const span = (period: string, candidates: number, checkedPages: number, found: number): SpanProgress => ({
    period,
    candidates,
    checkedPages,
    found,
  });
  test('counts read in full are exact; the others are estimated at the rate results came, and say so', () => {
    const progress: SearchProgress = {
      hits: [hit('2025-03-01'), hit('2025-02-01'), hit('2024-05-01')],
      candidates: 9,
      checkedPages: 3,
      checked: 12,
      periodsLeft: [],
      spans: [span('2025-1', 2, 2, 2), span('2024-2', 0, 0, 0), span('2024-1', 4, 1, 1), span('2023-2', 3, 0, 0)],
      settled: 0,
      done: false,
    };
    expect(timelineBars(progress)).toEqual([
      { span: '2023', found: 0, count: 3, kind: 'about' },
      { span: '2024', found: 1, count: 4, kind: 'about' },
      { span: '2025', found: 2, count: 2, kind: 'exact' },
    ]);
    expect(countLabel({ span: '2024', found: 1, count: 4, kind: 'about' })).toBe('约 4 篇');
    expect(answerSize(progress)).toEqual({ count: 9, exact: false });
    expect(answerLabel(progress)).toBe('约 9 篇');
    expect(answerLabel({ ...progress, done: true })).toBe('3 篇');
  });
  test('a finished answer within two years is counted month by month, months without a hit included', () => {
    const progress: SearchProgress = {
      hits: [hit('2025-02-01'), hit('2024-12-30'), hit('2024-12-02')],
      candidates: 3,
      checkedPages: 3,
      checked: 3,
      periodsLeft: [],
      spans: [span('2025-1', 1, 1, 1), span('2024-2', 2, 2, 2)],
      settled: 0,
      done: true,
    };
    expect(timelineBars(progress).map((bar) => [bar.span, bar.count, bar.kind])).toEqual([
      ['2024-12', 2, 'exact'],
      ['2025-01', 0, 'exact'],
      ['2025-02', 1, 'exact'],
    ]);
    // The seed archive's 长江口: January 2024 and February 2025, fourteen months apart, drawn by year.
    const apart = { ...progress, hits: [hit('2025-02-06'), hit('2024-01-24')], spans: [span('2025-1', 1, 1, 1), span('2024-1', 1, 1, 1)] };
    expect(timelineBars(apart).map((bar) => [bar.span, bar.count])).toEqual([
      ['2024', 1],
      ['2025', 1],
    ]);
    expect(spanDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(spanLabel('2025-01')).toBe('2025年1月');
  });
});

describe('mergeByDate', () => {
  /** Results of one shard, in the order Pagefind sorted them; counts the data read. */
  const reads: string[] = [];
  const shard = (...dates: string[]) =>
    dates.map((date) => ({
      id: date,
      score: 1,
      data: () => {
        reads.push(date);
        return Promise.resolve({ url: `/x/${date}/source/1.txt`, meta: {} });
      },
    }));
  const dateOf = (data: { url: string }) => data.url.slice(3, 13);

  test('puts the pages of several shards, each sorted by Pagefind, into one date order', async () => {
    const newest = mergeByDate([shard('2024-03-01', '2024-01-24'), shard('2024-05-05', '2024-02-10')], dateOf, 'newest');
    expect(newest.count).toBe(4);
    expect((await newest.pages(0, 4)).map(dateOf)).toEqual(['2024-05-05', '2024-03-01', '2024-02-10', '2024-01-24']);
    const oldest = mergeByDate([shard('2024-01-24', '2024-03-01'), shard('2024-02-10', '2024-05-05')], dateOf, 'oldest');
    expect((await oldest.pages(1, 3)).map(dateOf)).toEqual(['2024-02-10', '2024-03-01']);
  });

  test('reads a page only when it is next in its shard', async () => {
    reads.length = 0;
    const merged = mergeByDate([shard('2024-03-01', '2024-01-24', '2023-01-01'), shard('2024-02-10', '2023-05-05')], dateOf, 'newest');
    await merged.pages(0, 1);
    expect(reads.sort()).toEqual(['2024-02-10', '2024-03-01']);
    await merged.pages(1, 2);
    expect(reads.sort()).toEqual(['2024-01-24', '2024-02-10', '2024-03-01']);
  });
});
