import { lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compareTrees, digestTree } from '../support/tree-digest.ts';
import { buildArgs, printed, runScript } from '../support/build-command.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * Caches a build could reuse: the build keeps Astro's (data store,
 * incremental pages) and the search shards' in <out>.cache, Astro's default
 * cacheDir is node_modules/.astro, and .astro/ holds generated types.
 * Removing them all makes each build start from the raw pages alone.
 */
const caches = (out: string): string[] => [`${out}.cache`, join(ROOT, 'node_modules/.astro'), join(ROOT, '.astro')];

const work = mkdtempSync(join(tmpdir(), 'reproducible-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the project build into `out` from clean caches; fails with the build's own output. */
function cleanBuild(out: string): void {
  for (const cache of caches(out)) rmSync(cache, { recursive: true, force: true });
  const result = runScript(buildArgs(out));
  expect(result.status, `build into ${out} failed:\n${printed(result)}`).toBe(0);
}

describe('the build', () => {
  test('two clean builds of the same content are byte-identical', () => {
    const first = join(work, 'a');
    const second = join(work, 'b');
    cleanBuild(first);
    cleanBuild(second);
    // Each output is a link to the tree it published: the trees are compared.
    expect(lstatSync(first).isSymbolicLink() && lstatSync(second).isSymbolicLink()).toBe(true);
    const a = digestTree(first);
    const b = digestTree(second);
    expect(a.size).toBeGreaterThan(0);
    expect([...a.keys()].some((p) => p.startsWith('pagefind/'))).toBe(true);
    expect(compareTrees(a, b)).toEqual({ onlyInFirst: [], onlyInSecond: [], differ: [] });
  });
});
