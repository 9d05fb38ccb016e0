/**
 * Browser only: searches the index shards Pagefind wrote (./shard-files.ts
 * reads their files): the pages of a shard holding every word asked (each
 * matched as a prefix of the indexed words, as ./tokens.ts spells them),
 * narrowed by the filters chosen, best first or by date. Each file is
 * fetched once, when first needed, and kept: a shard's metadata, the index
 * chunks holding the words asked, the filters chosen, and a page's fragment
 * only when its stories are read.
 */
import { fragmentPath, shardPath } from './bundle.ts';
import {
  metaFileOf,
  readChunk,
  readFilter,
  readFragment,
  readMeta,
  type IndexedWord,
  type PageFragment,
  type ShardMeta,
} from './shard-files.ts';

/** Filters as a search asks them: a value a page must hold, or any of several. */
export type ShardFilters = Record<string, string | { any: string[] }>;

/** One page found: its fragment (url and meta) is fetched only when asked. */
export interface ShardResult {
  /** Names its page: the same in every search that finds it, another for another page. */
  id: string;
  /** How densely the page holds the words asked, higher first, comparable between searches. */
  score: number;
  data: () => Promise<PageFragment>;
}

/** Fetches a file of the site as bytes. */
export type LoadFile = (path: string) => Promise<Uint8Array>;

