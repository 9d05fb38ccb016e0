/**
 * Browser only: the part of Pagefind 1.6's browser API the search worker uses,
 * typed here because Pagefind ships no types for its generated script. One
 * instance per worker: the hub index (whose script and wasm load once), with
 * each shard merged in once, under a synthetic filter naming the shard.
 */
import { BUNDLE_PATH, SCRIPT_FILE, shardPath } from './bundle.ts';

/** Filters as Pagefind's search takes them. */
export type PagefindFilters = Record<string, string | { any: string[] }>;

/** One result: its data is fetched (one fragment) only when asked. */
export interface PagefindResult {
  /** Names its record: the same in every search that finds it, another for another record. */
  id: string;
  /** How well it matches the words, higher first, comparable between searches of one index. */
  score: number;
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}

interface PagefindInstance {
  init: () => Promise<void>;
  mergeIndex: (path: string, options: { mergeFilter: Record<string, string> }) => Promise<void>;
  search: (
    term: string,
    options: { filters: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] }>;
}

interface PagefindModule {
  createInstance: (options: { basePath: string; noWorker: boolean; language?: string }) => PagefindInstance;
}

/**
 * The synthetic filter each shard is merged with. Filtering on it costs no
 * download, unlike the pages' own paper and year filters, whose chunks
 * Pagefind would fetch for every shard asked.
 */
const SHARD_FILTER = 'shard';

let hub: Promise<PagefindInstance> | undefined;
const merging = new Map<string, Promise<void>>();
let language: string | undefined;

/**
 * Sets the language Pagefind searches in, before the first search: the
 * page's (its <html lang>), which a worker cannot read. Pagefind splits a
 * query into words and weighs them by it, so it must be the one the page
 * would give.
 * @example usePagefindLanguage(document.documentElement.lang.toLowerCase())
 */
export function usePagefindLanguage(lang: string): void {
  language = lang;
}

/**
 * The one instance with the given shards merged in. It runs where this code
 * runs (the search worker), not in a worker of Pagefind's own, which would
 * cost another script.
 */
async function instanceWith(shardIds: readonly string[]): Promise<PagefindInstance> {
  hub ??= (async () => {
    const url = new URL(BUNDLE_PATH + SCRIPT_FILE, globalThis.location.href).href;
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    const instance = module.createInstance({ basePath: BUNDLE_PATH, noWorker: true, ...(language ? { language } : {}) });
    await instance.init();
    return instance;
  })();
  const instance = await hub;
  await Promise.all(
    shardIds.map((id) => {
      let merged = merging.get(id);
      if (!merged) {
        merged = instance.mergeIndex(shardPath(id), { mergeFilter: { [SHARD_FILTER]: id } });
        merging.set(id, merged);
      }
      return merged;
    }),
  );
  return instance;
}

/**
 * The records of the given shards holding every word, by Pagefind's score or
 * by the date sort key.
 * @example (await searchShards(['jhwb-2025h1'], ['chang'], {}, 'newest')).length
 */
export async function searchShards(
  shardIds: readonly string[],
  words: readonly string[],
  filters: PagefindFilters,
  order: 'score' | 'newest' | 'oldest',
): Promise<PagefindResult[]> {
  const instance = await instanceWith(shardIds);
  const sort = order === 'score' ? {} : { sort: { date: order === 'newest' ? ('desc' as const) : ('asc' as const) } };
  // Shards merged for earlier searches stay merged: the shard filter keeps
  // their records out of this answer.
  const scope = { ...filters, [SHARD_FILTER]: { any: [...shardIds] } };
  const { results } = await instance.search(words.join(' '), { filters: scope, ...sort });
  return results;
}
