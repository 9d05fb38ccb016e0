import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { archivePlan } from '../loaders/archive-plan.ts';
import { ASTRO_STORE_FILE, buildFolders, prerenderPlace, renderFolder, type BuildFolders } from './build-folders.ts';
import { SEARCH_FILES } from '../search/pagefind/bundle.ts';
import { acquireBuildLock, BuildLockedError, waitForBuildLock } from './build-lock.ts';
import { countAstroPages, logsEveryPage, PhaseProgress } from './build-progress.ts';
import { beginBuildRun, type BuildRun } from './build-run.ts';
import { codeDigest } from './code-digest.ts';
import {
  applyChanges,
  mergeKeys,
  outputOf,
  readChanges,
  readKeys,
  type BuildKeys,
  type OutputChanges,
  type PathKeys,
  type RecordedChanges,
} from './output-tree.ts';
import { manifestPaths, readWitness, registerPublished } from './link-witness-files.ts';
import { localSiteWarning } from './site-url.ts';
import { moveSearchIndex, searchFolder, startSearchIndex, type SearchIndexing } from './search-while-rendering.ts';
import { buildPartOf, readSliceOutputs, type BuildPart } from './slices.ts';
import { reachSwapStep } from './swap-steps.ts';
import {
  currentTree,
  keptTree,
  linkOrCopy,
  linkTree,
  moveInto,
  recycleTree,
  removeStaleTrees,
  startTree,
  switchOutput,
  type OutputTree,
} from './versioned-output.ts';

/**
 * The archive's build as an Astro integration: `astro build` (and `npm run
 * build`) does the whole job, and changes the output only when every step
 * succeeded, so a failed build (bad input, say) never touches the output of
 * the last good one.
 *
 * The output is a symlink to a complete tree beside it (`.<out>.builds/<n>`,
 * ./versioned-output.ts), and a build publishes a new tree by renaming a new
 * symlink over it: one atomic step, so a reader, or a build killed at any
 * instant, finds the old site or the new one whole, never a mix. The tree
 * published before is kept; older ones are removed.
 *
 * A rebuild renders only what changed. Astro renders into a fresh folder
 * (`.<out>.build-fresh` beside the output, ./build-folders.ts) just the paths whose cacheKey
 * differs from the last build's (src/data/render-plan.ts), plus the few pages
 * without one (home, search), and the indexer indexes the search shards
 * whose records changed, while the pages render (./search-while-rendering.ts). Once both succeeded, the new tree is made of hard
 * links to the last tree's files, each new file and shard is renamed into
 * it (never written into a linked file) and paths the archive no longer has
 * are removed from it: the work is that of the change, and a link per file.
 * When the site's code or settings changed, or there is no last output,
 * everything is rendered afresh and the fresh folder becomes the new tree.
 * An output on another filesystem than the fresh folder gets copies.
 *
 * One build at a time writes an output: the build holds `<out>.lock`
 * (./build-lock.ts) throughout, and a second one refuses, naming it.
 *
 * Beside the output, `<out>.cache` holds Astro's content store and page
 * summaries (astro/), the words of each search shard that the word maps are
 * made of (search-words/, src/search/pagefind/shard-words.ts), the keys of
 * the last build (keys.json) and what it
 * changed in the output (changes.json: the tree it published and the one it
 * was built over, the files written and removed by an incremental build,
 * for a deployment that uploads only those, and the paths rendered). Both
 * are written once the output is switched, each whole by a rename,
 * changes.json first, and both name the tree they describe: the next build
 * trusts keys.json only while the output points to that tree, so a record
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
  mkdirSync(dirname(out), { recursive: true });
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

/**
 * Reads the slices a join is made from (./slices.ts) into the run, saying
 * which it cannot use, so that the routes and the search index take each
 * path a slice holds under this build's key instead of making it.
 */
function takeSlices(run: BuildRun, dir: string, code: string): void {
  let read: ReturnType<typeof readSliceOutputs>;
  try {
    read = readSliceOutputs(dir, code);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(66);
  }
  for (const line of read.skipped) console.error(`Slice ${line}: its paths are made by the join.`);
  for (const slice of read.slices) for (const url of Object.keys(slice.paths)) run.fromSlices.set(url, slice);
}

/** Links the files a join takes from its slices (pages; the search shards are laid with the index) into the fresh folder; says how many. */
function layTaken(run: BuildRun, fresh: string): string {
  let files = 0;
  for (const [url, slice] of run.taken) {
    const file = outputOf(url);
    if (file.startsWith(`${SEARCH_FILES.folder}/`)) continue;
    mkdirSync(dirname(join(fresh, file)), { recursive: true });
    linkOrCopy(join(slice.site, file), join(fresh, file));
    files += 1;
  }
  const slices = new Set([...run.taken.values()].map((slice) => slice.id)).size;
  return `Took ${files} pages and ${run.taken.size - files} search shards from ${slices} slice(s)`;
}

