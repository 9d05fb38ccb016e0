/**
 * Builds the Pagefind search index for a built site folder from the search
 * records the site wrote to <site>/search/records/<shard>.json, one file per
 * shard (src/search/shards.ts); the folder is then removed: it is build
 * input, not part of the site.
 *
 * A hub index at /pagefind/ holds Pagefind's script and wasm and a single
 * record that never matches: the browser opens it and merges the shards a
 * search needs into it. Each shard is indexed into /pagefind/<shard>/ by a
 * process of its own (scripts/index-shard.ts), as many at a time as the
 * machine has cores (or ARCHIVE_INDEX_JOBS), largest first: Pagefind's
 * service works on one core, and each process's memory is bounded by its
 * shard.
 *
 * Only the shards whose records the site wrote are indexed: a rebuild
 * renders the records of the shards that changed, and scripts/build.ts keeps
 * the others from the last output.
 *
 * Usage: node scripts/index-search.ts <site-folder>
 * Env:   ARCHIVE_INDEX_JOBS (default: the number of cores)
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HUB_PAGE, indexPages } from '../src/search/index-pages.ts';

/** The script that indexes one shard, in a process of its own. */
const INDEX_SHARD = fileURLToPath(new URL('index-shard.ts', import.meta.url));

/** Runs scripts/index-shard.ts on one records file (its errors go to this process's stderr); rejects when it fails. */
function indexShard(recordsFile: string, output: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [INDEX_SHARD, recordsFile, output], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`indexing ${recordsFile} exited with ${code}`))));
  });
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

async function main(site: string): Promise<number> {
  const started = performance.now();
  const recordsDir = join(site, 'search', 'records');
  const output = join(site, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  await indexPages([HUB_PAGE], output, { hub: true });
  // A rebuild in which no shard changed renders no records at all.
  const files = (existsSync(recordsDir) ? readdirSync(recordsDir) : [])
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ file: join(recordsDir, file), shard: file.slice(0, -'.json'.length) }))
    .map((entry) => ({ ...entry, size: statSync(entry.file).size }))
    // Largest first, so that the last shard to finish is a small one.
    .sort((a, b) => b.size - a.size || a.shard.localeCompare(b.shard));
  const jobs = Number(process.env['ARCHIVE_INDEX_JOBS']) || availableParallelism();
  await runPool(
    files.map(
      ({ file, shard }) =>
        () =>
          indexShard(file, join(output, shard)),
    ),
    jobs,
  );
  rmSync(recordsDir, { recursive: true, force: true });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Indexed ${files.length} search shards into ${output}, ${Math.min(jobs, files.length)} at a time, in ${seconds} s`);
  return 0;
}

const site = process.argv[2];
if (!site) {
  console.error('usage: node scripts/index-search.ts <site-folder>');
  process.exit(2);
}
main(site).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
