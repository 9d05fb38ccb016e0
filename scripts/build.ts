/**
 * Builds the site into a fresh folder and swaps it into dist/ only when every
 * step succeeded, so a failed build (bad input, say) never touches the output
 * of the last good one. Astro's cache (content data store, incremental build
 * manifest and page copies) lives beside the output in <out>.cache/astro, so
 * a rebuild re-renders only the pages whose data or code changed, and builds
 * into different folders (of different archives, say) never share a cache.
 * The search index's shards are cached beside it, in <out>.cache/pagefind.
 *
 * Usage: node scripts/build.ts [--out dist]
 * Env:   ARCHIVE_CONTENT_DIR (default content), SITE_URL
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? 'dist') : 'dist');
const staging = `${out}.build-staging`;
const previous = `${out}.build-previous`;
const astroCache = `${out}.cache/astro`;
/** Search shards by the digest of their records: an unchanged paper-year is copied, not indexed again. */
const searchCache = `${out}.cache/pagefind`;
/** Astro's incremental build manifest; without one, every page is rendered afresh. */
const incrementalManifest = join(astroCache, 'incremental-build.json');

/**
 * Runs a command with the project's own bin folder first on PATH and `env`
 * added; on failure runs `cleanUp`, removes the staging folder and exits.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, cleanUp = (): void => {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) {
    cleanUp();
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nBuild failed in \`${command} ${args.join(' ')}\`; ${out} was left as it was.`);
    process.exit(result.status ?? 1);
  }
}

rmSync(staging, { recursive: true, force: true });
// A build that fails while rendering may already have replaced some cached
// page copies while the manifest still describes the last good build; drop
// the manifest so the next build trusts none of them.
run('astro', ['build', '--outDir', staging], { ARCHIVE_CACHE_DIR: astroCache }, () => rmSync(incrementalManifest, { force: true }));
run('node', ['scripts/index-search.ts', staging, '--cache', searchCache]);
rmSync(previous, { recursive: true, force: true });
if (existsSync(out)) renameSync(out, previous);
renameSync(staging, out);
rmSync(previous, { recursive: true, force: true });
console.log(`Built ${out}`);