/** The output an incremental build is built over: the published tree, the keys that describe it, and how it was made from the tree before (when the last build was incremental). */
interface LastOutput {
  tree: OutputTree;
  paths: PathKeys;
  changes: RecordedChanges | null;
}

/** What a build published: its tree, how it was made, the tree it was built over, and the files it changed (an incremental build). */
interface Published {
  tree: string;
  made: string;
  from: string | null;
  changes: OutputChanges | null;
}

/**
 * Makes the new tree (the last one's files linked, or the tree kept before
 * it recycled, and the fresh output laid in; or the fresh output whole) and
 * switches the output to it.
 */
function publish(folders: BuildFolders, last: LastOutput | null, next: PathKeys): Published {
  const tree = startTree(folders);
  let changes: OutputChanges | null = null;
  let made = 'built whole';
  if (last) {
    const kept = keptTree(folders, last.tree);
    if (kept && last.changes?.from === kept.id) {
      recycleTree(kept, last.tree, tree.path, last.changes);
      made = `tree ${kept.id} recycled`;
    } else {
      linkTree(last.tree.path, tree.path);
      made = `tree ${last.tree.id}'s files linked`;
    }
    changes = applyChanges(folders.fresh, tree.path, last.paths, next, last.tree.path);
    rmSync(folders.fresh, { recursive: true, force: true });
  } else {
    moveInto(folders.fresh, tree.path);
  }
  switchOutput(folders, tree);
  return { tree: tree.id, made, from: last?.tree.id ?? null, changes };
}

/**
 * The integration. `contentDir` is the content folder the loaders read, whose
 * permalinks.tsv the build appends new links to.
 */
