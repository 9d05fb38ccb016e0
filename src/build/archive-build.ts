import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { archivePlan } from '../loaders/archive-plan.ts';
import { indexSearch } from '../search/indexer/index-search.ts';
import { writeShardRecords } from '../search/indexer/shard-records.ts';
import { buildFolders, prerenderPlace, type BuildFolders } from './build-folders.ts';
import { acquireBuildLock, BuildLockedError } from './build-lock.ts';
import { beginBuildRun, type BuildRun } from './build-run.ts';
import { codeDigest } from './code-digest.ts';
import { applyChanges, mergeKeys, outputOf, readKeys, type BuildKeys, type OutputChanges } from './output-tree.ts';
import { manifestPaths, readWitness, registerPublished } from './link-witness-files.ts';

/**
 * The archive's build as an Astro integration: `astro build` (and `npm run
 * build`) does the whole job, and changes the output folder only when every
 * step succeeded, so a failed build (bad input, say) never touches the
 * output of the last good one.
 *
 * A rebuild renders only what changed. Astro renders into a fresh folder
 * beside the output (`.<out>.build-fresh`, ./build-folders.ts) just the paths whose cacheKey
 * differs from the last build's (src/data/render-plan.ts), plus the few pages
 * without one (home, search), and the indexer indexes the search shards
 * whose records changed. Once both succeeded, each new file and shard is
 * renamed into the output (a reader sees every file either old or new, never
 * half written, and a file someone holds open keeps its old bytes) and paths
 * the archive no longer has are removed: the work is that of the change, not
 * of the archive. When the site's code or settings changed, or there is no
 * last output, everything is rendered afresh and the new folder is swapped
 * in whole.
 *
 * One build at a time writes an output: the build holds `<out>.lock`
 * (./build-lock.ts) throughout, and a second one refuses, naming it.
 *
 * Beside the output, `<out>.cache` holds Astro's content store and page
 * summaries (astro/), the keys of the last build (keys.json) and what it
 * changed in the output (changes.json: the files written and removed by an
 * incremental build, for a deployment that uploads only those, and the paths
 * rendered). Both are written once the output is in place, each whole by a
 * rename, changes.json first: keys.json, the record the next build trusts,
 * never claims an output that was not published. Links published for the
 * first time are appended to the content folder's permalinks.tsv before the
 * output is put in place (./registry-file.ts): a build that cannot register
 * them publishes nothing. The manifest of every link published
 * (permalinks.json, ./link-witness-files.ts) goes into the output and the
 * state; the next build into the output takes it as the witness of what was published.
 */

/** Writes a file whole: readers and a killed build see the old file or the new, never part of one. */
function writeWhole(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Takes the build's locks, or ends the process naming the build that holds one or the folder that cannot be built into. */
function lock({ out, fresh }: BuildFolders): (() => void)[] {
  const place = prerenderPlace(fresh, process.cwd());
  if (place === 'unloadable') {
    console.error(
      `Cannot build into ${out}: Astro would take ${fresh} for a folder inside the project ${process.cwd()}, ` +
        'because its path begins with the same letters, and the build would fail half-way. ' +
        `Build into a folder inside the project, or into one whose path does not begin with ${process.cwd()}.`,
    );
    process.exit(78);
  }
  const releases: (() => void)[] = [];
  try {
    releases.push(acquireBuildLock(out));
    // Astro renders a build for a folder outside the project through one shared folder, .astro/.prerender: one such build at a time.
    if (place === 'in .astro') {
      mkdirSync('.astro', { recursive: true });
      releases.push(
        acquireBuildLock(join(process.cwd(), '.astro', 'outside-output'), 'building into a folder outside the project through .astro/'),
      );
    }
  } catch (error) {
    for (const release of releases) release();
    if (!(error instanceof BuildLockedError)) throw error;
    console.error(error.message);
    process.exit(75);
  }
  return releases;
}

/** Lays the fresh output over the last one (incremental) or swaps it in whole; says what changed. */
function publish(folders: BuildFolders, last: BuildKeys | null, next: BuildKeys): OutputChanges | null {
  const { out, fresh, previous } = folders;
  if (last) {
    const changes = applyChanges(fresh, out, last.paths, next.paths);
    rmSync(fresh, { recursive: true, force: true });
    return changes;
  }
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(out)) renameSync(out, previous);
  renameSync(fresh, out);
  rmSync(previous, { recursive: true, force: true });
  return null;
}

