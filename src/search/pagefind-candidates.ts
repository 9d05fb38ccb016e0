/**
 * Asks Pagefind for the printed pages holding every index word of a query,
 * over the index shards the search needs (merged into the hub index with
 * Pagefind's mergeIndex), and reads candidate pages' stories from their
 * fragments only when asked, so a query that many pages match costs the
 * fragments actually checked. Pagefind's script is loaded from /pagefind/
 * when the first search runs.
 */
import { readPageMeta } from './page-record.ts';
import type { SearchRecord } from './search-record.ts';
import { shardPath, type Shard } from './shards.ts';

/** The filters Pagefind applies before results are fetched. */
export type CandidateFilters = Record<string, string | { any: string[] }>;

/** How Pagefind orders candidates: by its score, or by date. */
export type CandidateOrder = 'score' | 'newest' | 'oldest';

interface PagefindResult {
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}
interface PagefindInstance {
  init: () => Promise<void>;
  mergeIndex: (path: string, options: { mergeFilter: Record<string, string> }) => Promise<void>;
  search: (
    term: string,
    options: { filters: CandidateFilters; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance: (options: { basePath: string; noWorker: boolean }) => PagefindInstance;
}

/** Candidate pages of one query, in order; their stories are read on demand. */
export interface Candidates {
  /** How many printed pages hold every index word. */
  count: number;
  /** The stories of candidate pages [start, end), page by page. */
  pages: (start: number, end: number) => Promise<SearchRecord[][]>;
}

/**
 * The synthetic filter each shard is merged with. Filtering on it costs no
 * download, unlike the pages' own paper and year filters, whose chunks
 * Pagefind would fetch for every shard asked.
 */
const SHARD_FILTER = 'shard';

let hub: Promise<PagefindInstance> | undefined;
const merging = new Map<string, Promise<void>>();
/**
 * Stories of the pages read so far, by page url. Pagefind keeps a fragment
 * once loaded, but revealing and parsing a page's text again for every query
 * typed would cost more than checking its stories.
 */
const storiesByPage = new Map<string, SearchRecord[]>();

/** The stories a candidate page's fragment data carries, parsed once per page. */
function storiesOf({ url, meta }: { url: string; meta: Record<string, string> }): SearchRecord[] {
  let stories = storiesByPage.get(url);
  if (!stories) {
    stories = meta['stories'] ? readPageMeta(meta['stories']) : [];
    storiesByPage.set(url, stories);
  }
  return stories;
}

/**
 * The one Pagefind instance of the page: the hub index at /pagefind/ (whose
 * script and wasm load once) with every shard a search has needed merged in.
 * On the main thread, since a worker would cost another request.
 */
async function loadShards(shards: readonly Shard[]): Promise<PagefindInstance> {
  hub ??= (async () => {
    const module = (await import(/* @vite-ignore */ new URL('/pagefind/pagefind.js', window.location.href).href)) as PagefindModule;
    const pagefind = module.createInstance({ basePath: '/pagefind/', noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  const pagefind = await hub;
  await Promise.all(
    shards.map(({ id }) => {
      let merged = merging.get(id);
      if (!merged) {
        merged = pagefind.mergeIndex(shardPath(id), { mergeFilter: { [SHARD_FILTER]: id } });
        merging.set(id, merged);
      }
      return merged;
    }),
  );
  return pagefind;
}

/**
 * The pages of the given shards holding every index word, in the order asked.
 * @example (await findCandidates(termWords('长江'), {}, shardsOf(stories), 'score')).count // pages holding 长江
 */
export async function findCandidates(
  words: string[],
  filters: CandidateFilters,
  shards: readonly Shard[],
  order: CandidateOrder,
): Promise<Candidates> {
  if (shards.length === 0 || words.length === 0) return { count: 0, pages: () => Promise.resolve([]) };
  const pagefind = await loadShards(shards);
  const sort = order === 'score' ? {} : { sort: { date: order === 'newest' ? ('desc' as const) : ('asc' as const) } };
  // Shards merged for earlier searches stay merged: the shard filter keeps
  // their pages out of this answer.
  const scope = { ...filters, [SHARD_FILTER]: { any: shards.map((shard) => shard.id) } };
  const { results } = await pagefind.search(words.join(' '), { filters: scope, ...sort });
  return {
    count: results.length,
    pages: async (start, end) => {
      const data = await Promise.all(results.slice(start, end).map((result) => result.data()));
      return data.map(storiesOf);
    },
  };
}
