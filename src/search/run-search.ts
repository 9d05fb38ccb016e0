/**
 * One search from start to finish: parse and fold the query, get candidates
 * from Pagefind, keep only stories that really hold every term, rank them.
 */
import { foldString, type FoldTable } from '../archive/fold-text.ts';
import { findCandidates, type CandidateFilters } from './pagefind-candidates.ts';
import { matchStory, type StoryMatch } from './match.ts';
import { parseQuery } from './query.ts';
import type { SearchRecord } from './search-record.ts';
import type { SearchState } from './search-state.ts';
import { termWords } from './tokens.ts';

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

/** Pagefind filters for the state; years in [from, to] out of the archive's years. */
function filtersFor(state: SearchState, years: string[]): CandidateFilters {
  const filters: CandidateFilters = {};
  if (state.paper) filters['paper'] = state.paper;
  if (state.kind) filters['kind'] = state.kind;
  if (state.from || state.to) {
    const chosen = years.filter((year) => (!state.from || year >= state.from) && (!state.to || year <= state.to));
    filters['year'] = { any: chosen.length > 0 ? chosen : ['none'] };
  }
  return filters;
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

/**
 * Runs a search. Every story returned holds every term (after folding) as a
 * substring of one printed block; Pagefind only narrows the stories to read.
 */
export async function runSearch(state: SearchState, folded: string[], table: FoldTable, years: string[]): Promise<SearchHit[]> {
  // One index word per term: Pagefind fetches an index chunk per word range,
  // so each extra word can cost a chunk on the first query, while the
  // verification below already removes every story a term is missing from.
  const words = [...new Set(folded.flatMap((term) => termWords(term).slice(0, 1)))];
  if (words.length === 0) return [];
  const records = await findCandidates(words, filtersFor(state, years));
  const hits: SearchHit[] = [];
  for (const record of records) {
    const match = matchStory(record.blocks, folded, table);
    if (match) hits.push({ record, match });
  }
  return rank(hits, state.sort);
}
