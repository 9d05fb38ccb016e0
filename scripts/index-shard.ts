/**
 * Indexes one search shard: reads the search records a shard's file holds
 * (<site>/search/records/<shard>.json) and writes their printed pages'
 * Pagefind index into a folder (src/search/index-pages.ts). Run by
 * scripts/index-search.ts, one process per shard, so that Pagefind's memory
 * is given back when a shard is written.
 *
 * Usage: node scripts/index-shard.ts <records.json> <output-folder>
 */
import { readFileSync } from 'node:fs';
import { indexPages } from '../src/search/index-pages.ts';
import { groupByPage } from '../src/search/page-record.ts';
import type { SearchRecord } from '../src/search/search-record.ts';

const [recordsFile, output] = process.argv.slice(2);
if (!recordsFile || !output) {
  console.error('usage: node scripts/index-shard.ts <records.json> <output-folder>');
  process.exit(2);
}
const { records } = JSON.parse(readFileSync(recordsFile, 'utf8')) as { records: SearchRecord[] };
const pages = groupByPage(records);
indexPages(pages, output).then(
  () => {
    console.log(`${output}: ${records.length} items on ${pages.length} printed pages`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(`Indexing ${recordsFile} failed:`, error);
    process.exit(1);
  },
);
