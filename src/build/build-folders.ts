import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/**
 * Files the archive's loaders keep in Astro's cache folder between builds:
 * the page summaries (src/loaders/archive-plan.ts) and, in a slice's build,
 * its stories' records for the join (src/loaders/slice-records.ts).
 */
export const LOADER_FILES = { pageSummaries: 'archive-pages.json', sliceRecords: 'slice-records.json' } as const;

/** The file Astro keeps its content store in, in its cache folder. */
export const ASTRO_STORE_FILE = 'data-store.json';

/** The folders and files of one build into `out`. */
export interface BuildFolders {
  /** The published output: a symlink to the current tree in `builds`. */
  out: string;
  /** Where Astro renders this build: beside the output, so that moving it into a tree is a rename (see renderFolder). */
  fresh: string;
  /** The output's trees, `.<out>.builds/<n>/` beside it: the one published, the last one kept, and one being built. */
  builds: string;
  /** Astro's content store, the last build's keys and its change list. */
  cache: string;
  /** Astro's cache folder inside it: the content store and LOADER_FILES. */
  astro: string;
  /** The words of each search shard, which the word maps are made of (src/search/pagefind/shard-words.ts). */
  words: string;
  keys: string;
  changes: string;
}

/**
 * The folders of a build into `out`, a path without a trailing separator.
 *
 * The fresh folder's name starts with a dot, and not only to keep it out of
 * sight: Astro 7 writes its prerender bundle inside the output when the
 * output's path begins with the project's, tested letter by letter without a
 * separator, and into the project's .astro/ otherwise. For a project in
 * /srv/archive building into /srv/archive-site, `/srv/archive-site.build-fresh`
 * would pass that test though it lies outside the project, and the bundle
 * there could not load the project's packages; `/srv/.archive-site.build-fresh`
 * does not.
 */
export function buildFolders(out: string): BuildFolders {
  const cache = `${out}.cache`;
  return {
    out,
    fresh: join(dirname(out), `.${basename(out)}.build-fresh`),
    builds: join(dirname(out), `.${basename(out)}.builds`),
    cache,
    astro: join(cache, 'astro'),
    words: join(cache, 'search-words'),
    keys: join(cache, 'keys.json'),
    changes: join(cache, 'changes.json'),
  };
}

/** Where Astro 7 puts the prerender bundle of a build rendered into `folder`, for a project in `project`. */
export type PrerenderPlace = 'in the output' | 'in .astro' | 'unloadable';

/**
 * Where Astro will put the prerender bundle when it renders into `folder`:
 * inside it (the folder is in the project), in the project's shared .astro/
 * (one such build at a time), or, when the folder's path only begins with the
 * project's letters, inside a folder from which the project's packages cannot
 * be loaded: a build that would fail half-way, which the integration refuses
 * up front.
 */
export function prerenderPlace(folder: string, project: string): PrerenderPlace {
  if (folder.startsWith(`${project}${sep}`)) return 'in the output';
  return folder.startsWith(project) ? 'unloadable' : 'in .astro';
}

/**
 * The folder Astro renders a build into `folders.out` in, made ready to be
 * tested: beside the output, unless Astro would render through the project's
 * .astro/ and the output lies on another filesystem (a tmpfs, say). Astro
 * moves its assets from .astro/.prerender into the folder it renders by
 * rename, which cannot cross filesystems (EXDEV), so such a build renders
 * into a folder of its own inside .astro/ (named by the output's path, so
 * builds of two outputs never share one) and the new tree is copied over.
 * Makes the output's parent folder and .astro/ to compare them.
 */
export function renderFolder(folders: BuildFolders, project: string): string {
  if (prerenderPlace(folders.fresh, project) !== 'in .astro') return folders.fresh;
  const astro = join(project, '.astro');
  mkdirSync(dirname(folders.out), { recursive: true });
  mkdirSync(astro, { recursive: true });
  if (statSync(dirname(folders.out)).dev === statSync(astro).dev) return folders.fresh;
  return join(astro, 'build-fresh', createHash('sha256').update(folders.out).digest('hex').slice(0, 16));
}
