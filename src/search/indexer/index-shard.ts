/**
 * Indexes one search shard in a process of its own (so that Pagefind's
 * memory is given back when the shard is written): reads the search records
 * of a records file and writes their printed pages' Pagefind index into a
 * folder (./index-pages.ts). Started by ./index-search.ts, one process per
 * shard; not a command of its own.
 *
 * Arguments: <records.json> <output-folder>
 */
import { readFileSync } from 'node:fs';
import { groupByPage } from '../shared/page-record.ts';
import type { SearchRecord } from '../shared/search-record.ts';
import { indexPages } from './index-pages.ts';

const [recordsFile, output] = process.argv.slice(2);
if (!recordsFile || !output) {
  console.error('index-shard.ts: expected <records.json> <output-folder>');
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
