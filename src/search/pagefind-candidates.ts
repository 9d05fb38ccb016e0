/**
 * Asks Pagefind (loaded from /pagefind/ only when the first search runs) for
 * the stories holding every bigram of the query, and reads each candidate's
 * search record from its fragment.
 */
import type { SearchRecord } from './search-record.ts';

/** The filters Pagefind applies before results are fetched. */
export type CandidateFilters = Record<string, string | { any: string[] }>;

interface PagefindResult {
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}
interface PagefindInstance {
  init: () => Promise<void>;
  search: (term: string, options: { filters: CandidateFilters }) => Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance: (options: { basePath: string; noWorker: boolean }) => PagefindInstance;
}

let instance: Promise<PagefindInstance> | undefined;

/** Loads Pagefind once, on the main thread (its worker would cost another request). */
function loadPagefind(): Promise<PagefindInstance> {
  instance ??= (async () => {
    const url = new URL('/pagefind/pagefind.js', window.location.href).href;
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    const pagefind = module.createInstance({ basePath: '/pagefind/', noWorker: true });
    await pagefind.init();
    return pagefind;
  })();
  return instance;
}

/**
 * The records of every story Pagefind finds for the index words.
 * @example await findCandidates(['cepzbpbb'], {}) // records of stories holding 长江
 */
export async function findCandidates(words: string[], filters: CandidateFilters): Promise<SearchRecord[]> {
  const pagefind = await loadPagefind();
  const { results } = await pagefind.search(words.join(' '), { filters });
  const data = await Promise.all(results.map((result) => result.data()));
  return data.map(({ meta }) => JSON.parse(meta['record'] ?? '{}') as SearchRecord);
}
