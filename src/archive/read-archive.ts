import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A raw input file: its path relative to the project root, and its bytes. */
export interface RawFile {
  path: string;
  bytes: Uint8Array;
}

/** Everything the archive is built from, read from disk but not yet checked. */
export interface RawArchive {
  /** content/papers.yml, or null when missing. */
  papers: RawFile | null;
  /** Every file under content/pages, sorted by path. */
  pageFiles: RawFile[];
  /** content/permalinks.tsv, or null when none has been written yet. */
  registry: RawFile | null;
}

/** Where the archive's input lives inside a content folder. */
export const CONTENT_LAYOUT = { papers: 'papers.yml', pages: 'pages', registry: 'permalinks.tsv' } as const;

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Reads a content folder (papers.yml, pages/, permalinks.tsv) from disk. This
 * is the only part of the archive core that touches the file system.
 * @param contentDir absolute or cwd-relative path of the content folder
 * @param root paths in the result are relative to this folder
 */
export function readArchive(contentDir: string, root: string = process.cwd()): RawArchive {
  const read = (path: string): RawFile => ({ path: relative(root, path), bytes: readFileSync(path) });
  const papersPath = join(contentDir, CONTENT_LAYOUT.papers);
  const registryPath = join(contentDir, CONTENT_LAYOUT.registry);
  return {
    papers: existsSync(papersPath) ? read(papersPath) : null,
    pageFiles: listFiles(join(contentDir, CONTENT_LAYOUT.pages)).map(read),
    registry: existsSync(registryPath) ? read(registryPath) : null,
  };
}
