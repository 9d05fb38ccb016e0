import { readdirSync, readFileSync, existsSync, statSync, type Dirent } from 'node:fs';
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

/** Whether a directory entry is a file, or a link to one (an archivist may link a page in from elsewhere). */
function isFileOrLinkToOne(e: Dirent): boolean {
  if (e.isFile()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return statSync(join(e.parentPath, e.name)).isFile();
  } catch {
    return false;
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => isFileOrLinkToOne(e) && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const readFile = (path: string, root: string): RawFile => ({ path: relative(root, path), bytes: readFileSync(path) });

/** Reads one top-level file of a content folder (papers.yml, permalinks.tsv), or null when it is missing. */
export function readContentFile(contentDir: string, name: string, root: string = process.cwd()): RawFile | null {
  const path = join(contentDir, name);
  return existsSync(path) ? readFile(path, root) : null;
}

/**
 * Reads a content folder (papers.yml, pages/, permalinks.tsv) from disk. This
 * is the only part of the archive core that touches the file system.
 * @param contentDir absolute or cwd-relative path of the content folder
 * @param root paths in the result are relative to this folder
 */
export function readArchive(contentDir: string, root: string = process.cwd()): RawArchive {
  return {
    papers: readContentFile(contentDir, CONTENT_LAYOUT.papers, root),
    pageFiles: listFiles(join(contentDir, CONTENT_LAYOUT.pages)).map((path) => readFile(path, root)),
    registry: readContentFile(contentDir, CONTENT_LAYOUT.registry, root),
  };
}
