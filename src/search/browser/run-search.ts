/**
 * One search from start to finish: parse and fold the query, get candidate
 * printed pages from Pagefind, keep only the stories on them that really
 * hold every term, rank them.
 */
import { foldString, type FoldTable } from '../../archive/fold-text.ts';
import { findCandidates, type CandidateFilters, type Candidates } from './candidates.ts';
import { selectShards, type Shard } from '../../data/partitions.ts';
import { matchStory, type StoryMatch } from '../shared/match.ts';
import { parseQuery } from '../shared/query.ts';
import type { SearchRecord } from '../shared/search-record.ts';
import type { SearchState } from './search-state.ts';
import { termWords } from '../shared/tokens.ts';

// Each candidate printed page checked costs its Pagefind fragment (its
// stories' text, about 4 KB with gzip for five or six stories), so how many
// are read per step is what keeps a first query within its budget on a large
// archive, and each step is one more round of requests.
/** Results per page; an answer that fits in the first page is complete, counted and ranked exactly. */
export const PAGE_SIZE = 10;
/**
 * Fewest candidate printed pages read per step while filling a page of
 * results: before anything is known, three pages (some sixteen stories) fill
 * a page of results for a common word, and a rarer one reads more next step.
 */
const MIN_STEP = 3;
/** Most candidate printed pages read while filling one page of results, found or not: the rest wait for the next. */
export const MAX_READ = 8;
/**
 * Most shards asked while filling one page of results, whole periods (half-
 * years, src/data/partitions.ts) at a time and at least one period. Each shard
 * asked costs its metadata (about 20 KB with gzip for a full paper's
 * half-year) and an index chunk per query word (about 25 KB), found or not:
 * without a bound, a word that no story holds would cost every period of
 * the archive before saying so.
 */
export const MAX_SHARDS = 3;
/**
 * Most index words asked for per term: its first trigram. Pagefind loads one
 * index chunk (about 22 KB with gzip) per word and shard, while a candidate
 * page that holds the trigram but not the term costs one fragment (about
 * 3 KB) to rule out, and few do.
 */
const WORDS_PER_TERM = 1;

/** A verified result. */
export interface SearchHit {
  record: SearchRecord;
  match: StoryMatch;
}

/** Terms as typed and as folded, empty ones dropped. */
export interface ParsedTerms {
  terms: string[];
  folded: string[];
}

/**
 * Parses and folds a query.
 * @example foldTerms('長江口  ７０５', table) // { terms: ['長江口', '７０５'], folded: ['长江口', '705'] }
 */
export function foldTerms(query: string, table: FoldTable): ParsedTerms {
  const terms = parseQuery(query).filter((term) => foldString(term, table).trim() !== '');
  return { terms, folded: terms.map((term) => foldString(term, table)) };
}

/**
 * Index words to ask Pagefind for: up to WORDS_PER_TERM of each term's words,
 * spread over it from its start. More words narrow the candidates (fewer
 * fragments to read) but each can cost an index chunk per shard; the check
 * against the printed text makes the answer exact either way.
 */
export function queryWords(folded: string[]): string[] {
  const words = folded.flatMap((term) => {
    const all = termWords(term);
    if (all.length <= WORDS_PER_TERM) return all;
    const step = WORDS_PER_TERM > 1 ? (all.length - 1) / (WORDS_PER_TERM - 1) : 0;
    return Array.from({ length: WORDS_PER_TERM }, (_, index) => all[Math.round(index * step)] ?? '');
  });
  return [...new Set(words)];
}

/** Orders verified results. */
function rank(hits: SearchHit[], sort: SearchState['sort']): SearchHit[] {
  const byDate = (a: SearchHit, b: SearchHit): number => a.record.date.localeCompare(b.record.date);
  return hits.sort((a, b) => {
    if (sort === 'newest') return byDate(b, a);
    if (sort === 'oldest') return byDate(a, b);
    return b.match.headingTerms - a.match.headingTerms || b.match.occurrences - a.match.occurrences || byDate(b, a);
  });
}

/** Where a search stands. */
export interface SearchProgress {
  /** Verified results, in the order shown. */
  hits: SearchHit[];
  /** Printed pages Pagefind offered so far (every one holding all the index words). */
  candidates: number;
  /** How many of them were read. */
  checkedPages: number;
  /** Stories on those pages (of the chosen kind) checked against their printed text. */
  checked: number;
  /** Periods whose shards were not asked yet, in time order ('2024-1', '2024-2', …). */
  periodsLeft: string[];
  /** True when every period was asked and every candidate checked: hits is then the complete answer. */
  done: boolean;
}

/** A search in progress: what is known, and a way to check more candidates. */
export interface Search {
  progress: SearchProgress;
  /** Checks candidate pages until PAGE_SIZE more results are found, MAX_READ were read, MAX_SHARDS were asked, or none are left. */
  more: () => Promise<SearchProgress>;
}

/**
 * The selected shards grouped by period, in the order a search asks them:
 * newest first, or oldest first when sorting oldest first.
 */
