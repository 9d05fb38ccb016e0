import type { Loader } from 'astro/loaders';
import { ArchiveInputError } from '../archive/problems.ts';
import { CONTENT_LAYOUT, readContentFile } from '../archive/read-archive.ts';
import { checkPapers } from '../archive/validate-archive.ts';

/**
 * Fills the `papers` collection from content/papers.yml, with the same
 * checks and file-and-line errors as the archive loader.
 */
export function papersLoader({ contentDir }: { contentDir: string }) {
  return {
    name: 'newspaper-papers',
    load: async ({ store, parseData, generateDigest }) => {
      const { papers, problems } = checkPapers(readContentFile(contentDir, CONTENT_LAYOUT.papers));
      if (problems.length > 0) throw new ArchiveInputError(problems);
      store.clear();
      for (const paper of papers) {
        store.set({ id: paper.id, data: await parseData({ id: paper.id, data: { ...paper } }), digest: generateDigest({ ...paper }) });
      }
    },
  } satisfies Loader;
}
