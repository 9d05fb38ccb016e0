/**
 * The messages between the search page and its search worker
 * (search-worker.ts): the page asks to start a search, to read more of it or
 * to ask the next span; the worker answers with where the search stands.
 * Pagefind's script, its WebAssembly, the index chunks it unpacks and the
 * check of every candidate story all run in the worker, so the page stays
 * responsive while a search goes on.
 */
import type { FoldedTerm } from '../shared/match.ts';
import type { Shard } from '../../data/partitions.ts';
import type { SearchHit, SearchProgress } from './run-search.ts';
import type { SearchState } from './search-state.ts';

/** What the page asks. `search` names a search by the id of the request that started it. */
export type WorkerRequest =
  | {
      id: number;
      op: 'start';
      state: SearchState;
      terms: FoldedTerm[];
      shards: Shard[];
      /** The fold table as the page carries it: traditional and simplified characters in pairs. */
      foldPairs: string;
      /** The page's language (its <html lang>, lower case), which Pagefind searches in. */
      language: string;
    }
  | { id: number; op: 'more' | 'survey'; search: number };

/**
 * Where a search stands, with only the results from `from` on: those of full
 * pages of results never change, so each answer carries those not sent
 * before and those of the page being filled.
 */
export type ProgressUpdate = Omit<SearchProgress, 'hits'> & { from: number; hits: SearchHit[] };

/** What the worker answers, to the request of the same id. */
export type WorkerReply = { id: number; update: ProgressUpdate } | { id: number; error: string };
