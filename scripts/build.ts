/**
 * Builds the site and changes dist/ only when every step succeeded, so a
 * failed build (bad input, say) never touches the output of the last good
 * one.
 *
 * A rebuild renders only what changed. Astro renders into a fresh folder just
 * the paths whose cacheKey differs from the last build's
 * (src/data/render-plan.ts), plus the few pages without one (home, search),
 * and the indexer indexes the search shards whose records changed. Once both
 * succeeded, each new file and shard is renamed into dist/ (a reader sees
 * every file either old or new, never half written, and a file someone holds
 * open keeps its old bytes) and paths the archive no longer has are removed:
 * the work is that of the change, not of the archive. When the site's code
 * or settings changed, or there is no last output, everything is rendered
 * afresh and the new folder is swapped in whole.
 *
 * Beside the output, <out>.cache holds Astro's content store and page
 * summaries (astro/), the keys of the last build (keys.json) and what it
 * changed in the output (changes.json: the files written and removed by an
 * incremental build, for a deployment that uploads only those).
 *
 * Usage: node scripts/build.ts [--out dist]
 * Env:   ARCHIVE_CONTENT_DIR (default content), SITE_URL
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyChanges, codeDigest, readKeys, mergeKeyFiles, type OutputChanges } from '../src/build/output-tree.ts';

const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? 'dist') : 'dist');
const fresh = `${out}.build-fresh`;
const previous = `${out}.build-previous`;
const cache = `${out}.cache`;
const astroCache = join(cache, 'astro');
const keysFile = join(cache, 'keys.json');
const nextKeys = join(cache, 'keys-next');
const changesFile = join(cache, 'changes.json');

/**
 * Runs a command with `env` added; on failure removes this build's folders
 * and exits, leaving the output as it was.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) {
    for (const folder of [fresh, nextKeys]) rmSync(folder, { recursive: true, force: true });
    console.error(`\nBuild failed in \`${command} ${args.join(' ')}\`; ${out} was left as it was.`);
    process.exit(result.status ?? 1);
  }
}

const code = codeDigest(process.cwd(), process.env['SITE_URL'] ?? '');
const last = existsSync(out) ? readKeys(keysFile) : null;
const incremental = last !== null && last.code === code;
for (const folder of [fresh, nextKeys]) rmSync(folder, { recursive: true, force: true });

const started = performance.now();
run('astro', ['build', '--outDir', fresh], {
  ARCHIVE_CACHE_DIR: astroCache,
  ARCHIVE_NEXT_KEYS: nextKeys,
  ...(incremental ? { ARCHIVE_PREVIOUS_KEYS: keysFile, ARCHIVE_LAST_OUTPUT: out } : {}),
});
run('node', ['scripts/index-search.ts', fresh]);
const next = { code, paths: mergeKeyFiles(nextKeys) };

const swapping = performance.now();
/** What this build changed in the output, for a deployment that uploads only that (a full build: everything). */
let changes: OutputChanges | null = null;
if (incremental) {
  changes = applyChanges(fresh, out, last.paths, next.paths);
  rmSync(fresh, { recursive: true, force: true });
  console.log(`Renamed ${changes.written.length} new files into ${out}, removed ${changes.removed.length}; the list is in ${changesFile}`);
} else {
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, previous);
  renameSync(fresh, out);
  rmSync(previous, { recursive: true, force: true });
}
// The keys are kept only once their output is in place: a build that fails
// before this point leaves the last build's keys, which still describe dist/.
mkdirSync(cache, { recursive: true });
writeFileSync(`${keysFile}.tmp`, JSON.stringify(next));
renameSync(`${keysFile}.tmp`, keysFile);
writeFileSync(changesFile, `${JSON.stringify(changes ? { build: 'incremental', ...changes } : { build: 'full' }, null, 1)}\n`);
rmSync(nextKeys, { recursive: true, force: true });
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
console.log(`Built ${out} (${incremental ? 'incremental' : 'full'}) in ${seconds(started)} s, of which ${seconds(swapping)} s putting the output in place`);
