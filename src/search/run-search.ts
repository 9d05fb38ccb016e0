/**
 * One search from start to finish: parse and fold the query, get candidates
 * from Pagefind, keep only stories that really hold every term, rank them.
 */
import { foldString, type FoldTable } from '../archive/fold-text.ts';
import { findCandidates, type CandidateFilters } from './pagefind-candidates.ts';
import { selectShards, type Shard } from './shards.ts';
import { matchStory, type StoryMatch } from './match.ts';
import { parseQuery } from './query.ts';
import type { SearchRecord } from './search-record.ts';
import type { SearchState } from './search-state.ts';
import { termWords } from './tokens.ts';

/** Candidates checked at once when there are this many or fewer: all, so the count and ranking are exact. */
export const VERIFY_ALL = 200;
/** Results added per page when there are more candidates. */
export const PAGE_SIZE = 20;
/** Fewest candidates read per step while filling a page. */
const MIN_STEP = 10;
/** Most index words asked for per term. */
const WORDS_PER_TERM = 4;

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
 * Index words to ask Pagefind for: up to WORDS_PER_TERM bigrams of each term,
 * spread over it. More words narrow the candidates (fewer fragments to
 * read) but each can cost an index chunk per shard; the check against the
 * printed text makes the answer exact either way.
 */
export function queryWords(folded: string[]): string[] {
  const words = folded.flatMap((term) => {
    const all = termWords(term);
    if (all.length <= WORDS_PER_TERM) return all;
    const step = (all.length - 1) / (WORDS_PER_TERM - 1);
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
  /** Stories Pagefind offered (every one holding all the index words). */
  candidates: number;
  /** How many of them were checked against their printed text. */
  checked: number;
  /** True when every candidate was checked: hits is then the complete answer. */
  done: boolean;
}

/** A search in progress: what is known, and a way to check more candidates. */
export interface Search {
  progress: SearchProgress;
  /** Checks candidates until PAGE_SIZE more results are found or none are left. */
  more: () => Promise<SearchProgress>;
}

/**
 * Starts a search over the shards the state selects and checks its first
 * candidates. Every result holds every term (after folding) as a substring of
 * one printed block; Pagefind only narrows the stories to read. With at most
 * VERIFY_ALL candidates all are checked at once, so the count and the ranking
 * are exact; with more, candidates are checked in Pagefind's order (by date
 * when sorting by date) a page at a time.
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
  const ids = selectShards(shards, state).map((shard) => shard.id);
  const candidates = await find(words, filters, ids, order);
  const hits: SearchHit[] = [];
  let checked = 0;
  const check = async (until: number): Promise<void> => {
    for (const record of await candidates.records(checked, until)) {
      const match = matchStory(record.blocks, folded, table);
      if (match) hits.push({ record, match });
    }
    checked = until;
  };
  const progress = (): SearchProgress => ({ hits: [...hits], candidates: candidates.count, checked, done: checked >= candidates.count });
  const search: Search = {
    progress: progress(),
    more: async () => {
      if (candidates.count <= VERIFY_ALL) {
        await check(candidates.count);
        rank(hits, state.sort);
      } else {
        const target = hits.length + PAGE_SIZE;
        // Read only as many as the page still needs (most candidates hold
        // the term), but never fewer than MIN_STEP at a time.
        while (hits.length < target && checked < candidates.count) {
          await check(Math.min(candidates.count, checked + Math.max(MIN_STEP, target - hits.length)));
        }
      }
      search.progress = progress();
      return search.progress;
    },
  };
  await search.more();
  return search;
}
