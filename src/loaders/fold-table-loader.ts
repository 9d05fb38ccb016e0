import type { Loader } from 'astro/loaders';
import { ArchiveInputError } from '../archive/problems.ts';
import { tableForTexts, traditionalToSimplified } from '../archive/fold-table.ts';
import { archivePlan } from './archive-plan.ts';

/** The id of the one entry of the `searchFold` collection. */
export const FOLD_TABLE_ID = 'archive';

/**
 * Fills the `searchFold` collection with one entry: the part of the
 * traditional → simplified table the search page ships, as pairs of
 * characters (traditional then simplified) whose target occurs in the
 * archive's printed text. Made from the page summaries, so the search page
 * needs no story's text.
 */
export function foldTableLoader({ contentDir }: { contentDir: string }) {
  return {
    name: 'newspaper-search-fold',
    load: async ({ store, parseData, generateDigest, config }) => {
      const plan = archivePlan(contentDir, config.cacheDir);
      if (plan.problems.length > 0) throw new ArchiveInputError(plan.problems);
      const table = tableForTexts(traditionalToSimplified(), [plan.extras.join('')]);
      const pairs = [...table].map(([from, to]) => from + to).join('');
      const data = await parseData({ id: FOLD_TABLE_ID, data: { pairs } });
      store.set({ id: FOLD_TABLE_ID, data, digest: generateDigest(pairs) });
    },
  } satisfies Loader;
}
