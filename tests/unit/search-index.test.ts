import { beforeAll, describe, expect, test } from 'vitest';
import { traditionalToSimplified } from '../../src/archive/fold-table.ts';
import { planArchive } from '../../src/archive/plan-archive.ts';
import { readArchive } from '../../src/archive/read-archive.ts';
import { groupByShard, searchShardFor, type Shard } from '../../src/data/partitions.ts';
import { startSearch } from '../../src/search/browser/run-search.ts';
import { readState } from '../../src/search/browser/search-state.ts';
import { memoryIndex } from '../../src/search/memory/memory-index.ts';
import { foldTerms } from '../../src/search/shared/match.ts';
import { searchRecord } from '../../src/search/shared/search-record.ts';
import type { ApiArticle } from '../../src/tools/bulk-data.ts';
import { describeIndexContract, type ContractSubject } from '../support/index-contract.ts';
import { expectedUrls, SEARCH_QUERIES } from '../../src/tools/search-queries.ts';

// The seed archive, written part by part into the in-memory index as the
// build writes it into Pagefind (src/search/indexer/shard-records.ts).
const table = traditionalToSimplified();
const index = memoryIndex(table);
let subject: ContractSubject;
let shards: Shard[];

beforeAll(async () => {
  const plan = planArchive(readArchive('content'));
  const groups = groupByShard(plan.items, (item) => item, searchShardFor(plan.items));
  for (const { shard, items } of groups)
    await index.writePart(
      shard.id,
      items.map((item) => searchRecord(item.record())),
    );
  shards = groups.map(({ shard }) => shard);
  // The records carry every printed field the bulk data does.
  const articles: ApiArticle[] = plan.items.map((item) => item.record());
  subject = {
    findAll: async (termSets, filters, parts, order) => {
      const candidates = await index.find(termSets, filters, parts, order);
      return candidates.pages(0, candidates.count);
    },
    holders: (termSets, parts) => index.holders(termSets, parts),
    parts: shards.map((shard) => shard.id),
    articles,
  };
});

describeIndexContract('in memory', () => subject);

describe('startSearch over the in-memory index', () => {
  test.each(SEARCH_QUERIES)('$q ($note) lists exactly the stories holding every term', async ({ q }) => {
    const search = await startSearch(readState(`?q=${encodeURIComponent(q)}`), foldTerms(q, table), table, shards, index);
    let progress = search.progress;
    while (!progress.done) progress = await search.more();
    expect(progress.hits.map(({ record }) => record.url).sort()).toEqual(expectedUrls(subject.articles, q, table));
  });
});
