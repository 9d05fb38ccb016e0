import { basename, dirname, join, sep } from 'node:path';

/** The folders and files of one build into `out`. */
export interface BuildFolders {
  /** The published output. */
  out: string;
  /** Where Astro renders this build, beside the output so that moving it in is a rename. */
  fresh: string;
  /** Where the last output waits while a full build swaps the fresh one in. */
  previous: string;
  /** Astro's content store, the last build's keys and its change list. */
  cache: string;
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
    previous: `${out}.build-previous`,
    cache,
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
