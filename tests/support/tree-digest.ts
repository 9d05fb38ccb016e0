import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under a folder, by path relative to it (with /), mapped to the
 * sha256 of its bytes. Sorted by path so two digests compare in order. A
 * build's output is a symlink to its current tree: the tree it points to is
 * digested.
 */
export function digestTree(root: string): Map<string, string> {
  const tree = realpathSync(root);
  const files = readdirSync(tree, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return new Map(files.map((f) => [relative(tree, f).split(sep).join('/'), createHash('sha256').update(readFileSync(f)).digest('hex')]));
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

/** Whether two digested trees are byte-identical. */
export const sameTrees = (first: Map<string, string>, second: Map<string, string>): boolean => {
  const difference = compareTrees(first, second);
  return difference.onlyInFirst.length + difference.onlyInSecond.length + difference.differ.length === 0;
};

/**
 * The links of a site's edition pages (`<paper>/<YYYY-MM-DD>/index.html`)
 * that lead to no file of the site, as `page → link`: empty when every story,
 * page and asset an edition links to is there.
 */
export function missingEditionLinks(root: string): string[] {
  const tree = realpathSync(root);
  const editions = readdirSync(tree, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split(sep).join('/'))
    .filter((path) => /^[a-z]+\/\d{4}-\d{2}-\d{2}\/index\.html$/u.test(path));
  return editions.flatMap((edition) =>
    [...readFileSync(join(tree, edition), 'utf8').matchAll(/\s(?:href|src)="(\/[^"#?]*)/gu)]
      .map((match) => decodeURIComponent(match[1] ?? '/'))
      .filter((link) => {
        const file = join(tree, link.endsWith('/') ? `${link}index.html` : link);
        return !existsSync(file) || !statSync(file).isFile();
      })
      .map((link) => `${edition} → ${link}`),
  );
}
