import type { Loader } from 'astro/loaders';
import { buildArchive, type ArticleRecord } from '../archive/build-archive.ts';
import { ArchiveInputError } from '../archive/problems.ts';
import { readArchive } from '../archive/read-archive.ts';

/** Options of {@link archiveLoader}. */
export interface ArchiveLoaderOptions {
  /** The content folder: papers.yml, pages/, permalinks.tsv. */
  contentDir: string;
}

/**
 * The data stored per article: the record without its body (paragraphs,
 * subheads, rendered HTML). Pages that show the body read it again from the
 * raw page (src/data/printed-text.ts): at 100,000 stories every copy of the
 * text in the store costs minutes of content sync and gigabytes of memory.
 */
export type ArticleData = Omit<ArticleRecord, 'html' | 'paragraphs' | 'body'>;

/**
 * Fills the `articles` collection from the raw pages: checks every input
 * file, parses the pages, gives each item its permalink and stores it with
 * its rendered body. Any input problem stops the build with every problem
 * listed by file and line.
 */
export function archiveLoader({ contentDir }: ArchiveLoaderOptions) {
  return {
    name: 'newspaper-archive',
    load: async ({ store, logger, parseData, generateDigest }) => {
      const archive = buildArchive(readArchive(contentDir));
      if (archive.problems.length > 0) throw new ArchiveInputError(archive.problems);
      if (archive.unregistered.length > 0) {
        logger.warn(`${archive.unregistered.length} item(s) have links not yet in permalinks.tsv; run \`npm run permalinks\` to freeze them.`);
      }
      store.clear();
      for (const { html, paragraphs: _derived, body, ...record } of archive.articles) {
        const data = await parseData({ id: record.id, data: { ...record } });
        store.set({
          id: record.id,
          data,
          digest: generateDigest({ html, body, ...record }),
        });
      }
      logger.info(`${archive.articles.length} items from ${new Set(archive.articles.map((a) => a.source.file)).size} pages`);
    },
  } satisfies Loader;
}