export function archiveBuild({ contentDir }: { contentDir: string }): AstroIntegration {
  let folders: BuildFolders | null = null;
  let run: BuildRun | null = null;
  /** The output this build is built over; null in a full build. */
  let last: LastOutput | null = null;
  let code = '';
  let started = 0;
  /** Astro's cache folder as the loaders see it (config.cacheDir), where the archive plan is kept. */
  let cacheDir: URL | null = null;
  /** Set once the output is switched to this build's tree. */
  let switched = false;
  /** Set once the output and its state are in place: from then on, nothing is left to clean up. */
  let finished = false;
  /** The search index, made while the pages render. */
  let indexing: SearchIndexing | null = null;
  /** Releases the lock on the project's .astro/ held while Astro syncs the content. */
  let endSync: (() => void) | null = null;
  /** Ends the rendering progress line and gives standard output back to Astro's per-page log. */
  let endProgress: (() => void) | null = null;
  return {
    name: 'nantong-newspaper-archive-build',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        started = performance.now();
        const out = fileURLToPath(config.outDir).replace(/[\\/]+$/u, '');
        const beside = buildFolders(out);
        const f = { ...beside, fresh: renderFolder(beside, process.cwd()) };
        folders = f;
        const releases = lock(f);
        process.on('exit', (status) => {
          // A failed build removes its own folders (its tree too) and leaves the output as it was; a killed one leaves them and its locks, which the next build removes and takes over.
          if (!finished) {
            indexing?.stop();
            rmSync(f.fresh, { recursive: true, force: true });
            rmSync(searchFolder(f), { recursive: true, force: true });
            removeStaleTrees(f);
            if (status !== 0 && switched)
              console.error(`\nThe build failed once ${out} was switched to its output; the next build renders everything.`);
            else if (status !== 0) console.error(`\nThe build failed; ${out} was left as it was.`);
          }
          for (const release of releases) release();
        });
        let part: BuildPart;
        try {
          part = buildPartOf(process.env);
        } catch (error) {
          console.error((error as Error).message);
          process.exit(78);
        }
        code = codeDigest(process.cwd(), `site ${config.site ?? ''}`);
        removeStaleTrees(f, 'remove-leftover');
        rmSync(f.fresh, { recursive: true, force: true });
        rmSync(searchFolder(f), { recursive: true, force: true });
        const current = currentTree(f);
        const kept = current ? readKeys(f.keys) : null;
        const made = readChanges(f.changes);
        last =
          current && kept?.code === code && kept.tree === current.id
            ? { tree: current, paths: kept.paths, changes: made?.tree === current.id ? made : null }
            : null;
        // A slice publishes no links of its own: the join, which makes the whole site, registers and witnesses them.
        run = beginBuildRun(last?.paths ?? {}, last?.tree.path ?? null, part.kind === 'slice' ? null : readWitness(out, f.cache), part);
        if (part.kind === 'join') takeSlices(run, part.slices, code);
        run.storeFile = join(f.astro, ASTRO_STORE_FILE);
        updateConfig({ outDir: pathToFileURL(`${f.fresh}/`), cacheDir: pathToFileURL(`${f.astro}/`) });
        // Astro's content sync writes the project's .astro/ (content-assets.mjs, types) by a fixed temporary name:
        // builds side by side (the slices of --jobs) sync in turn, and render and index at the same time.
        mkdirSync('.astro', { recursive: true });
        const synced = await waitForBuildLock(join(process.cwd(), '.astro', 'content-sync'), "syncing the project's content types");
        releases.push(synced);
        endSync = synced;
      },
      'astro:config:done': ({ config, logger }) => {
        cacheDir = config.cacheDir;
        // Said once per build, not per page.
        const local = folders ? localSiteWarning(config.site, process.env['SITE_URL'] !== undefined) : null;
        if (local) logger.warn(local);
      },
      'astro:build:start': () => {
        endSync?.();
        if (!folders || !run) return;
        const active = run;
        const stdout = process.stdout;
        const tty = stdout.isTTY === true;
        const live = !logsEveryPage();
        // On a terminal, rendering's line is the one shown while it lasts; indexing's summary waits for it to end.
        let held: string[] | null = live && tty ? [] : null;
        const indexed = new PhaseProgress('indexing', 'search shards', {
          write: (text) => {
            if (!held) stdout.write(text);
            else if (text.endsWith('\n')) held.push(text);
          },
          tty,
        });
        // The search records come from the plan the loader made in this process, so the shards are indexed while the pages render.
        const plan = archivePlan(contentDir, cacheDir ?? pathToFileURL(`${folders.astro}/`));
        indexing = startSearchIndex(folders, active, plan.items, indexed);
        if (!live) return;
        const write = stdout.write.bind(stdout);
        const progress = new PhaseProgress('rendering', 'pages', { write: (text) => write(text), tty });
        const restore = countAstroPages(progress, () => [...active.rendered.values()].reduce((n, urls) => n + urls.length, 0));
        endProgress = () => {
          restore();
          progress.done();
          endProgress = null;
          for (const line of held ?? []) stdout.write(line);
          held = null;
        };
      },
      'astro:build:generated': () => {
        endProgress?.();
      },
      'astro:build:done': async ({ logger }) => {
        if (!folders || !run || !indexing) return;
        const f = folders;
        for (const line of await indexing.done) logger.info(line);
        moveSearchIndex(f);
        if (run.taken.size > 0) logger.info(layTaken(run, f.fresh));
        const paths = mergeKeys(run.keys);
        // The new links are registered before the output is switched; the manifest of every link goes in with it.
        const registered = run.part.kind === 'slice' ? null : registerPublished(contentDir, run);
        if (registered && registered.added > 0)
          logger.info(`Registered ${registered.added} new link(s) in ${registered.path}; commit it with the pages.`);
        const manifest = manifestPaths(f.fresh, f.cache);
        if (registered) writeFileSync(manifest.output, registered.manifest);
        const swapping = performance.now();
        const { tree, made, from, changes } = publish(f, last, paths);
        switched = true;
        logger.info(
          changes
            ? `Switched ${f.out} to tree ${tree} (${made}): ${changes.written.length} files new, ${changes.removed.length} removed; the list is in ${f.changes}`
            : `Switched ${f.out} to tree ${tree} (${made})`,
        );
        // The keys are kept only once their output is in place: a build that
        // fails before this point leaves the last build's keys, which still describe the output;
        // one killed after the switch leaves keys of another tree, which the next build does not trust.
        mkdirSync(f.cache, { recursive: true });
        const rendered = [...run.rendered.values()].flat().map(outputOf).sort();
        reachSwapStep('record-changes');
        writeWhole(
          f.changes,
          `${JSON.stringify(changes ? { build: 'incremental', tree, from, ...changes, rendered } : { build: 'full', tree, rendered }, null, 1)}\n`,
        );
        if (registered) writeWhole(manifest.state, registered.manifest);
        reachSwapStep('record-keys');
        writeWhole(f.keys, JSON.stringify({ code, tree, paths } satisfies BuildKeys));
        removeStaleTrees(f, 'remove-old-tree');
        finished = true;
        const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
        logger.info(
          `Built ${f.out} (${changes ? 'incremental' : 'full'}) in ${seconds(started)} s, of which ${seconds(swapping)} s putting the output in place`,
        );
      },
    },
  };
}