/**
 * The integration. `contentDir` is the content folder the loaders read, whose
 * permalinks.tsv the build appends new links to.
 */
export function archiveBuild({ contentDir }: { contentDir: string }): AstroIntegration {
  let folders: BuildFolders | null = null;
  let run: BuildRun | null = null;
  let last: BuildKeys | null = null;
  let code = '';
  let started = 0;
  /** Astro's cache folder as the loaders see it (config.cacheDir), where the archive plan is kept. */
  let cacheDir: URL | null = null;
  /** Set once the output and its state are in place: from then on, nothing is left to clean up. */
  let finished = false;
  /** Set once the output is in place: a failure after it must not say the output was left as it was. */
  let published = false;
  return {
    name: 'nantong-newspaper-archive-build',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        started = performance.now();
        const out = fileURLToPath(config.outDir).replace(/[\\/]+$/u, '');
        const f = buildFolders(out);
        folders = f;
        const releases = lock(f);
        process.on('exit', (status) => {
          // A failed build removes its own folders and leaves the output as it was; a killed one leaves its locks, which the next build takes over.
          if (!finished) {
            rmSync(f.fresh, { recursive: true, force: true });
            if (status !== 0)
              console.error(
                published
                  ? `\nThe build failed after putting its output in place: ${out} holds this build's output, but its state in ${f.cache} was not all written.`
                  : `\nThe build failed; ${out} was left as it was.`,
              );
          }
          for (const release of releases) release();
        });
        code = codeDigest(process.cwd(), `site ${config.site ?? ''}`);
        const kept = existsSync(out) ? readKeys(f.keys) : null;
        last = kept !== null && kept.code === code ? kept : null;
        rmSync(f.fresh, { recursive: true, force: true });
        run = beginBuildRun(last?.paths ?? {}, last ? out : null, readWitness(out, f.cache));
        updateConfig({ outDir: pathToFileURL(`${f.fresh}/`), cacheDir: pathToFileURL(`${join(f.cache, 'astro')}/`) });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ logger }) => {
        if (!folders || !run) return;
        const f = folders;
        // The search records of the shards that changed, from the plan the loader made in this process, then their index.
        const plan = archivePlan(contentDir, cacheDir ?? new URL(pathToFileURL(`${join(f.cache, 'astro')}/`)));
        const records = join(f.cache, 'search-records');
        rmSync(records, { recursive: true, force: true });
        run.keys.set('search-records', writeShardRecords(plan.items, run.previous, run.lastOutput, records));
        logger.info(await indexSearch(f.fresh, records));
        const next: BuildKeys = { code, paths: mergeKeys(run.keys) };
        // The new links are registered before the output is put in place; the manifest of every link goes in with it.
        const registered = registerPublished(contentDir, run);
        if (registered.added > 0)
          logger.info(`Registered ${registered.added} new link(s) in ${registered.path}; commit it with the pages.`);
        const manifest = manifestPaths(f.fresh, f.cache);
        writeFileSync(manifest.output, registered.manifest);
        const swapping = performance.now();
        const changes = publish(f, last, next);
        published = true;
        if (changes)
          logger.info(
            `Renamed ${changes.written.length} new files into ${f.out}, removed ${changes.removed.length}; the list is in ${f.changes}`,
          );
        // The keys are kept only once their output is in place: a build that
        // fails before this point leaves the last build's keys, which still describe the output.
        mkdirSync(f.cache, { recursive: true });
        const rendered = [...run.rendered.values()].flat().map(outputOf).sort();
        writeWhole(
          f.changes,
          `${JSON.stringify(changes ? { build: 'incremental', ...changes, rendered } : { build: 'full', rendered }, null, 1)}\n`,
        );
        writeWhole(manifest.state, registered.manifest);
        writeWhole(f.keys, JSON.stringify(next));
        finished = true;
        const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
        logger.info(
          `Built ${f.out} (${changes ? 'incremental' : 'full'}) in ${seconds(started)} s, of which ${seconds(swapping)} s putting the output in place`,
        );
      },
    },
  };
}
