import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { CONTENT_LAYOUT } from '../archive/read-archive.ts';
import { shardOf } from '../data/partitions.ts';
import { RESERVED_TOP_LEVEL } from '../site/settings.ts';
import { outputOf, readKeys, type PathKeys } from './output-tree.ts';
import { buildFolders, LOADER_FILES } from './build-folders.ts';

/**
 * Slices: the archive's build split by paper and year, so that its pages
 * can be rendered and its search shards indexed by several processes or
 * machines, then joined into one output byte-identical to a whole build.
 *
 * A slice is a partition of the site's paths that one function defines
 * (sliceOfUrl): the pages of a paper's year (its editions, 版, raw pages and
 * stories, its year calendar, its bulk data and sitemap parts) and its
 * half-year search shards. Everything else (home, papers, people, columns,
 * feeds, indexes, the newest months' search shards, the word maps, the
 * search page) belongs to the join.
 *
 * A slice's build (ARCHIVE_SLICE=<id>) renders and indexes only its own
 * paths, into an output and cache of its own, and keeps its keys like any
 * build, so it is incremental by itself. The join (ARCHIVE_JOIN_SLICES=<dir>)
 * is a whole build that takes every path whose key a slice's output holds
 * unchanged from that slice instead of rendering it. Keys cover all a page
 * shows, so a stale, missing or foreign slice costs the join time, never a
 * wrong byte: what no slice provides, the join renders itself.
 */

/** What one build of the archive makes: the whole site, one slice of it, or the whole site joined from slices. */
export type BuildPart = { kind: 'whole' } | { kind: 'slice'; id: string } | { kind: 'join'; slices: string };

/** The environment variables that choose a build's part (see buildPartOf). */
export const PART_ENV = { slice: 'ARCHIVE_SLICE', join: 'ARCHIVE_JOIN_SLICES' } as const;

/** A slice's id: `<paper>-<year>`. */
const SLICE_ID = /^[^/]+-\d{4}$/u;

/**
 * The part a build makes, from its environment; throws when both are set or a slice id is malformed.
 * @example buildPartOf({ ARCHIVE_SLICE: 'ntrb-2024' }) // { kind: 'slice', id: 'ntrb-2024' }
 */
export function buildPartOf(env: NodeJS.ProcessEnv): BuildPart {
  const slice = env[PART_ENV.slice];
  const join = env[PART_ENV.join];
  if (slice && join) throw new Error(`Set ${PART_ENV.slice} to build a slice or ${PART_ENV.join} to join slices, not both.`);
  if (slice) {
    if (!SLICE_ID.test(slice)) throw new Error(`${PART_ENV.slice}=${slice}: a slice is named <paper>-<year>, as ntrb-2024.`);
    return { kind: 'slice', id: slice };
  }
  return join ? { kind: 'join', slices: join } : { kind: 'whole' };
}

/** A paper's year-or-date folder: `/<paper>/<YYYY>/…` or `/<paper>/<YYYY-MM-DD>/…`. */
const PAPER_YEAR_PATH = /^\/([^/]+)\/(\d{4})(?:-\d{2}-\d{2})?\//u;
/** A paper-year part of the bulk data or the sitemap. */
const PAPER_YEAR_PART = /^\/(?:api\/articles|sitemaps)\/([^/]+-\d{4})\.(?:json|xml)$/u;
/** The records of a paper's half-year search shard (the recent months' shards hold every paper's: the join's). */
const HALF_YEAR_RECORDS = /^\/search\/records\/([^/]+-\d{4})h[12](?:-\d{2})?\.json$/u;

/**
 * The slice a site-relative URL belongs to, or null when it belongs to the join.
 * @example sliceOfUrl('/ntrb/2024-01-24/chao-qi/') // 'ntrb-2024'
 * @example sliceOfUrl('/ntrb/2024/') // 'ntrb-2024'
 * @example sliceOfUrl('/search/records/ntrb-2024h1.json') // 'ntrb-2024'
 * @example sliceOfUrl('/people/许丛军/2024/') // null
 */
export function sliceOfUrl(url: string): string | null {
  const paged = PAPER_YEAR_PATH.exec(url);
  if (paged?.[1] && paged[2] && !RESERVED_TOP_LEVEL.has(paged[1])) return shardOf({ paper: paged[1], date: paged[2] }).id;
  return PAPER_YEAR_PART.exec(url)?.[1] ?? HALF_YEAR_RECORDS.exec(url)?.[1] ?? null;
}

