import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { checkCorrections, type Correction } from '../archive/corrections.ts';
import { decodePageText } from '../archive/decode-page-text.ts';
import { editionMetaSchema, papersFileSchema, type EditionMeta } from '../archive/edition-meta.ts';
import { formatProblem, projectPath } from '../archive/problems.ts';
import { CONTENT_LAYOUT, readArchive, readContentFile, type RawFile } from '../archive/read-archive.ts';
import type { PaperStyle } from '../archive/paper-style.ts';
import { readPaperStyles } from '../archive/paper-styles.ts';
import { readYaml } from '../archive/read-yaml.ts';

/**
 * The raw pages of a content folder as the review page reads them, one by
 * one and as `npm run parse` does: the text, the edition metadata beside it
 * and its corrections, with whatever is wrong with them said rather than
 * stopping the page (the review is where an archivist looks at a page that
 * does not read yet).
 */

/** A raw page and its .yml, read for review. */
export interface ReviewSource {
  /** Its path under pages/ without `.txt`, e.g. `ntrb/2024-01-24/004_ca8fbf74e0fa523e`: the review page's address. */
  slug: string;
  /** The raw page's path as `npm run check:content` names it (relative to the project, or absolute outside it). */
  file: string;
  /** The page's text, or null when it is not a readable page (not UTF-8, say). */
  text: string | null;
  /** Its edition metadata, or null when the .yml is missing or does not read. */
  meta: EditionMeta | null;
  /** The corrections of its .yml. */
  corrections: Correction[];
  /** Its paper's house style (papers.yml), weighed as the build weighs it. */
  style: PaperStyle | undefined;
  /** What is wrong with the page, its .yml or its corrections, as `file:line: message`. */
  problems: string[];
}

const decoder = new TextDecoder();

/** Reads a raw page and its .yml (paths in `txt` and `yml` relative to `root`). */
function readSource(
  slug: string,
  txt: RawFile,
  yml: RawFile | null,
  root: string,
  styles: ReadonlyMap<string, PaperStyle | undefined>,
): ReviewSource {
  const file = projectPath(resolve(root, txt.path), root);
  const metaFile = file.replace(/\.txt$/u, '.yml');
  const decoded = decodePageText(file, txt.bytes);
  const problems: string[] = [];
  const text = 'problem' in decoded ? null : decoded.text;
  if ('problem' in decoded) problems.push(formatProblem(decoded.problem));
  const read = yml ? readYaml(metaFile, decoder.decode(yml.bytes), editionMetaSchema) : null;
  if (!read) problems.push(`${metaFile}:1: no edition metadata beside the page`);
  problems.push(...(read?.problems ?? []).map(formatProblem));
  const meta = read?.data ?? null;
  const corrections = meta?.corrections ?? [];
  if (text !== null)
    for (const p of checkCorrections(corrections, text)) problems.push(`${metaFile}: corrections entry ${p.entry + 1}: ${p.message}`);
  return { slug, file, text, meta, corrections, style: meta ? styles.get(meta.paper) : undefined, problems };
}

/**
 * Every raw page of a content folder, in path order, with its .yml.
 * @param contentDir the folder the site is built from (content/ unless ARCHIVE_CONTENT_DIR says otherwise)
 */
export function readSources(contentDir: string, root: string = process.cwd()): ReviewSource[] {
  const pagesDir = resolve(root, contentDir, CONTENT_LAYOUT.pages);
  const files = readArchive(resolve(root, contentDir), root).pageFiles;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const styles = readPaperStyles(resolve(root, contentDir));
  return files
    .filter((f) => f.path.endsWith('.txt'))
    .map((f) => {
      const slug = relative(pagesDir, resolve(root, f.path))
        .split(sep)
        .join('/')
        .replace(/\.txt$/u, '');
      return readSource(slug, f, byPath.get(f.path.replace(/\.txt$/u, '.yml')) ?? null, root, styles);
    });
}

/** Reads a file of the pages folder, or null when there is no such file. */
function readPageFile(pagesDir: string, name: string, root: string): RawFile | null {
  const path = join(pagesDir, name);
  return existsSync(path) && statSync(path).isFile() ? readContentFile(pagesDir, name, root) : null;
}

/**
 * One raw page of a content folder by its slug, or null when the folder has
 * no such page (a slug never leads out of pages/).
 * @example readSourceBySlug('content', 'ntrb/2024-01-24/004_ca8fbf74e0fa523e')?.file // 'content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt'
 */
export function readSourceBySlug(contentDir: string, slug: string, root: string = process.cwd()): ReviewSource | null {
  const segments = slug.split('/');
  if (segments.some((s) => s === '' || s.startsWith('.') || s.includes('\\'))) return null;
  const pagesDir = resolve(root, contentDir, CONTENT_LAYOUT.pages);
  const txt = readPageFile(pagesDir, `${slug}.txt`, root);
  return txt && readSource(slug, txt, readPageFile(pagesDir, `${slug}.yml`, root), root, readPaperStyles(resolve(root, contentDir)));
}

/**
 * The printed name of each paper of a content folder's papers.yml, by id
 * (empty when it is missing or does not read: the index then shows ids).
 * @example readPaperNames('content').get('ntrb') // '南通日报'
 */
export function readPaperNames(contentDir: string, root: string = process.cwd()): Map<string, string> {
  const file = readContentFile(resolve(root, contentDir), CONTENT_LAYOUT.papers, root);
  const papers = file ? readYaml(file.path, decoder.decode(file.bytes), papersFileSchema).data : null;
  return new Map((papers ?? []).map((p) => [p.id, p.name]));
}
