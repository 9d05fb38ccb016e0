/**
 * The search worker: runs searches (run-search.ts, over the site's Pagefind
 * index, ../pagefind/candidates.ts) for the
 * search page, off its main thread. It keeps the latest search only; a
 * request for an older one is answered with an error the page ignores,
 * since it has moved on.
 */
import { readFoldTable, type FoldTable } from '../../archive/fold-text.ts';
import { pagefindIndex } from '../pagefind/candidates.ts';
import type { SearchIndex } from '../shared/search-index.ts';
import { startSearch, type Search, type SearchProgress } from './run-search.ts';
import type { ProgressUpdate, WorkerReply, WorkerRequest } from './worker-protocol.ts';

let table: { pairs: string; table: FoldTable } | undefined;
/** The index, made by the first search, in the page's language. */
let index: SearchIndex | undefined;
let latest: { id: number; search: Search; sent: number } | undefined;

/**
 * The update for a progress: the results after those already sent, and
 * again those of the page of results being filled, which a step may rank anew.
 */
function updateOf(current: NonNullable<typeof latest>, progress: SearchProgress): ProgressUpdate {
  const from = Math.min(current.sent, progress.settled);
  const update = { ...progress, from, hits: progress.hits.slice(from) };
  current.sent = progress.hits.length;
  return update;
}

/** Carries out one request. */
async function answer(request: WorkerRequest): Promise<ProgressUpdate> {
  if (request.op === 'start') {
    index ??= pagefindIndex(request.language);
    if (table?.pairs !== request.foldPairs) table = { pairs: request.foldPairs, table: readFoldTable(request.foldPairs) };
    const search = await startSearch(request.state, request.terms, table.table, request.shards, index);
    const started = { id: request.id, search, sent: 0 };
    // A newer search may have started while this one waited for the index.
    if (!latest || latest.id < request.id) latest = started;
    return updateOf(started, search.progress);
  }
  const current = latest;
  if (current?.id !== request.search) throw new Error('a newer search replaced this one');
  const progress = await (request.op === 'more' ? current.search.more() : current.search.survey());
  return updateOf(current, progress);
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  answer(request).then(
    (update) => postMessage({ id: request.id, update } satisfies WorkerReply),
    (error: unknown) => postMessage({ id: request.id, error: String(error) } satisfies WorkerReply),
  );
});
