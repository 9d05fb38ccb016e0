import { resolve } from 'node:path';
import { papersFileSchema } from './edition-meta.ts';
import type { PaperStyle } from './paper-style.ts';
import { CONTENT_LAYOUT, readContentFile } from './read-archive.ts';
import { readYaml } from './read-yaml.ts';

/**
 * Where a reader of a single raw page finds its paper's house style
 * (paper-style.ts): in the papers.yml of the content folder the page lies
 * in. The archive plan reads papers.yml with the whole folder; the story
 * routes, `npm run parse` and the parse review read one page at a time, and
 * must parse it as the plan did.
 */

/**
 * The content folder a raw page lies in: its path up to the pages folder, or
 * null for a page outside any (a file given to `npm run parse` from elsewhere).
 * @example contentDirOf('content/pages/ntrb/2024-01-24/004_ca8fbf74e0fa523e.txt') // 'content'
 */
export function contentDirOf(pagePath: string): string | null {
  const at = pagePath.indexOf(`/${CONTENT_LAYOUT.pages}/`);
  return at < 0 ? (pagePath.startsWith(`${CONTENT_LAYOUT.pages}/`) ? '.' : null) : pagePath.slice(0, at);
}

/**
 * The house style of each paper of a content folder's papers.yml, by id;
 * empty when there is no papers.yml or it does not read (the content check
 * says why). Read anew on each call: the parse review shows an edit at once.
 */
export function readPaperStyles(contentDir: string): Map<string, PaperStyle | undefined> {
  // Through the archive's one reader of the file system, which refuses what is not a regular file inside the folder.
  const file = readContentFile(resolve(contentDir), CONTENT_LAYOUT.papers);
  if (!file || file.refused !== undefined) return new Map();
  const papers = readYaml(file.path, new TextDecoder().decode(file.bytes), papersFileSchema).data ?? [];
  return new Map(papers.map((p) => [p.id, p.style]));
}
