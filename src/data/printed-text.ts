import { decodePageText } from '../archive/decode-page-text.ts';
import { anchorBlocks, type AnchoredBlock } from '../archive/article-record.ts';
import { readPage } from '../archive/page-reader.ts';
import { editionMetaSchema, type EditionMeta } from '../archive/edition-meta.ts';
import type { PaperStyle } from '../archive/paper-style.ts';
import { contentDirOf, readPaperStyles } from '../archive/paper-styles.ts';
import { readYaml } from '../archive/read-yaml.ts';
import type { BodyBlock } from '../archive/types.ts';
import type { Section } from '../archive/render-body.ts';
import { readSourceBytes } from './source-pages.ts';

/**
 * The printed body of an item, read from its raw page when a page that shows
 * it is rendered. The content store keeps only what lists and links need: at
 * 100,000 stories every copy of the text in the store costs minutes of
 * content sync (Astro serialises the store on every change), bundling time
 * and gigabytes of build memory. The raw page is the source of truth, and
 * its parse comes from the one reader of raw pages (src/archive/page-reader.ts),
 * which the loader read it through: the same text gives the same blocks, kept
 * once per content.
 */

/** Where an item is: its raw page (path relative to the project root) and its lines. */
export interface ItemSource {
  source: { path: string; lines: [number, number] };
}

/** The edition metadata of a raw page, from the .yml beside it (checked by the loader already). */
function metaOf(path: string): EditionMeta {
  const metaPath = path.replace(/\.txt$/u, '.yml');
  const meta = readYaml(metaPath, readSourceBytes(metaPath).toString('utf8'), editionMetaSchema);
  if (!meta.data) throw new Error(`${metaPath}: the edition metadata no longer reads; rebuild the archive`);
  return meta.data;
}

/** The house styles of the papers of each content folder, read once per folder in a build. */
const styles = new Map<string, Map<string, PaperStyle | undefined>>();

/** The house style of a raw page's paper (paper-styles.ts). */
function styleOf(path: string, paper: string): PaperStyle | undefined {
  const contentDir = contentDirOf(path);
  if (contentDir === null) return undefined;
  let byPaper = styles.get(contentDir);
  if (!byPaper) {
    byPaper = readPaperStyles(contentDir);
    styles.set(contentDir, byPaper);
  }
  return byPaper.get(paper);
}

/**
 * The bodies of raw pages' items by first line, for the last pages asked:
 * the story pages of one raw page come one after another, and each would
 * otherwise read and digest the whole raw page again.
 */
const recent = new Map<string, Map<number, BodyBlock[]>>();
const RECENT_PAGES = 32;

/** The bodies of a raw page's items by first line. */
function pageBodies(path: string): Map<number, BodyBlock[]> {
  let bodies = recent.get(path);
  if (!bodies) {
    const decoded = decodePageText(path, readSourceBytes(path));
    if ('problem' in decoded) throw new Error(`${path}:${decoded.problem.line}: ${decoded.problem.message}`);
    const meta = metaOf(path);
    const parse = readPage(decoded.text, meta.corrections ?? [], styleOf(path, meta.paper));
    bodies = new Map(parse.items.map((item) => [item.lines[0], item.body]));
    if (recent.size >= RECENT_PAGES) recent.delete(recent.keys().next().value ?? '');
    recent.set(path, bodies);
  }
  return bodies;
}

/**
 * The body blocks of an item as printed: paragraphs (column breaks joined)
 * and subheads, in print order.
 * @example printedBody(article.data)[0] // { type: 'paragraph', text: '1月23日上午，…', lines: [9, 9] }
 */
export function printedBody(item: ItemSource): BodyBlock[] {
  const body = pageBodies(item.source.path).get(item.source.lines[0]);
  if (!body) throw new Error(`${item.source.path}:${item.source.lines[0]}: no item begins here any more; rebuild the archive`);
  return body;
}

/**
 * The body blocks with their anchors on the story page (p1, p2, … and the
 * subheads' anchors as stored in `sections`).
 */
export function anchoredBody(item: ItemSource & { sections: Section[] }): AnchoredBlock[] {
  return anchorBlocks(printedBody(item), item.sections);
}
