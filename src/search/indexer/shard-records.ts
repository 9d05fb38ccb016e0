import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedItem } from '../../archive/plan-archive.ts';
import type { PathKeys } from '../../build/output-tree.ts';
import { searchRecord } from '../shared/search-record.ts';
import { groupByShard, searchShardFor } from '../../data/partitions.ts';
import { SEARCH_FILES } from '../pagefind/bundle.ts';

/**
 * The search records of each shard, as the indexer reads them: one file per
 * shard (a paper's half-year, or a month of the newest half-year), written only for the
 * shards whose items changed since the last build, so that a rebuild indexes
 * only those. Each shard has a key under the URL its records would have,
 * which the build keeps with the keys of the pages (its folder in the output,
 * <search folder>/<shard>/, stands for it: see output-tree.ts's outputOf).
 */

/** Where shards' records are keyed. */
const RECORDS_URL = '/search/records/';

/**
 * The site-relative URL a shard's records are keyed under.
 * @example shardRecordsUrl('ntrb-2024h1') // '/search/records/ntrb-2024h1.json'
 */
export const shardRecordsUrl = (shard: string): string => `${RECORDS_URL}${shard}.json`;

/**
 * The shard whose records a URL of shardRecordsUrl names.
 * @example shardOfRecordsUrl('/search/records/ntrb-2024h1.json') // 'ntrb-2024h1'
 */
export const shardOfRecordsUrl = (url: string): string => url.slice(RECORDS_URL.length, -'.json'.length);

/** What of the search index a build makes (a slice's build, a join: src/build/slices.ts). */
export interface ShardsMade {
  /** Whether this build makes the shard keyed under a URL (a slice's build makes its own). */
  made?: (url: string) => boolean;
  /** Whether a changed shard with this key is taken ready-made (from a slice, in a join) rather than indexed. */
  madeElsewhere?: (url: string, key: string) => boolean;
  /** The editions of the whole archive, whose newest date says which months are recent (a slice holds only its own). */
  dates?: Iterable<{ paper: string; date: string }>;
}

/**
 * Writes into `dir` the records of every shard whose key differs from the
 * last build's (or whose index is missing from the last output), and returns
 * every shard's key. Only the items of those shards are read in full (their
 * pages parsed when this build has not yet).
 * @param previous the last build's keys ({} to write every shard)
 * @param lastOutput the last output, or null in a full build
 * @param part what of the index this build makes (src/build/slices.ts): by default every shard, of the items given
 */
export function writeShardRecords(
  items: readonly PlannedItem[],
  previous: PathKeys,
  lastOutput: string | null,
  dir: string,
  part: ShardsMade = {},
): PathKeys {
  const { made = () => true, madeElsewhere = () => false, dates = items } = part;
  // The newest date from the whole archive's editions; the parts of a half-year from its stories, which a slice holds whole.
  const shardFor = searchShardFor(dates, items);
  const keys: PathKeys = {};
  for (const { shard, items: inShard } of groupByShard(items, (item) => item, shardFor)) {
    const url = shardRecordsUrl(shard.id);
    if (!made(url)) continue;
    // An item's digest changes whenever its record would, the code included.
    const key = createHash('sha256')
      .update(inShard.map((item) => item.digest).join('\n'))
      .digest('hex');
    keys[url] = key;
    if (previous[url] === key && lastOutput !== null && existsSync(join(lastOutput, SEARCH_FILES.folder, shard.id))) continue;
    if (madeElsewhere(url, key)) continue;
    mkdirSync(dir, { recursive: true });
    const records = inShard.map((item) => searchRecord(item.record()));
    writeFileSync(join(dir, `${shard.id}.json`), JSON.stringify({ records }));
  }
  return keys;
}
