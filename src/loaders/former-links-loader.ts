import type { Loader } from 'astro/loaders';
import { ArchiveInputError } from '../archive/problems.ts';
import { archivePlan } from './archive-plan.ts';

/**
 * Fills the `formerLinks` collection: published links that no longer show a
 * story of their own (see docs/archivists.md, "Permanent links"). One whose story a
 * correction merged into another, or that the registry moved, leads on to
 * the link of the story now; one whose story was withdrawn keeps a page
 * saying when and why (and, where its page stays, the lines its story held,
 * which the page's raw text leaves out). A link once published keeps answering.
 */
export function formerLinksLoader({ contentDir }: { contentDir: string }) {
  return {
    name: 'newspaper-former-links',
    load: async ({ store, parseData, generateDigest, config }) => {
      const plan = archivePlan(contentDir, config.cacheDir);
      if (plan.problems.length > 0) throw new ArchiveInputError(plan.problems);
      store.clear();
      const links = [
        ...plan.moved.map(({ from, to, why }) => ({ from, to, status: why })),
        ...plan.retired.map(({ url, date, reason, withdrawn }) => ({
          from: url,
          status: 'retired' as const,
          date,
          reason,
          ...(withdrawn ? { withdrawn } : {}),
        })),
      ];
      for (const link of links) {
        const id = link.from.slice(1, -1);
        store.set({ id, data: await parseData({ id, data: { ...link } }), digest: generateDigest({ ...link }) });
      }
    },
  } satisfies Loader;
}
