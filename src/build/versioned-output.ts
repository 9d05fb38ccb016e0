import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { BuildFolders } from './build-folders.ts';
import { reachSwapStep, type SwapStep } from './swap-steps.ts';

/**
 * The output as versioned trees (issue 22, "An atomic swap"). The output
 * path is a symlink to one complete tree beside it, `.<out>.builds/<n>/`; a
 * build makes tree n+1, whole, and publishes it by renaming a new symlink
 * over the output, the one step a reader or a kill can see, and rename(2)
 * does it atomically: the output answers as the old site or the new one,
 * never a mix, and there is always one. The tree the output pointed to
 * before is kept (for a reader still in it, or to go back to by hand); older
 * ones and whatever a killed build left are removed. A published tree is
 * never written into: an incremental build makes the new tree of hard links
 * to the last tree's files and lays its new files in by rename, so new bytes
 * always go to a new file.
 *
 * Making the new tree costs a link per file, and removing an old one an
 * unlink per file (7–15 s and 10–20 s for 167,600 files, the output of
 * 100,000 stories, on the machine of the benchmarks), unless the tree kept
 * before the published one can be recycled: the last build recorded exactly
 * how the published tree differs from it (changes.json), so it is renamed
 * to the new number and brought level with the published tree file by
 * changed file (0.07 s for 470 changes there). Then no whole tree is linked
 * or removed: the work is that of the last change and this one. A tree is
 * never to be edited by hand: the record would no longer tell how it differs.
 */

/** A tree of the output: its number, as its folder is named, and its path. */
export interface OutputTree {
  id: string;
  path: string;
}

/** The name, in the builds folder, of the symlink that is renamed over the output. */
const NEXT_LINK = 'next-link';
/** A tree's folder name. */
const TREE_ID = /^\d+$/u;
/** Why a file cannot be hard-linked, where copying it is the way: another filesystem, or one without hard links (or with too many). */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'ENOSYS', 'EMLINK']);
/** A copy that never writes into an existing file, and shares blocks where the filesystem can (copy-on-write). */
const COPY_MODE = constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE;

/**
 * The tree the output points to, or null: no output yet, a link that leads
 * nowhere or elsewhere, or a real folder (the layout before versioned trees).
 */
export function currentTree(folders: BuildFolders): OutputTree | null {
  let target: string;
  try {
    target = readlinkSync(folders.out);
  } catch {
    return null;
  }
  const path = resolve(dirname(folders.out), target);
  const id = basename(path);
  return dirname(path) === folders.builds && TREE_ID.test(id) && existsSync(path) ? { id, path } : null;
}

/** Removes `folder` and its parents up to (not including) `root` while they are empty, as a clean build would not have them. */
export function removeEmptyFolders(folder: string, root: string): void {
  for (
    let current = folder;
    current.startsWith(`${root}/`) && existsSync(current) && readdirSync(current).length === 0;
    current = dirname(current)
  ) {
    rmSync(current, { recursive: true });
  }
}

