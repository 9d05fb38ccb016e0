/**
 * Indexes one search shard in a process of its own (so that the indexer's
 * memory is given back when the shard is written): reads the search records
 * of a records file and writes the shard's index into the built site
 * (../shared/search-index.ts). Started by ./index-search.ts, one process per
 * shard; not a command of its own.
 *
 * Arguments: <records.json> <site-folder> <shard> [<words-folder>]
 * (with the last, the shard's words are kept there for the word map)
 */
import { readFileSync } from 'node:fs';
import { pagefindWriter } from '../pagefind/index-pages.ts';
import type { SearchRecord } from '../shared/search-record.ts';

const [recordsFile, site, shard, wordsDir] = process.argv.slice(2);
if (!recordsFile || !site || !shard) {
  console.error('index-shard.ts: expected <records.json> <site-folder> <shard> [<words-folder>]');
  process.exit(2);
}
// A build killed outright (SIGKILL) cannot stop this process: it stops itself once its parent is gone, so that it never writes into the next build's folders.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500).unref();
const { records } = JSON.parse(readFileSync(recordsFile, 'utf8')) as { records: SearchRecord[] };
pagefindWriter(site, wordsDir)
  .writePart(shard, records)
  .then(
    () => {
      console.log(`search shard ${shard}: ${records.length} items`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`Indexing ${recordsFile} failed:`, error);
      process.exit(1);
    },
  );
