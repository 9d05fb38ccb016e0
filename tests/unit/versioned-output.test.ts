import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFolders } from '../../src/build/build-folders.ts';
import {
  currentTree,
  keptTree,
  linkTree,
  recycleTree,
  removeStaleTrees,
  startTree,
  switchOutput,
} from '../../src/build/versioned-output.ts';
import { compareTrees, digestTree } from '../support/tree-digest.ts';

/** The folders of an output `site` in a new temp folder. */
const folders = (): ReturnType<typeof buildFolders> => buildFolders(join(mkdtempSync(join(tmpdir(), 'versioned-output-')), 'site'));

/** Writes files (path → text) under `root`. */
function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('the output as versioned trees', () => {
  test('a new tree is numbered above every tree there is, and switching makes the output a relative link to it', () => {
    const f = folders();
    expect(currentTree(f)).toBeNull();
    const first = startTree(f);
    expect(first.id).toBe('1');
    writeTree(first.path, { 'index.html': 'one' });
    switchOutput(f, first);
    expect(readlinkSync(f.out)).toBe('.site.builds/1');
    expect(readFileSync(join(f.out, 'index.html'), 'utf8')).toBe('one');
    expect(currentTree(f)).toEqual(first);
    const second = startTree(f);
    expect(second.id).toBe('2');
    linkTree(first.path, second.path);
    switchOutput(f, second);
    expect(currentTree(f)?.id).toBe('2');
    expect(readdirSync(f.builds).sort()).toEqual(['1', '2']);
  });

  test('a linked tree shares the last tree’s files but not its folders: what is added there is not published', () => {
    const f = folders();
    const first = startTree(f);
    writeTree(first.path, { 'index.html': 'home', 'ntrb/2024-01-24/a/index.html': 'story a' });
    switchOutput(f, first);
    const second = startTree(f);
    linkTree(first.path, second.path);
    const story = 'ntrb/2024-01-24/a/index.html';
    expect(lstatSync(join(second.path, story)).ino).toBe(lstatSync(join(first.path, story)).ino);
    writeTree(second.path, { 'ntrb/2024-01-24/b/index.html': 'story b' });
    expect(readdirSync(join(f.out, 'ntrb/2024-01-24'))).toEqual(['a']);
  });

  test('the tree kept before the published one is recycled into the next: renamed, and level with the published one by its changes alone', () => {
    const f = folders();
    const kept = startTree(f);
    writeTree(kept.path, { 'index.html': 'home 1', 'a/index.html': 'a', 'b/index.html': 'b', 'pagefind/x/old.pf_fragment': 'old' });
    switchOutput(f, kept);
    const published = startTree(f);
    linkTree(kept.path, published.path);
    // What the build of the published tree changed, as it recorded it.
    for (const file of ['index.html', 'b/index.html', 'pagefind/x/old.pf_fragment']) rmSync(join(published.path, file));
    writeTree(published.path, { 'index.html': 'home 2', 'c/index.html': 'c', 'pagefind/x/new.pf_fragment': 'new' });
    switchOutput(f, published);
    const changes = {
      written: ['c/index.html', 'index.html', 'pagefind/x/new.pf_fragment'],
      removed: ['b/index.html', 'pagefind/x/old.pf_fragment'],
    };
    expect(keptTree(f, published)).toEqual(kept);
    const next = startTree(f);
    recycleTree(kept, published, next.path, changes);
    expect(readdirSync(f.builds).sort()).toEqual(['2', '3']);
    expect(compareTrees(digestTree(published.path), digestTree(next.path))).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
    for (const file of ['a/index.html', 'index.html', 'c/index.html'])
      expect(statSync(join(next.path, file)).ino).toBe(statSync(join(published.path, file)).ino);
    expect(readdirSync(next.path).sort()).toEqual(['a', 'c', 'index.html', 'pagefind']);
    expect(readFileSync(join(f.out, 'index.html'), 'utf8')).toBe('home 2');
  });

  test('keeps the published tree and the one before it, and removes older trees and what a killed build left', () => {
    const f = folders();
    for (const id of ['1', '2', '3', '4', '5']) writeTree(join(f.builds, id), { 'index.html': id });
    writeFileSync(join(f.builds, 'next-link'), '');
    symlinkSync('.site.builds/4', f.out);
    removeStaleTrees(f);
    // 5 was begun by a build killed before its switch; 1 and 2 are older than the one kept.
    expect(readdirSync(f.builds).sort()).toEqual(['3', '4']);
    expect(realpathSync(f.out)).toBe(realpathSync(join(f.builds, '4')));
  });

  test('with no published tree, every tree there goes', () => {
    const f = folders();
    writeTree(join(f.builds, '1'), { 'index.html': 'never published' });
    removeStaleTrees(f);
    expect(readdirSync(f.builds)).toEqual([]);
  });

  test('an output that is still a real folder is kept as the tree before the first one', () => {
    const f = folders();
    writeTree(f.out, { 'index.html': 'built before versioned trees' });
    expect(currentTree(f)).toBeNull();
    const tree = startTree(f);
    writeTree(tree.path, { 'index.html': 'new' });
    switchOutput(f, tree);
    expect(readlinkSync(f.out)).toBe('.site.builds/1');
    expect(readFileSync(join(f.builds, '0', 'index.html'), 'utf8')).toBe('built before versioned trees');
    removeStaleTrees(f);
    expect(readdirSync(f.builds).sort()).toEqual(['0', '1']);
  });
});
