import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under a folder, by path relative to it (with /), mapped to the
 * sha256 of its bytes. Sorted by path so two digests compare in order.
 */
export function digestTree(root: string): Map<string, string> {
  const files = readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return new Map(files.map((f) => [relative(root, f).split(sep).join('/'), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

/** How two digested trees differ; every list empty when they are byte-identical. */
export interface TreeDifference {
  onlyInFirst: string[];
  onlyInSecond: string[];
  differ: string[];
}

/** Compares two digested trees file by file. */
export function compareTrees(first: Map<string, string>, second: Map<string, string>): TreeDifference {
  return {
    onlyInFirst: [...first.keys()].filter((p) => !second.has(p)),
    onlyInSecond: [...second.keys()].filter((p) => !first.has(p)),
    differ: [...first].filter(([p, hash]) => second.has(p) && second.get(p) !== hash).map(([p]) => p),
  };
}
