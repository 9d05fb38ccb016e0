import type { Loader } from 'astro/loaders';
import { ArchiveInputError } from '../archive/problems.ts';
import { archivePlan } from './archive-plan.ts';

/**
 * Fills the `movedLinks` collection: published links of items that a
 * correction merged into another item, each with the link it now leads to
 * (see README, "Correcting a parse"). A link once published keeps answering.
 */
export function movedLinksLoader({ contentDir }: { contentDir: string }) {
  return {
    name: 'newspaper-moved-links',
    load: async ({ store, parseData, generateDigest, config }) => {
      const plan = archivePlan(contentDir, config.cacheDir);
      if (plan.problems.length > 0) throw new ArchiveInputError(plan.problems);
      store.clear();
      for (const link of plan.moved) {
        const id = link.from.slice(1, -1);
        store.set({ id, data: await parseData({ id, data: { ...link } }), digest: generateDigest({ ...link }) });
      }
    },
  } satisfies Loader;
}
