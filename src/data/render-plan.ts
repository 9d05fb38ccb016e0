import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputOf } from '../build/output-tree.ts';

/**
 * Incremental builds: every dynamic route passes its paths, each with the
 * `cacheKey` of everything it shows (src/data/cache-key.ts), through
 * renderChanged, which hands Astro only the paths whose key differs from the
 * last build's. scripts/build.ts lays what Astro rendered over a copy of the
 * last output (hard links, so nothing is copied) and swaps it in, so a
 * rebuild after adding a day's pages renders and writes those pages and the
 * few that list them, not the whole archive.
 *
 * The keys of the last build come from the file named by
 * ARCHIVE_PREVIOUS_KEYS (absent: render everything, as `astro dev` and a
 * first build do), and its output is in ARCHIVE_LAST_OUTPUT: a path whose
 * file is missing there is rendered whatever its key. This build's keys are
 * written, one file per route, into the folder named by ARCHIVE_NEXT_KEYS,
 * for build.ts to keep once the build has succeeded.
 */

/** The keys of a build: the cacheKey of every path, by site-relative URL. */
export type PathKeys = Record<string, string>;

let previous: PathKeys | undefined;

/** The ending of the file, beside a route's keys, that lists the paths it rendered. */
export const RENDERED = '.rendered.txt';

/** The last build's keys, read once. */
function previousKeys(): PathKeys {
  const file = process.env['ARCHIVE_PREVIOUS_KEYS'];
  previous ??= file ? (JSON.parse(readFileSync(file, 'utf8')) as { paths: PathKeys }).paths : {};
  return previous;
}

/**
 * The paths of one route that must be rendered: those whose key changed
 * since the last build (all, when there is none). Records every path's key.
 * @param route a name for the route, unique in the site (the file its keys go to)
 * @param urlOf the site-relative URL a path is served at
 * @example renderChanged('edition', paths, ({ props }) => editionPath(props.edition.paper, props.edition.date))
 */
export function renderChanged<T extends { cacheKey: string }>(route: string, paths: T[], urlOf: (path: T) => string): T[] {
  const before = previousKeys();
  const lastOutput = process.env['ARCHIVE_LAST_OUTPUT'];
  const keys: PathKeys = {};
  const changed = paths.filter((path) => {
    const url = urlOf(path);
    keys[url] = path.cacheKey;
    return before[url] !== path.cacheKey || (lastOutput !== undefined && !existsSync(join(lastOutput, outputOf(url))));
  });
  const next = process.env['ARCHIVE_NEXT_KEYS'];
  if (next) {
    mkdirSync(next, { recursive: true });
    writeFileSync(join(next, `${route}.json`), JSON.stringify(keys));
    // What this build renders, for its record of changes (changes.json, which tests read too).
    writeFileSync(join(next, `${route}${RENDERED}`), changed.map((path) => `${urlOf(path)}\n`).join(''));
  }
  return changed;
}
