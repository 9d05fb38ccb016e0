/**
 * Asks Pagefind for the stories holding every index word of a query, over
 * the index shards the search needs (merged with Pagefind's mergeIndex), and
 * reads candidates' search records from their fragments only when asked, so
 * a query that many stories match costs the fragments actually shown.
 * Pagefind's script is loaded from /pagefind/ when the first search runs.
 */
import { revealText } from './hidden-text.ts';
import type { SearchRecord } from './search-record.ts';
import { shardPath } from './shards.ts';

/** The filters Pagefind applies before results are fetched. */
export type CandidateFilters = Record<string, string | { any: string[] }>;

/** How Pagefind orders candidates: by its score, or by date. */
export type CandidateOrder = 'score' | 'newest' | 'oldest';

interface PagefindResult {
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}
interface PagefindInstance {
  init: () => Promise<void>;
  mergeIndex: (path: string) => Promise<void>;
  search: (
    term: string,
    options: { filters: CandidateFilters; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance: (options: { basePath: string; noWorker: boolean }) => PagefindInstance;
}

/** Candidates of one query, in order; records are read on demand. */
export interface Candidates {
  /** How many stories hold every index word (an upper bound of the matches). */
  count: number;
  /** The records of candidates [start, end). */
  records: (start: number, end: number) => Promise<SearchRecord[]>;
}

let script: Promise<PagefindModule> | undefined;
const merged = new Map<string, Promise<PagefindInstance>>();

/**
 * One Pagefind instance per set of shards: the first shard is the primary
 * (its wasm is loaded), the others are merged into it. On the main thread,
 * since a worker would cost another request.
 */
function loadShards(ids: readonly string[]): Promise<PagefindInstance> {
  const key = ids.join(' ');
  let instance = merged.get(key);
  if (!instance) {
    instance = (async () => {
      script ??= import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', window.location.href).href) as Promise<PagefindModule>;
      const module = await script;
      const [primary = '', ...others] = ids;
      const pagefind = module.createInstance({ basePath: shardPath(primary), noWorker: true });
      await pagefind.init();
      await Promise.all(others.map((id) => pagefind.mergeIndex(shardPath(id))));
      return pagefind;
    })();
    merged.set(key, instance);
  }
  return instance;
}

/**
 * The stories of the given shards holding every index word, in the order asked.
 * @example (await findCandidates(['cepzbpbb'], {}, ['jhwb-2025'], 'score')).count // stories holding 长江
 */
export async function findCandidates(
  words: string[],
  filters: CandidateFilters,
  shards: readonly string[],
  order: CandidateOrder,
): Promise<Candidates> {
  if (shards.length === 0 || words.length === 0) return { count: 0, records: () => Promise.resolve([]) };
  const pagefind = await loadShards(shards);
  const sort = order === 'score' ? {} : { sort: { date: order === 'newest' ? ('desc' as const) : ('asc' as const) } };
  const { results } = await pagefind.search(words.join(' '), { filters, ...sort });
  return {
    count: results.length,
    records: async (start, end) => {
      const data = await Promise.all(results.slice(start, end).map((result) => result.data()));
      return data.map(({ meta }) => JSON.parse(revealText(meta['record'] ?? '')) as SearchRecord);
    },
  };
}
