/**
 * The browser's side of the Pagefind adapter (../shared/search-index.ts):
 * finds the printed pages holding every index word of a query's terms
 * (./tokens.ts) in the index shards the search needs, reading the files
 * Pagefind wrote (./shard-search.ts), and reads candidate pages' stories
 * from their fragments only when asked, so a query that many pages match
 * costs the fragments actually checked.
 */
import type { Candidates, CandidateFilters, CandidateOrder, SearchIndex } from '../shared/search-index.ts';
import type { SearchRecord } from '../shared/search-record.ts';
import { fromSite, readOnce, shardSearch, type LoadFile, type ReadFile, type ShardResult } from './shard-search.ts';
import { mapped, wordCode, wordMapReader, type ListedPage } from './word-map.ts';
import { fragmentPath } from './bundle.ts';
import { readFragment } from './shard-files.ts';
import { readPageMeta } from './page-record.ts';
import { termWords } from './tokens.ts';

/**
 * Most index words asked for per term: its first trigram. Each word costs
 * an index chunk per shard, while a candidate
 * page that holds the trigram but not the term costs one fragment (about
 * 3 KB) to rule out, and few do.
 */
const WORDS_PER_TERM = 1;

/**
 * Up to WORDS_PER_TERM of a folded term's index words, spread over it from its start.
 * @example wordsOfTerm('新质生产力') // [the trigram word of 新质生]
 */
export function wordsOfTerm(folded: string): string[] {
  const all = termWords(folded);
  if (all.length <= WORDS_PER_TERM) return all;
  const step = WORDS_PER_TERM > 1 ? (all.length - 1) / (WORDS_PER_TERM - 1) : 0;
  return Array.from({ length: WORDS_PER_TERM }, (_, index) => all[Math.round(index * step)] ?? '');
}

/**
 * The index words of each set of terms, one search of the shards each: sets that
 * ask for the same words are asked once, and sets without words not at all.
 * @example wordSets([['长江口', '南通'], ['长江口岸', '南通']]) // one set: 长江口's and 南通's words
 */
export function wordSets(termSets: readonly (readonly string[])[]): string[][] {
  const sets = termSets.map((terms) => [...new Set(terms.flatMap(wordsOfTerm))]).filter((words) => words.length > 0);
  return sets.filter((set, index) => sets.findIndex((other) => other.join(' ') === set.join(' ')) === index);
}

/**
 * Stories of the pages read so far, by page url. The shards keep a fragment
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

/** A page's data, as a result gives it when asked. */
type PageData = Awaited<ReturnType<ShardResult['data']>>;

/**
 * Merges lists of results, each already in date order, into one list in
 * date order, reading a result's data only when it is next in its list.
 * Each shard knows only its own pages' order, and lists them after another
 * shard's, so pages of several shards (two papers in one
 * half-year) come back in date order only once merged here.
 * @example await mergeByDate([[a2024, a2022], [b2023]], dateOf, 'newest').pages(0, 3) // data of a2024, b2023, a2022
 */
export function mergeByDate(
  lists: readonly ShardResult[][],
  dateOf: (data: PageData) => string,
  order: 'newest' | 'oldest',
): { count: number; pages: (start: number, end: number) => Promise<PageData[]> } {
  const next = lists.map(() => 0);
  const heads = new Map<number, Promise<PageData>>();
  const merged: PageData[] = [];
  const head = (list: number): Promise<PageData> | undefined => {
    const result = lists[list]?.[next[list] ?? 0];
    if (!result) return undefined;
    let data = heads.get(list);
    if (!data) {
      data = result.data();
      heads.set(list, data);
    }
    return data;
  };
  const take = async (): Promise<boolean> => {
    let best: { list: number; data: PageData; date: string } | undefined;
    for (let list = 0; list < lists.length; list += 1) {
      const pending = head(list);
      if (!pending) continue;
      const data = await pending;
      const date = dateOf(data);
      if (!best || (order === 'newest' ? date > best.date : date < best.date)) best = { list, data, date };
    }
    if (!best) return false;
    merged.push(best.data);
    heads.delete(best.list);
    next[best.list] = (next[best.list] ?? 0) + 1;
    return true;
  };
  return {
    count: lists.reduce((sum, list) => sum + list.length, 0),
    pages: async (start, end) => {
      while (merged.length < end && (await take()));
      return merged.slice(start, end);
    },
  };
}

/** The date of a candidate page: that of its stories. */
function dateOfPage(data: PageData): string {
  return storiesOf(data)[0]?.date ?? '';
}

/**
 * The results of several searches as one list each, a result found by an
 * earlier search left out of the later ones, so a page holding two
 * alternatives is a candidate once. Each list keeps its order.
 */
export function distinctResults(lists: readonly ShardResult[][]): ShardResult[][] {
  const seen = new Set<string>();
  return lists.map((list) =>
    list.filter((result) => {
      if (seen.has(result.id)) return false;
      seen.add(result.id);
      return true;
    }),
  );
}

