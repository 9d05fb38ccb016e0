import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SEARCH_FILES } from '../search/pagefind/bundle.ts';
import { reachSwapStep } from './swap-steps.ts';
import { moveInto, removeEmptyFolders } from './versioned-output.ts';

/**
 * The file operations of an incremental build (./archive-build.ts): what makes
 * a last output reusable, and laying a build's new files over a new tree
 * linked from it (./versioned-output.ts). Plain Node, no Astro.
 */

/** The cacheKey of every path of a build, by site-relative URL (see src/data/render-plan.ts). */
export type PathKeys = Record<string, string>;

/** What a build leaves for the next one: the digest of the code it ran, the tree it published and its keys. */
export interface BuildKeys {
  code: string;
  /** The output's tree these keys describe (./versioned-output.ts): the next build trusts them only while the output points to it. */
  tree: string;
  paths: PathKeys;
}

/** The keys the last build left, or null when there are none (or they cannot be read, or name no tree). */
export function readKeys(file: string): BuildKeys | null {
  try {
    const keys = JSON.parse(readFileSync(file, 'utf8')) as BuildKeys;
    return typeof keys.code === 'string' && typeof keys.tree === 'string' && typeof keys.paths === 'object' ? keys : null;
  } catch {
    return null;
  }
}

/** Merges the keys the routes gave, route by route in the order of their names, into one map. */
export function mergeKeys(byRoute: ReadonlyMap<string, PathKeys>): PathKeys {
  const paths: PathKeys = {};
  for (const route of [...byRoute.keys()].sort()) Object.assign(paths, byRoute.get(route));
  return paths;
}

/**
 * What a URL's path leaves in the output. Search records are build input:
 * the folder of the search shard they were indexed into stands for them.
 * @example outputOf('/ntrb/2024-01-24/') // 'ntrb/2024-01-24/index.html'
 * @example outputOf('/search/records/ntrb-2024.json') // 'pagefind/ntrb-2024'
 */
export function outputOf(url: string): string {
  const shard = /^\/search\/records\/([^/]+)\.json$/u.exec(url);
  if (shard) return `${SEARCH_FILES.folder}/${shard[1]}`;
  return url.endsWith('/') ? `${url.slice(1)}index.html` : url.slice(1);
}

/**
 * Moves `from` (a file, or a search shard's folder) to `to` in the new tree,
 * replacing whatever `to` was. What it replaces is unlinked, never written
 * into: it may be a hard link to the published tree's file.
 */
function replace(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  rmSync(to, { recursive: true, force: true });
  moveInto(from, to);
}

/** Every file under a folder, relative to `root`, sorted. */
function filesBelow(folder: string, root: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

/** Whether two files exist and hold the same bytes. */
function sameBytes(a: string, b: string): boolean {
  return existsSync(b) && statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

/** What a build changed in the output, relative to it: the list a deployment uploads and deletes. */
export interface OutputChanges {
  /** Files new or with other bytes than before. */
  written: string[];
  /** Files and folders removed. */
  removed: string[];
}

/** What an incremental build recorded in changes.json: the tree it published, the tree it was built over, and how they differ. */
export interface RecordedChanges extends OutputChanges {
  tree: string;
  from: string;
}

/** The changes the last build recorded, or null when it was not an incremental build (or they cannot be read). */
export function readChanges(file: string): RecordedChanges | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as Partial<RecordedChanges> & { build?: string };
    const { tree, from, written, removed } = record;
    if (record.build !== 'incremental' || typeof tree !== 'string' || typeof from !== 'string') return null;
    return Array.isArray(written) && Array.isArray(removed) ? { tree, from, written, removed } : null;
  } catch {
    return null;
  }
}

/**
 * Lays a build's new output (`fresh`: the paths it rendered and the search
 * shards it indexed) over a tree of the last output's files (`target`, its
 * files hard links to the published ones), and removes from it what the
 * archive no longer has. Each search shard is replaced whole, since the
 * search index names its files by content.
 * @param published the last output, which the changes are counted against (by default `target` itself)
 * @returns the files whose bytes changed (new or different) and the files removed
 */
export function applyChanges(fresh: string, target: string, before: PathKeys, after: PathKeys, published = target): OutputChanges {
  // The index names most of a re-indexed shard's files by their content, and a
  // page without a key is rendered every time: only files whose bytes differ
  // from the last output count as written.
  const written = filesBelow(fresh, fresh).filter((file) => !sameBytes(join(fresh, file), join(published, file)));
  const removed: string[] = [];
  const search = join(fresh, SEARCH_FILES.folder);
  for (const entry of existsSync(search) ? readdirSync(search) : []) {
    const last = join(published, SEARCH_FILES.folder, entry);
    if (existsSync(last) && statSync(last).isDirectory()) {
      const kept = new Set(filesBelow(join(search, entry), fresh));
      removed.push(...filesBelow(last, published).filter((file) => !kept.has(file)));
    }
    replace(join(search, entry), join(target, SEARCH_FILES.folder, entry));
  }
  for (const entry of readdirSync(fresh, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || path.startsWith(`${search}/`)) continue;
    replace(path, join(target, relative(fresh, path)));
  }
  for (const url of Object.keys(before)) {
    if (url in after) continue;
    const last = join(published, outputOf(url));
    if (existsSync(last)) removed.push(...(statSync(last).isDirectory() ? filesBelow(last, published) : [outputOf(url)]));
    const output = join(target, outputOf(url));
    if (existsSync(output)) {
      reachSwapStep('lay-file');
      rmSync(output, { recursive: true, force: true });
    }
    removeEmptyFolders(dirname(output), target);
  }
  return { written, removed: removed.sort() };
}
