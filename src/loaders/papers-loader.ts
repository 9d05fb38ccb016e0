import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { papersFileSchema } from '../archive/edition-meta.ts';
import { ArchiveInputError } from '../archive/problems.ts';
import { readYaml } from '../archive/read-yaml.ts';

/**
 * Fills the `papers` collection from content/papers.yml, with the same
 * file-and-line errors as the archive loader.
 */
export function papersLoader({ contentDir }: { contentDir: string }) {
  return {
    name: 'newspaper-papers',
    load: async ({ store, parseData, generateDigest }) => {
      const path = join(contentDir, 'papers.yml');
      const { data, problems } = readYaml(path, readFileSync(path, 'utf8'), papersFileSchema);
      if (!data) throw new ArchiveInputError(problems);
      store.clear();
      for (const paper of data) {
        store.set({ id: paper.id, data: await parseData({ id: paper.id, data: { ...paper } }), digest: generateDigest({ ...paper }) });
      }
    },
  } satisfies Loader;
}
