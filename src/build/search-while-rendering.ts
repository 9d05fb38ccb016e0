/**
 * The search index of a build, made while Astro renders: a shard's records
 * come from the archive plan (the parse), not from the rendered HTML, so
 * indexing starts as rendering does and neither process waits idle for the
 * other. The shards and the word maps are written into a folder of their
 * own beside the fresh folder (Astro owns the fresh folder while it
 * renders) and moved into it once both are done.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedItem } from '../archive/plan-archive.ts';
import { indexSearch, type IndexProgress } from '../search/indexer/index-search.ts';
import { shardOfRecordsUrl, writeShardRecords } from '../search/indexer/shard-records.ts';
import { SEARCH_FILES } from '../search/pagefind/bundle.ts';
import { copyShardWords, writeWordMap } from '../search/pagefind/write-word-map.ts';
import type { BuildFolders } from './build-folders.ts';
import type { BuildRun } from './build-run.ts';
import { partHolds, takeFromSlice } from './slices.ts';
import { linkTree } from './versioned-output.ts';

/** The folder the search index is made in, beside the fresh folder (so that moving it in is a rename). */
export function searchFolder(folders: Pick<BuildFolders, 'fresh'>): string {
  return `${folders.fresh}.search`;
}

/** The search index being made: what it said once done, and how to stop it. */
export interface SearchIndexing {
  /** Resolves to the lines to log once the shards and maps are written; rejects when indexing failed. */
  done: Promise<string[]>;
  /** Stops the indexing processes (a build that failed or is ending). */
  stop: () => void;
}

/**
 * Writes the search records of the shards that changed (keyed in the run's
 * keys) and starts indexing them, then writes the word maps.
 * @param items the archive plan's items, in print order
 */
export function startSearchIndex(
  folders: Pick<BuildFolders, 'fresh' | 'cache' | 'words'>,
  run: Pick<BuildRun, 'keys' | 'previous' | 'lastOutput' | 'part' | 'fromSlices' | 'taken' | 'outline'>,
  items: readonly PlannedItem[],
  progress: IndexProgress,
): SearchIndexing {
  const site = searchFolder(folders);
  rmSync(site, { recursive: true, force: true });
  const records = join(folders.cache, 'search-records');
  rmSync(records, { recursive: true, force: true });
  const { part, taken } = run;
  const keys = writeShardRecords(items, run.previous, run.lastOutput, records, {
    made: (url) => partHolds(part, url),
    madeElsewhere: (url, key) => takeFromSlice(run, url, key),
    dates: run.outline ?? items,
  });
  run.keys.set('search-records', keys);
  const wordsDir = folders.words;
  const stopping = new AbortController();
  const done = (async () => {
    const indexed = await indexSearch(site, records, undefined, progress, wordsDir, stopping.signal);
    const shards = Object.keys(keys).map(shardOfRecordsUrl);
    for (const url of Object.keys(keys)) {
      const slice = taken.get(url);
      if (!slice) continue;
      const shard = shardOfRecordsUrl(url);
      linkTree(join(slice.site, SEARCH_FILES.folder, shard), join(site, SEARCH_FILES.folder, shard));
      copyShardWords(slice.words, wordsDir, shard);
    }
    // The word maps cover every shard of the site: the join's, or the whole build's, never a slice's.
    if (part.kind === 'slice') return [indexed];
    return [indexed, await writeWordMap(site, run.lastOutput, shards, wordsDir)];
  })();
  // Awaited by the build once rendering is done; a failure meanwhile is not unhandled.
  done.catch(() => undefined);
  return { done, stop: () => stopping.abort() };
}

/** Moves the search index made beside the fresh folder into it. */
export function moveSearchIndex(folders: Pick<BuildFolders, 'fresh'>): void {
  const made = join(searchFolder(folders), SEARCH_FILES.folder);
  const into = join(folders.fresh, SEARCH_FILES.folder);
  if (existsSync(into)) throw new Error(`${into}: the rendered site holds a search folder of its own; the search index goes there`);
  renameSync(made, into);
  rmSync(searchFolder(folders), { recursive: true, force: true });
}
