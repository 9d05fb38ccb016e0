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
 * One build at a time writes an output: the build holds <out>.lock
 * (src/build/build-lock.ts) throughout, and a second one refuses, naming it.
 *
 * Beside the output, <out>.cache holds Astro's content store and page
 * summaries (astro/), the keys of the last build (keys.json) and what it
 * changed in the output (changes.json: the files written and removed by an
 * incremental build, for a deployment that uploads only those). Both are
 * written once the output is in place, each whole by a rename, changes.json
 * first: keys.json, the record the next build trusts, never claims an output
 * that was not published.
 *
 * Links published for the first time are appended to the content folder's
 * permalinks.tsv once the output is in place, so the next build keeps them.
 *
 * Usage: npm run build [-- --out dist]
 * Env:   ARCHIVE_CONTENT_DIR (default content), SITE_URL
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { acquireBuildLock, BuildLockedError } from '../src/build/build-lock.ts';
import { codeDigest } from '../src/build/code-digest.ts';
import { applyChanges, mergeKeyFiles, outputOf, readKeys, renderedUrls, type OutputChanges } from '../src/build/output-tree.ts';
import { RENDERED } from '../src/data/render-plan.ts';
import { appendToRegistry, REGISTRY_ADDITIONS } from '../src/build/registry-file.ts';

const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? 'dist') : 'dist');
const fresh = `${out}.build-fresh`;
const previous = `${out}.build-previous`;
const cache = `${out}.cache`;
const astroCache = join(cache, 'astro');
const keysFile = join(cache, 'keys.json');
const nextKeys = join(cache, 'keys-next');
const changesFile = join(cache, 'changes.json');
const contentDir = process.env['ARCHIVE_CONTENT_DIR'] ?? 'content';

const releases: (() => void)[] = [];
try {
  releases.push(acquireBuildLock(out));
  // Astro renders a build for a folder outside the project through one shared folder, .astro/.prerender: one such build at a time.
  if (!out.startsWith(`${process.cwd()}${sep}`)) {
    mkdirSync('.astro', { recursive: true });
    releases.push(
      acquireBuildLock(join(process.cwd(), '.astro', 'outside-output'), 'building into a folder outside the project through .astro/'),
    );
  }
} catch (error) {
  if (!(error instanceof BuildLockedError)) throw error;
  for (const release of releases) release();
  console.error(error.message);
  process.exit(75);
}
// A build that fails or finishes lets go of its locks; a killed one leaves them, and the next build takes them over.
process.on('exit', () => {
  for (const release of releases) release();
});
/** Writes a file whole: readers and a killed build see the old file or the new, never part of one. */
function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

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

const code = codeDigest(process.cwd(), `site ${process.env['SITE_URL'] ?? ''}`);
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
// Links published for the first time are registered, so the next build keeps them.
const additions = join(nextKeys, REGISTRY_ADDITIONS);
const newLinks = existsSync(additions) ? readFileSync(additions, 'utf8') : '';
if (newLinks !== '') {
  const registry = appendToRegistry(contentDir, newLinks);
  console.log(`Registered ${newLinks.split('\n').length - 1} new link(s) in ${registry}; commit it with the pages.`);
}
// The keys are kept only once their output is in place: a build that fails
// before this point leaves the last build's keys, which still describe dist/.
mkdirSync(cache, { recursive: true });
const rendered = renderedUrls(nextKeys, RENDERED).map(outputOf);
writeWhole(
  changesFile,
  `${JSON.stringify(changes ? { build: 'incremental', ...changes, rendered } : { build: 'full', rendered }, null, 1)}\n`,
);
writeWhole(keysFile, JSON.stringify(next));
rmSync(nextKeys, { recursive: true, force: true });
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
console.log(
  `Built ${out} (${incremental ? 'incremental' : 'full'}) in ${seconds(started)} s, of which ${seconds(swapping)} s putting the output in place`,
);
