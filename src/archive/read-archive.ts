import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { unsafeName } from './file-names.ts';

/** A raw input file: its path relative to the project root, and its bytes. */
export interface RawFile {
  path: string;
  bytes: Uint8Array;
  /**
   * Why it was not read (a link leading outside the content folder, a named
   * pipe …), or why its name cannot be kept; a file not read has no bytes.
   */
  refused?: string;
}

/** Everything the archive is built from, read from disk but not yet checked. */
export interface RawArchive {
  /** content/papers.yml, or null when missing. */
  papers: RawFile | null;
  /** Every file under content/pages, and every entry there refused (see RawFile.refused), sorted by path. */
  pageFiles: RawFile[];
  /** content/permalinks.tsv, or null when none has been written yet. */
  registry: RawFile | null;
}

/** Where the archive's input lives inside a content folder. */
export const CONTENT_LAYOUT = { papers: 'papers.yml', pages: 'pages', registry: 'permalinks.tsv' } as const;

/** What an entry of the content folder is: a file to read (at `path`), a folder to list, or refused, and why. */
type Entry = { kind: 'file'; path: string } | { kind: 'folder' } | { kind: 'refused'; why: string };

/**
 * What the entry at `path` is. Every file the archive reads is a regular
 * file inside the content folder (`inside`, its real path). A symbolic link
 * is followed only to a regular file inside the content folder: a link
 * leading outside it would publish whatever it names (/etc/passwd, say), and
 * a link to a folder, wherever it leads, would list pages twice or loop.
 * Anything else (a named pipe, a socket, a device) is refused unread.
 */
function entryAt(path: string, inside: string): Entry {
  const own = lstatSync(path);
  if (own.isDirectory()) return { kind: 'folder' };
  if (own.isFile()) return { kind: 'file', path };
  if (!own.isSymbolicLink()) return { kind: 'refused', why: 'not a regular file (a named pipe, a socket or a device); remove it' };
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return { kind: 'refused', why: 'a link that leads nowhere (its target is missing, or links loop); remove it, or copy the file in' };
  }
  if (target !== inside && !target.startsWith(`${inside}${sep}`))
    return { kind: 'refused', why: `a link leading outside the content folder (to ${target}); copy the file in instead of linking to it` };
  const stat = statSync(target);
  if (stat.isDirectory())
    return { kind: 'refused', why: 'a link to a folder, which would list its pages twice; move the folder in instead of linking to it' };
  if (!stat.isFile()) return { kind: 'refused', why: 'a link to something that is not a regular file; remove it' };
  return { kind: 'file', path: target };
}

const refusedFile = (path: string, root: string, why: string): RawFile => ({
  path: relative(root, path),
  bytes: new Uint8Array(),
  refused: why,
});
const readFile = (path: string, entry: Entry & { kind: 'file' }, root: string): RawFile => ({
  path: relative(root, path),
  bytes: readFileSync(entry.path),
});

/**
 * Every file under a folder of the content folder, and every entry refused,
 * in no order. Names beginning with a dot (.DS_Store, an editor's .swp, a
 * .git folder) are not part of the archive and are left out unread.
 */
function listFiles(dir: string, inside: string, root: string, editions?: EditionFilter, depth = 0): RawFile[] {
  return readdirSync(dir).flatMap((name): RawFile[] => {
    if (name.startsWith('.')) return [];
    // pages/<paper>/<date>/: an edition's folder that is not wanted is left unread.
    if (editions && depth === 1 && !editions(basename(dir), name)) return [];
    const path = join(dir, name);
    const entry = entryAt(path, inside);
    if (entry.kind === 'refused') return [refusedFile(path, root, entry.why)];
    if (entry.kind === 'file') return [readFile(path, entry, root)];
    // A folder with an unsafe name is reported and its pages still read, so that every problem shows at once.
    const badName = unsafeName(name);
    return [
      ...(badName ? [refusedFile(path, root, `${badName}; rename the folder, e.g. 2024-01-24`)] : []),
      ...listFiles(path, inside, root, editions, depth + 1),
    ];
  });
}

/** The real path of a content folder, or null when there is none. */
const realContentDir = (contentDir: string): string | null => (existsSync(contentDir) ? realpathSync(contentDir) : null);

/** Reads one top-level file of a content folder (papers.yml, permalinks.tsv), or null when it is missing. */
export function readContentFile(contentDir: string, name: string, root: string = process.cwd()): RawFile | null {
  const inside = realContentDir(contentDir);
  const path = join(contentDir, name);
  if (inside === null || (!existsSync(path) && !isLink(path))) return null;
  const entry = entryAt(path, inside);
  if (entry.kind === 'file') return readFile(path, entry, root);
  return refusedFile(path, root, entry.kind === 'refused' ? entry.why : 'a folder, where a file is expected; remove it');
}

/** Whether a path is a symbolic link (one that leads nowhere fails existsSync). */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Which editions' folders (`pages/<paper>/<date>/`) to read; the others are left unread and unlisted. */
export type EditionFilter = (paper: string, date: string) => boolean;

/** Every file under content/pages (of the editions wanted), and every entry refused, sorted by path. */
function readPages(contentDir: string, root: string, editions?: EditionFilter): RawFile[] {
  const inside = realContentDir(contentDir);
  const pages = join(contentDir, CONTENT_LAYOUT.pages);
  if (inside === null || (!existsSync(pages) && !isLink(pages))) return [];
  const entry = entryAt(pages, inside);
  if (entry.kind === 'refused') return [refusedFile(pages, root, entry.why)];
  if (entry.kind === 'file') return [refusedFile(pages, root, 'a file, where the folder of raw pages is expected; remove it')];
  return listFiles(pages, inside, root, editions).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Reads a content folder (papers.yml, pages/, permalinks.tsv) from disk. This
 * is the only part of the archive core that touches the file system. Only
 * regular files inside the content folder are read (see entryAt); whatever
 * else is found there is listed as refused, for the check to report.
 * @param contentDir absolute or cwd-relative path of the content folder
 * @param root paths in the result are relative to this folder
 * @param editions the editions to read (a slice's build reads its own: src/build/slices.ts); all by default
 */
export function readArchive(contentDir: string, root: string = process.cwd(), editions?: EditionFilter): RawArchive {
  return {
    papers: readContentFile(contentDir, CONTENT_LAYOUT.papers, root),
    pageFiles: readPages(contentDir, root, editions),
    registry: readContentFile(contentDir, CONTENT_LAYOUT.registry, root),
  };
}