/** Fetches a file of the site this code runs on. */
export const fromSite: LoadFile = async (path) => {
  const response = await fetch(new URL(path, globalThis.location.href));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

/** Reads a file of the site, parsed by `read`; a file asked again gets the first answer. */
export type ReadFile = <T>(path: string, read: (bytes: Uint8Array, file: string) => Promise<T> | T) => Promise<T>;

/**
 * Reads the site's files through `load`, each once, whoever asks: a shard's
 * index files, a word map's buckets and a page's fragment alike, so a
 * fragment that the shards and the word maps both offer is fetched once.
 */
export function readOnce(load: LoadFile): ReadFile {
  const files = new Map<string, Promise<unknown>>();
  return <T>(path: string, read: (bytes: Uint8Array, file: string) => Promise<T> | T): Promise<T> => {
    let held = files.get(path) as Promise<T> | undefined;
    if (!held) {
      held = load(path).then((bytes) => read(bytes, path));
      files.set(path, held);
    }
    return held;
  };
}

/** A shard once its metadata is read, with what it has fetched since. */
interface OpenShard {
  id: string;
  meta: ShardMeta;
  file: <T>(path: string, read: (bytes: Uint8Array, file: string) => Promise<T>) => Promise<T>;
}

/**
 * The shards of a site, each opened once, read in `language` (an index of
 * one language serves any) through `load`, or `files` when given.
 * @example await shardSearch('zh-cn').search(['ntrb-2024h1'], ['epzabc'], {}, 'score')
 */
export function shardSearch(language: string, load: LoadFile = fromSite, files: ReadFile = readOnce(load)) {
  const opened = new Map<string, Promise<OpenShard>>();

  const open = (id: string): Promise<OpenShard> => {
    let shard = opened.get(id);
    if (!shard) {
      shard = (async () => {
        const base = shardPath(id);
        const file = <T>(path: string, read: (bytes: Uint8Array, file: string) => Promise<T>): Promise<T> => files(base + path, read);
        const entry = await files(`${base}pagefind-entry.json`, (bytes) => new TextDecoder().decode(bytes));
        const meta = await file(metaFileOf(entry, language, `${base}pagefind-entry.json`), readMeta);
        return { id, meta, file };
      })();
      opened.set(id, shard);
    }
    return shard;
  };

  /** The pages holding some indexed word that starts with `prefix`, with how many such words each holds. */
  const pagesWith = async (shard: OpenShard, prefix: string): Promise<Map<number, number>> => {
    const chunks = shard.meta.chunks.filter(({ from, to }) => mayHold(from, to, prefix));
    const words = (await Promise.all(chunks.map(({ name }) => shard.file(`index/${name}.pf_index`, readChunk)))).flat();
    const found = new Map<number, number>();
    for (const { pages } of startingWith(words, prefix)) for (const page of pages) found.set(page, (found.get(page) ?? 0) + 1);
    return found;
  };

  /** The pages holding a value of the filter `name` that `wanted` allows. */
  const pagesOf = async (shard: OpenShard, name: string, wanted: ShardFilters[string]): Promise<Set<number>> => {
    const chunk = shard.meta.filters.get(name);
    if (!chunk) return new Set();
    const values = await shard.file(`filter/${chunk}.pf_filter`, readFilter);
    return new Set((typeof wanted === 'string' ? [wanted] : wanted.any).flatMap((value) => values.get(value) ?? []));
  };

  /** The pages of one shard holding every word and fitting every filter, in the order asked. */
  const searchShard = async (id: string, words: readonly string[], filters: ShardFilters, order: 'score' | 'newest' | 'oldest') => {
    const shard = await open(id);
    const [counts, ...narrowing] = await Promise.all([
      Promise.all(words.map((word) => pagesWith(shard, word))),
      ...Object.entries(filters).map(([name, wanted]) => pagesOf(shard, name, wanted)),
    ]);
    const [first, ...rest] = counts;
    const held = [...(first?.keys() ?? [])].filter(
      (page) => rest.every((other) => other.has(page)) && narrowing.every((set) => set.has(page)),
    );
    const score = (page: number): number =>
      counts.reduce((sum, count) => sum + (count.get(page) ?? 0), 0) / Math.sqrt(Math.max(1, shard.meta.pages[page]?.words ?? 1));
    let ordered: number[];
    if (order === 'score') ordered = held.sort((a, b) => score(b) - score(a) || a - b);
    else {
      const keep = new Set(held);
      const byDate = (shard.meta.sorts.get('date') ?? []).filter((page) => keep.has(page));
      ordered = order === 'newest' ? byDate.reverse() : byDate;
    }
    return ordered.map((page): ShardResult => ({
      id: `${id}/${page}`,
      score: score(page),
      data: () => files(fragmentPath(id, shard.meta.pages[page]?.fragment ?? ''), readFragment),
    }));
  };

  return {
    /**
     * The pages of the given shards holding every word (as a prefix of an
     * indexed word) and fitting the filters: best first over all shards, or
     * in date order within each shard, one shard's after the other's.
     */
    search: async (
      shardIds: readonly string[],
      words: readonly string[],
      filters: ShardFilters,
      order: 'score' | 'newest' | 'oldest',
    ): Promise<ShardResult[]> => {
      if (words.length === 0) return [];
      const lists = await Promise.all(shardIds.map((id) => searchShard(id, words, filters, order)));
      return order === 'score' ? lists.flat().sort((a, b) => b.score - a.score) : lists.flat();
    },
  };
}

/**
 * Whether a chunk whose words run from `from` to `to` may hold a word
 * starting with `prefix`. Pagefind cuts a chunk's bounds to the letters that
 * tell it from its neighbour's (a chunk ending at 'fopnf' holds 'fopnfz'), so
 * each bound is compared only as far as both go.
 * @example mayHold('fohyzn', 'fopnf', 'fopnfz') // true
 */
export function mayHold(from: string, to: string, prefix: string): boolean {
  return from.slice(0, prefix.length) <= prefix.slice(0, from.length) && prefix.slice(0, to.length) <= to;
}

/** The words of a chunk's sorted list that start with `prefix`, found by halving. */
function startingWith(words: readonly IndexedWord[], prefix: string): IndexedWord[] {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((words[middle]?.word ?? '') < prefix) low = middle + 1;
    else high = middle;
  }
  const found: IndexedWord[] = [];
  for (let at = low; at < words.length && words[at]?.word.startsWith(prefix); at += 1) found.push(words[at] as IndexedWord);
  return found;
}