/** Whether a build of `part` makes the path `url`: a slice its own paths, the others all. */
export function partHolds(part: BuildPart, url: string): boolean {
  return part.kind !== 'slice' || sliceOfUrl(url) === part.id;
}

/** An edition as its folder names it: `pages/<paper>/<YYYY-MM-DD>/`. */
export interface ListedEdition {
  paper: string;
  date: string;
}

/**
 * The editions of the archive in a content folder, from its page folders
 * alone (no file is read), sorted by paper and date. A folder whose name is
 * no date is left to the build to report.
 */
export function listedEditions(contentDir: string): ListedEdition[] {
  const pages = join(contentDir, CONTENT_LAYOUT.pages);
  const listed: ListedEdition[] = [];
  for (const paper of existsSync(pages) ? readdirSync(pages, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)) : []) {
    if (!paper.isDirectory() || paper.name.startsWith('.')) continue;
    for (const date of readdirSync(join(pages, paper.name)).sort())
      if (/^\d{4}-\d{2}-\d{2}$/u.test(date)) listed.push({ paper: paper.name, date });
  }
  return listed;
}

/** The slices of the archive in a content folder, sorted: what `--jobs` builds and a CI matrix lists. */
export function archiveSlices(contentDir: string): string[] {
  return [...new Set(listedEditions(contentDir).map((edition) => shardOf(edition).id))].sort();
}

/** A slice's built output as the join reads it. */
export interface SliceOutput {
  id: string;
  /** The folder of its files (the tree its output links to). */
  site: string;
  /** Its state folder (`<output>.cache`): its keys and its shards' words. */
  cache: string;
  /** Astro's cache folder in its state: its page summaries and its stories' records (src/loaders/slice-records.ts). */
  astro: string;
  /** Its search shards' words. */
  words: string;
  /** The key of each path it made, by URL. */
  paths: PathKeys;
}

/**
 * The slices' outputs in `dir`: each `<dir>/<id>` (a build's output, or a
 * plain copy of its files, as a CI artifact is) with its state beside it in
 * `<dir>/<id>.cache`. A slice built by other code or settings than `code`, or
 * without keys, is left out (the join renders its paths), and said so.
 * @returns the slices, and a line for each one left out
 */
export function readSliceOutputs(dir: string, code: string): { slices: SliceOutput[]; skipped: string[] } {
  const slices: SliceOutput[] = [];
  const skipped: string[] = [];
  if (!existsSync(dir)) throw new Error(`${dir}: no such folder of slices; build the slices first, or name the folder they are in.`);
  for (const id of readdirSync(dir)
    .filter((name) => SLICE_ID.test(name))
    .sort()) {
    const output = join(dir, id);
    const { cache, astro, words, keys: keysFile } = buildFolders(output);
    const keys = readKeys(keysFile);
    const site = existsSync(output) ? realpathSync(output) : null;
    if (!keys || !site) skipped.push(`${id}: no ${keys ? 'output' : 'keys'} there`);
    else if (keys.code !== code) skipped.push(`${id}: built by other code or settings`);
    // A build's output links to its tree, and its keys name the tree they describe (a killed build may leave others).
    else if (lstatSync(output).isSymbolicLink() && basename(site) !== keys.tree) skipped.push(`${id}: its keys describe another tree`);
    else {
      const paths = Object.fromEntries(Object.entries(keys.paths).filter(([url]) => sliceOfUrl(url) === id));
      slices.push({ id, site, cache, astro, words, paths });
    }
  }
  return { slices, skipped };
}

/**
 * Packs a slice's output for the join on another machine (a CI artifact):
 * `<into>/<id>`, its files as a plain folder (the link to its tree
 * followed), and `<into>/<id>.cache`, what the join reads of its state: its
 * keys, its search shards' words, its page summaries and its stories'
 * records. Not Astro's content store, which the join does not read.
 * @param output the slice's output (`--outDir` of its build), named by its id
 * @returns the slice's id
 */