function periodGroups(shards: readonly Shard[], state: SearchState): { period: string; shards: Shard[] }[] {
  const byPeriod = new Map<string, Shard[]>();
  for (const shard of selectShards(shards, state)) {
    const group = byPeriod.get(shard.period);
    if (group) group.push(shard);
    else byPeriod.set(shard.period, [shard]);
  }
  const periods = [...byPeriod.keys()].sort();
  if (state.sort !== 'oldest') periods.reverse();
  return periods.map((period) => ({ period, shards: byPeriod.get(period) ?? [] }));
}

/**
 * How many candidate pages to read next: enough, at the rate results have
 * come so far, to fill the page of results, and at least MIN_STEP.
 */
function stepSize(needed: number, found: number, read: number): number {
  if (read === 0) return MIN_STEP;
  if (found === 0) return MAX_READ;
  return Math.max(MIN_STEP, Math.ceil((needed * read) / found));
}

/**
 * Starts a search and checks its first candidates. Every result holds every
 * term (after folding) as a substring of one printed block; Pagefind only
 * narrows the printed pages to read, and every story of a page read is
 * checked on its own (stories of another kind than the one chosen are
 * skipped: the page is a candidate if any of its stories is of that kind).
 *
 * The shards are asked one period at a time (newest first, or oldest first
 * when sorting oldest first) and only while a page of results is not yet
 * full, so a common word costs the newest period's index chunks whatever the
 * archive's size, and a rare one goes on through the periods, at most
 * MAX_SHARDS shards per page of results. Candidate pages are checked in
 * Pagefind's order (by date when sorting by date), at most MAX_READ per page
 * of results, and each page of results is ranked: headline hits first, then
 * by the number of occurrences, or by date. An answer that fits in one page
 * of results is therefore complete, exactly counted and exactly ranked.
 */
export async function startSearch(
  state: SearchState,
  folded: string[],
  table: FoldTable,
  shards: readonly Shard[],
  find: typeof findCandidates = findCandidates,
): Promise<Search> {
  const words = queryWords(folded);
  const order = state.sort === 'relevance' ? 'score' : state.sort;
  const filters: CandidateFilters = state.kind ? { kind: state.kind } : {};
  const groups = periodGroups(shards, state);
  const hits: SearchHit[] = [];
  let asked = 0;
  let offered = 0;
  let checkedPages = 0;
  let checked = 0;
  let current: Candidates | undefined;
  let checkedInCurrent = 0;
  let shardsThisStep = 0;

  /**
   * The candidates still to check, asking the next period when the current
   * one is used up; undefined when none are left or the next period would
   * take this page of results past MAX_SHARDS.
   */
  const pending = async (): Promise<Candidates | undefined> => {
    while (!current || checkedInCurrent >= current.count) {
      const group = groups[asked]?.shards;
      if (!group || (shardsThisStep > 0 && shardsThisStep + group.length > MAX_SHARDS)) return undefined;
      asked += 1;
      shardsThisStep += group.length;
      // The recent shard holds every paper's newest month: when one paper is
      // chosen, Pagefind's paper filter keeps the others' pages out of it.
      const paper = state.paper && group.some((shard) => !shard.paper) ? { paper: state.paper } : {};
      current = await find(words, { ...filters, ...paper }, group, order);
      checkedInCurrent = 0;
      offered += current.count;
    }
    return current;
  };
  const check = async (candidates: Candidates, count: number): Promise<void> => {
    for (const stories of await candidates.pages(checkedInCurrent, checkedInCurrent + count)) {
      for (const record of stories) {
        if (state.kind && record.kind !== state.kind) continue;
        checked += 1;
        const match = matchStory(record.blocks, folded, table);
        if (match) hits.push({ record, match });
      }
    }
    checkedInCurrent += count;
    checkedPages += count;
  };
  const progress = (): SearchProgress => {
    const left = groups.slice(asked).map(({ period }) => period);
    const done = left.length === 0 && (!current || checkedInCurrent >= current.count);
    return { hits: [...hits], candidates: offered, checkedPages, checked, periodsLeft: left.sort(), done };
  };
  const search: Search = {
    progress: progress(),
    more: async () => {
      const before = hits.length;
      const target = before + PAGE_SIZE;
      const start = checkedPages;
      const limit = checkedPages + MAX_READ;
      shardsThisStep = 0;
      // Read only as many pages as the page of results still needs, at the
      // rate this search has found results so far.
      for (let candidates = await pending(); candidates && hits.length < target && checkedPages < limit; candidates = await pending()) {
        const want = stepSize(target - hits.length, hits.length - before, checkedPages - start);
        await check(candidates, Math.min(want, limit - checkedPages, candidates.count - checkedInCurrent));
      }
      // Each page is ranked on its own; shown pages never reorder.
      hits.splice(before, hits.length - before, ...rank(hits.slice(before), state.sort));
      search.progress = progress();
      return search.progress;
    },
  };
  await search.more();
  return search;
}