/**
 * The pages of the given shards holding every index word of some set, in
 * the order asked: by score (the sets' answers together, best first), or
 * by date.
 * @example (await findCandidates(shardSearch('zh-cn').search, [termWords('长江')], {}, ['ntrb-2024h1'], 'score')).count // pages holding 长江
 */
export async function findCandidates(
  searchShards: ReturnType<typeof shardSearch>['search'],
  sets: readonly string[][],
  filters: CandidateFilters,
  ids: readonly string[],
  order: CandidateOrder,
): Promise<Candidates> {
  if (ids.length === 0 || sets.length === 0) return { count: 0, pages: () => Promise.resolve([]) };
  if (order === 'score' || (ids.length === 1 && sets.length === 1)) {
    const lists = await Promise.all(sets.map((words) => searchShards(ids, words, filters, order)));
    // One set's answer is in order already; several are put in one.
    const results =
      lists.length === 1
        ? (lists[0] ?? [])
        : distinctResults(lists)
            .flat()
            .sort((a, b) => b.score - a.score);
    return {
      count: results.length,
      pages: async (start, end) => {
        const data = await Promise.all(results.slice(start, end).map((result) => result.data()));
        return data.map(storiesOf);
      },
    };
  }
  // One search per shard and set, each in date order, merged into one date order.
  const lists = await Promise.all(ids.flatMap((id) => sets.map((words) => searchShards([id], words, filters, order))));
  const merged = mergeByDate(distinctResults(lists), dateOfPage, order);
  return { count: merged.count, pages: async (start, end) => (await merged.pages(start, end)).map(storiesOf) };
}

/**
 * The index words of each set of terms that the word map is asked for
 * (./word-map.ts): a term's first and last trigram (two characters' or one
 * character's spelling when shorter; one character is held everywhere and
 * not asked). Each word asked costs a bucket of the map, and two trigrams
 * of a term rule out nearly every shard that lacks it.
 * @example mapWordSets([['不存在的词语']]) // [[不存在's word, 的词语's word]]
 */
export function mapWordSets(termSets: readonly (readonly string[])[]): string[][] {
  return termSets.map((terms) => [
    ...new Set(
      terms.flatMap((term) => {
        const words = termWords(term).filter(mapped);
        return words.length > 1 ? [words[0] ?? '', words.at(-1) ?? ''] : words;
      }),
    ),
  ]);
}

/**
 * The candidate pages of the given shards when every set of terms has a
 * word the word maps list the pages of (a rare one: a name, a rare
 * phrase), read from those lists with no shard's index at all; null when
 * some set has none. Each set's candidates are the pages of its word with
 * the fewest; with a date order, every candidate's fragment is read first
 * (there are at most RARE_PAGES per set) to put them in that order.
 */
async function listedCandidates(
  maps: ReturnType<typeof wordMapReader>,
  files: ReadFile,
  termSets: readonly (readonly string[])[],
  parts: readonly string[],
  order: CandidateOrder,
): Promise<Candidates | null> {
  const sets = termSets.filter((terms) => terms.length > 0);
  if (sets.length === 0 || parts.length === 0) return null;
  const lists: ListedPage[][] = [];
  for (const words of mapWordSets(sets)) {
    const listed = await Promise.all(words.filter((word) => wordCode(word) !== null).map((word) => maps.pages(word, parts)));
    const fewest = listed.reduce<ListedPage[] | null>(
      (best, pages) => (pages && (!best || pages.length < best.length) ? pages : best),
      null,
    );
    if (!fewest) return null;
    lists.push(fewest);
  }
  // A page listed for two alternatives is a candidate once.
  let paths = [...new Set(lists.flat().map((page) => fragmentPath(page.shard, page.fragment)))];
  const fragment = (path: string): Promise<PageData> => files(path, readFragment);
  if (order !== 'score') {
    const dated = await Promise.all(paths.map(async (path) => ({ path, date: dateOfPage(await fragment(path)) })));
    dated.sort((a, b) => (order === 'newest' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)));
    paths = dated.map(({ path }) => path);
  }
  return {
    count: paths.length,
    pages: async (start, end) => (await Promise.all(paths.slice(start, end).map(fragment))).map(storiesOf),
  };
}

/**
 * The search index of the site's Pagefind bundle, reading the index of
 * `language` (the page's <html lang>, lower case, which a worker cannot
 * read), and its word maps.
 * @example await pagefindIndex('zh-cn').find([['长江口']], {}, ['ntrb-2024h1'], 'score')
 */
export function pagefindIndex(language: string, load: LoadFile = fromSite): SearchIndex {
  const files = readOnce(load);
  const { search } = shardSearch(language, load, files);
  const maps = wordMapReader(load, files);
  return {
    find: (termSets, filters, parts, order) => findCandidates(search, wordSets(termSets), filters, parts, order),
    holders: (termSets, parts) => maps.holders(mapWordSets(termSets.filter((terms) => terms.length > 0)), parts),
    listed: (termSets, parts, order) => listedCandidates(maps, files, termSets, parts, order),
  };
}
