/**
 * Builds the search index (../shared/search-index.ts) of a built site folder
 * from search records, one file per shard (src/data/partitions.ts), in a
 * folder of build input that is removed afterwards.
 *
 * Each shard is indexed by a process of its own (./index-shard.ts), as many at a time as the machine
 * has cores (or ARCHIVE_INDEX_JOBS), largest first: the indexer works on one
 * core, and each process's memory is bounded by its shard.
 *
 * Only the shards whose records were written are indexed: a rebuild writes
 * the records of the shards that changed, and the build keeps the others
 * from the last output.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEARCH_FILES } from '../pagefind/bundle.ts';

/** The script that indexes one shard, in a process of its own. */
const INDEX_SHARD = fileURLToPath(new URL('index-shard.ts', import.meta.url));

/** Runs ./index-shard.ts on one records file (its errors go to this process's stderr); rejects when it fails. */
function indexShard(recordsFile: string, site: string, shard: string, wordsDir: string | undefined, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INDEX_SHARD, recordsFile, site, shard, ...(wordsDir ? [wordsDir] : [])], {
      stdio: ['ignore', 'inherit', 'inherit'],
      signal,
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`indexing ${recordsFile} exited with ${code}`))));
  });
}

/** Where indexing says how far it is: the build's progress line (src/build/build-progress.ts). */
export interface IndexProgress {
  /** How many shards are to be indexed. */
  expect: (total: number) => void;
  /** Counts shards done (0 starts the clock). */
  add: (done?: number) => void;
  /** Ends the line with its summary. */
  done: () => void;
}

/** Runs `tasks` with at most `jobs` at a time; stops starting new ones after the first failure, and rethrows it. */
async function runPool(tasks: (() => Promise<void>)[], jobs: number): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < tasks.length) {
      const task = tasks[next++];
      try {
        await task?.();
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  if (failure !== undefined) throw failure;
}

/**
 * Indexes the records files in `recordsDir` into the search folder of
 * `site`, one process per shard, `jobs` at a time, counting each shard done
 * in `progress`, keeping each shard's words in `wordsDir` when given
 * (../pagefind/shard-words.ts); removes the records folder when done.
 * `signal` stops the processes under way and starts no more.
 * @returns a line saying what was indexed
 */
export async function indexSearch(
  site: string,
  recordsDir: string,
  jobs = Number(process.env['ARCHIVE_INDEX_JOBS']) || availableParallelism(),
  progress?: IndexProgress,
  wordsDir?: string,
  signal?: AbortSignal,
): Promise<string> {
  const started = performance.now();
  const output = join(site, SEARCH_FILES.folder);
  rmSync(output, { recursive: true, force: true });
  mkdirSync(output, { recursive: true });
  // A rebuild in which no shard changed writes no records at all.
  const files = (existsSync(recordsDir) ? readdirSync(recordsDir) : [])
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file: join(recordsDir, file), shard: file.slice(0, -'.json'.length) }))
    .map((entry) => ({ ...entry, size: statSync(entry.file).size }))
    // Largest first, so that the last shard to finish is a small one.
    .sort((a, b) => b.size - a.size || a.shard.localeCompare(b.shard));
  progress?.expect(files.length);
  // Counted from the start, not from the first shard done, which may take minutes.
  progress?.add(0);
  await runPool(
    files.map(({ file, shard }) => async () => {
      await indexShard(file, site, shard, wordsDir, signal);
      progress?.add();
    }),
    jobs,
  );
  progress?.done();
  rmSync(recordsDir, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `Indexed ${files.length} search shards into ${output}, ${Math.min(jobs, files.length)} at a time, in ${seconds} s`;
}
