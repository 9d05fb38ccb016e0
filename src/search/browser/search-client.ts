/**
 * The search page's side of the search worker: starts searches in it and
 * gives each back as a {@link Search}, as run-search.ts would on the page
 * itself, so the page draws results while the worker loads Pagefind, unpacks
 * the index and checks every candidate story.
 */
import type { Shard } from '../../data/partitions.ts';
import type { FoldedTerm } from '../shared/match.ts';
import type { Search, SearchHit, SearchProgress } from './run-search.ts';
import type { SearchState } from './search-state.ts';
import type { ProgressUpdate, WorkerReply, WorkerRequest } from './worker-protocol.ts';

/** A request without its id, each kind on its own: the client numbers requests itself. */
type Ask<R = WorkerRequest> = R extends WorkerRequest ? Omit<R, 'id'> : never;

/**
 * Starts searches in a worker of their own, made on the first search.
 * @example const client = searchClient(form.dataset.foldTable); const search = await client.start(state, terms, shards);
 */
export function searchClient(foldPairs: string): {
  start: (state: SearchState, terms: FoldedTerm[], shards: Shard[]) => Promise<Search>;
} {
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (update: ProgressUpdate) => void; reject: (error: Error) => void }>();

  /** Sends a request; its id, and the worker's answer to come. */
  const send = (ask: Ask): { id: number; reply: Promise<ProgressUpdate> } => {
    if (!worker) {
      worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        const pending = waiting.get(reply.id);
        waiting.delete(reply.id);
        if ('error' in reply) pending?.reject(new Error(reply.error));
        else pending?.resolve(reply.update);
      });
      // A worker that fails fails every search waiting on it; the next search starts a new one.
      worker.addEventListener('error', (event) => {
        for (const pending of waiting.values()) pending.reject(new Error(`search worker: ${event.message}`));
        waiting.clear();
        worker = undefined;
      });
    }
    const id = (nextId += 1);
    const reply = new Promise<ProgressUpdate>((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ ...ask, id } as WorkerRequest);
    return { id, reply };
  };

  return {
    start: async (state, terms, shards) => {
      let hits: SearchHit[] = [];
      const progressOf = ({ from, hits: added, ...rest }: ProgressUpdate): SearchProgress => {
        hits = [...hits.slice(0, from), ...added];
        return { ...rest, hits };
      };
      const language = document.documentElement.lang.toLowerCase();
      const { id, reply } = send({ op: 'start', state, terms, shards, foldPairs, language });
      const search: Search = {
        progress: progressOf(await reply),
        more: async () => (search.progress = progressOf(await send({ op: 'more', search: id }).reply)),
        survey: async () => (search.progress = progressOf(await send({ op: 'survey', search: id }).reply)),
      };
      return search;
    },
  };
}