export function packSlice(output: string, into: string): string {
  const id = basename(output);
  if (!SLICE_ID.test(id)) throw new Error(`${output}: a slice's output is named by its slice (paper-year), as --list-slices gives it.`);
  const from = buildFolders(output);
  const to = buildFolders(join(into, id));
  if (!existsSync(from.keys)) throw new Error(`${output}: no slice built there (no ${from.keys}); build it first.`);
  rmSync(to.out, { recursive: true, force: true });
  rmSync(to.cache, { recursive: true, force: true });
  cpSync(realpathSync(output), to.out, { recursive: true });
  const state = [
    [from.keys, to.keys],
    [from.words, to.words],
    ...Object.values(LOADER_FILES).map((name) => [join(from.astro, name), join(to.astro, name)]),
  ];
  for (const [source = '', target = ''] of state) if (existsSync(source)) cpSync(source, target, { recursive: true });
  return id;
}

/**
 * In a join, takes the output of `url` from the slice that holds it, when
 * the slice made it under `key` (this build's key for it) and its file is
 * there (an artifact may be damaged); records it in `taken`.
 * @returns whether it was taken, so that this build need not make it
 */
export function takeFromSlice(
  run: { fromSlices: ReadonlyMap<string, SliceOutput>; taken: Map<string, SliceOutput> },
  url: string,
  key: string,
): boolean {
  const slice = run.fromSlices.get(url);
  if (slice?.paths[url] !== key || !existsSync(join(slice.site, outputOf(url)))) return false;
  run.taken.set(url, slice);
  return true;
}

/** The paper and date a published link names: `/<paper>/<YYYY-MM-DD>/…`. */
const LINK = /^\/([^/]+)\/(\d{4}-\d{2}-\d{2})\//u;

/**
 * Which editions a slice's build reads: its own, and its paper's editions
 * just before and just after its year, whose stories its first and last
 * pages link to. Every other is left unread, so that a slice's parse and
 * store grow with the slice, not the archive.
 * @returns whether the slice reads the edition of a paper and date
 */
export function sliceEditions(id: string, listed: readonly ListedEdition[]): (paper: string, date: string) => boolean {
  const paper = id.slice(0, -'-0000'.length);
  const year = id.slice(-4);
  const dates = listed.filter((e) => e.paper === paper).map((e) => e.date);
  const near = new Set([dates.filter((d) => d.slice(0, 4) < year).at(-1), dates.find((d) => d.slice(0, 4) > year)]);
  return (p, date) => p === paper && (date.slice(0, 4) === year || near.has(date));
}

/**
 * The registry as a slice's build reads it: the lines of links of editions
 * it does not read are blanked, so that every other line keeps its number.
 */
export function sliceRegistry<T extends { bytes: Uint8Array }>(
  registry: T | null,
  reads: (paper: string, date: string) => boolean,
): T | null {
  if (!registry) return null;
  const lines = new TextDecoder().decode(registry.bytes).split('\n');
  const kept = lines.map((line) => {
    const link = LINK.exec(line);
    return link && !reads(link[1] ?? '', link[2] ?? '') ? '' : line;
  });
  return { ...registry, bytes: new TextEncoder().encode(kept.join('\n')) };
}

/**
 * A digest of the raw pages a slice's build reads (its editions' files and
 * those on either side), papers.yml and `salt` (the code and settings):
 * while it is the same, the slice's last output stands, and `--jobs` does
 * not build it again. Whatever else changes its pages (历史上的今天 of
 * another year, a link moved in the registry) the join makes, since those
 * pages' keys then differ from the slice's; the registry is left out, so
 * that the links the join registers do not make every slice build again.
 */
export function sliceInputs(contentDir: string, id: string, listed: readonly ListedEdition[], salt: string): string {
  const hash = createHash('sha256').update(`${salt}\n`);
  const reads = sliceEditions(id, listed);
  const file = (path: string): void => {
    if (existsSync(path)) hash.update(`${relative(contentDir, path)}\n`).update(readFileSync(path));
  };
  file(join(contentDir, CONTENT_LAYOUT.papers));
  for (const { paper, date } of listed) {
    if (!reads(paper, date)) continue;
    const folder = join(contentDir, CONTENT_LAYOUT.pages, paper, date);
    for (const name of readdirSync(folder).sort()) file(join(folder, name));
  }
  return hash.digest('hex');
}
