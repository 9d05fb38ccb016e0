import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The file at `path`, or every file under the folder at `path`, sorted. */
function filesAt(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * sha256 (hex) of `salt` and of every file at the given paths under `root`
 * (a file, or every file of a folder), each with its path; missing paths are
 * skipped. What says "the code changed" to the build and to the loader.
 * @example filesDigest(process.cwd(), ['src/archive', 'package-lock.json']) // 64 hex digits
 */
export function filesDigest(root: string, paths: readonly string[], salt = ''): string {
  const hash = createHash('sha256').update(salt);
  for (const name of paths) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    for (const file of filesAt(path)) hash.update(`${relative(root, file)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}
