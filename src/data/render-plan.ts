import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildRun } from '../build/build-run.ts';
import { outputOf, type PathKeys } from '../build/output-tree.ts';
import { partHolds, takeFromSlice } from '../build/slices.ts';

/**
 * Incremental builds: every dynamic route passes its paths, each with the
 * `cacheKey` of everything it shows (src/data/cache-key.ts), through
 * renderChanged, which hands Astro only the paths whose key differs from the
 * last build's. The archive build (src/build/archive-build.ts) lays what
 * Astro rendered over the last output, so a rebuild after adding a day's
 * pages renders and writes those pages and the few that list them, not the
 * whole archive. The last build's keys, its output and this build's keys
 * live in the build's run (src/build/build-run.ts); without one (astro dev)
 * every path is rendered.
 */

/**
 * The paths of one route that must be rendered: those whose key changed
 * since the last build (all, when there is none). Records every path's key
 * and what is rendered in the build's run.
 * @param route a name for the route, unique in the site
 * @param urlOf the site-relative URL a path is served at
 * @example renderChanged('edition', paths, ({ props }) => editionPath(props.edition.paper, props.edition.date))
 */
export function renderChanged<T extends { cacheKey: string }>(route: string, paths: T[], urlOf: (path: T) => string): T[] {
  const run = buildRun();
  const before: PathKeys = run?.previous ?? {};
  const lastOutput = run?.lastOutput ?? null;
  const keys: PathKeys = {};
  const changed = paths.filter((path) => {
    const url = urlOf(path);
    // A slice's build makes its own paths only; the join takes from a slice each path it holds with the same key.
    if (run && !partHolds(run.part, url)) return false;
    keys[url] = path.cacheKey;
    if (before[url] === path.cacheKey && (lastOutput === null || existsSync(join(lastOutput, outputOf(url))))) return false;
    return !(run && takeFromSlice(run, url, path.cacheKey));
  });
  if (run) {
    run.keys.set(route, keys);
    run.rendered.set(route, changed.map(urlOf));
  }
  return changed;
}