/** The numbers of the trees in the builds folder, in order. */
function treeIds(folders: BuildFolders): number[] {
  if (!existsSync(folders.builds)) return [];
  return readdirSync(folders.builds)
    .filter((name) => TREE_ID.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Removes from the builds folder all but the published tree and the one
 * before it (the highest number below it: every such tree was published
 * once, since a tree is numbered above all others when it is begun): older
 * trees, and the leftovers of a build that was killed or failed before its
 * switch (a tree above the published one, the link never renamed). With no
 * published tree, everything there goes.
 * @param step the step to reach before each removal (a test may kill the build there)
 */
export function removeStaleTrees(folders: BuildFolders, step?: SwapStep): void {
  if (!existsSync(folders.builds)) return;
  const current = currentTree(folders);
  const before = current ? treeIds(folders).filter((id) => id < Number(current.id)) : [];
  const keep = new Set(current ? [current.id, ...before.slice(-1).map(String)] : []);
  for (const name of readdirSync(folders.builds).sort()) {
    if (keep.has(name)) continue;
    if (step) reachSwapStep(step);
    rmSync(join(folders.builds, name), { recursive: true, force: true });
  }
}

/** The tree kept before `published`: the highest number below it, or null. */
export function keptTree(folders: BuildFolders, published: OutputTree): OutputTree | null {
  const id = treeIds(folders)
    .filter((n) => n < Number(published.id))
    .at(-1);
  return id === undefined ? null : { id: String(id), path: join(folders.builds, String(id)) };
}

/** Begins the next tree: numbered above every tree there is, not yet made. */
export function startTree(folders: BuildFolders): OutputTree {
  reachSwapStep('start-tree');
  mkdirSync(folders.builds, { recursive: true });
  const id = String(Math.max(0, ...treeIds(folders)) + 1);
  return { id, path: join(folders.builds, id) };
}

/** Hard-links `from` to `to`, or copies it where it cannot be linked. */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(from, to, COPY_MODE);
  }
}

/**
 * Makes `to` a tree of the same files as `from`: folders made anew, each file
 * hard-linked (copied where it cannot be). The cost is a link per file, not
 * its bytes.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
    } else {
      reachSwapStep('link-file');
      linkOrCopy(source, target);
    }
  }
}

/**
 * Makes `to` of the tree `kept`, which `published` was made from with
 * `changes` (the files written and removed, as the last build recorded
 * them): `kept` is renamed to `to`, its removed files unlinked and its
 * written ones replaced by links to the published tree's. Every other file
 * of both is one file already, linked when the published tree was made.
 */
export function recycleTree(kept: OutputTree, published: OutputTree, to: string, changes: { written: string[]; removed: string[] }): void {
  renameSync(kept.path, to);
  for (const file of changes.removed) {
    reachSwapStep('link-file');
    rmSync(join(to, file), { recursive: true, force: true });
    removeEmptyFolders(dirname(join(to, file)), to);
  }
  for (const file of changes.written) {
    reachSwapStep('link-file');
    const target = join(to, file);
    rmSync(target, { recursive: true, force: true });
    if (!existsSync(join(published.path, file))) continue;
    mkdirSync(dirname(target), { recursive: true });
    linkOrCopy(join(published.path, file), target);
  }
}

/** Copies a file, or a folder file by file, to `to`, which does not exist. */
function copyTree(from: string, to: string): void {
  if (!statSync(from).isDirectory()) {
    reachSwapStep('lay-file');
    copyFileSync(from, to, COPY_MODE);
    return;
  }
  mkdirSync(to);
  for (const name of readdirSync(from).sort()) copyTree(join(from, name), join(to, name));
}

/**
 * Moves a file or folder to `to`, which does not exist: one rename, or, onto
 * another filesystem, a copy and the removal of `from`.
 */
export function moveInto(from: string, to: string): void {
  reachSwapStep('lay-file');
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyTree(from, to);
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Publishes `tree`: a symlink to it, made beside under a name of its own, is
 * renamed over the output. The link is relative, so the output's folder can
 * be moved or copied whole. An output that is still a real folder (built
 * before versioned trees) is first moved into the builds folder as the tree
 * kept before this one: that once, the output is missing between two renames.
 */
export function switchOutput(folders: BuildFolders, tree: OutputTree): void {
  const link = join(folders.builds, NEXT_LINK);
  rmSync(link, { force: true });
  reachSwapStep('make-link');
  symlinkSync(relative(dirname(folders.out), tree.path), link);
  reachSwapStep('switch');
  if (existsSync(folders.out) && lstatSync(folders.out).isDirectory()) {
    const kept = join(folders.builds, String(Number(tree.id) - 1));
    if (existsSync(kept)) throw new Error(`Cannot keep the last output ${folders.out} as ${kept}: that tree exists.`);
    renameSync(folders.out, kept);
  }
  renameSync(link, folders.out);
}
