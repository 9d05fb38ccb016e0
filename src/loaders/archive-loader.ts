import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { ArchiveInputError, formatProblem } from '../archive/problems.ts';
import { newRegistryLines } from '../archive/permalink-registry.ts';
import { buildRun, type SliceStory } from '../build/build-run.ts';
import { shardOf } from '../data/partitions.ts';
import type { PlannedItem } from '../archive/plan-archive.ts';
import { compactArticle } from '../archive/stored-article.ts';
import { archivePlan } from './archive-plan.ts';
import { sliceRecordReader, writeSliceRecords, type SliceRecords } from './slice-records.ts';

/** The stored records of a slice's own stories (not its neighbours'), by digest, for the join. */
function ownRecords(
  items: readonly PlannedItem[],
  slice: string,
  store: { get: (id: string) => { data: Record<string, unknown> } | undefined },
): SliceRecords {
  const records: SliceRecords = new Map();
  for (const item of items) {
    const data = shardOf(item).id === slice ? store.get(item.id)?.data : undefined;
    if (data) records.set(item.digest, data);
  }
  return records;
}

/** What the store keeps of an item: its record without the body, in short (src/archive/stored-article.ts). */
function storedRecord(item: PlannedItem): Record<string, unknown> {
  const { html: _html, paragraphs: _paragraphs, body: _body, ...record } = item.record();
  return compactArticle(item.id, record);
}

/** Options of {@link archiveLoader}. */
export interface ArchiveLoaderOptions {
  /** The content folder: papers.yml, pages/, permalinks.tsv. */
  contentDir: string;
}

/**
 * Fills the `articles` collection from the raw pages: checks every input
 * file, gives each item its permalink and stores what changed since the last
 * build. An item whose digest (its page, link, place and the code) is the
 * one stored is left alone, so a rebuild after adding a page parses and
 * stores that page only, and Astro rewrites its store only when something
 * changed. Any input problem stops the build with every problem listed by
 * file and line. It stores each record without its body (paragraphs,
 * subheads, rendered HTML; item-schema.ts's articleSchema): pages that show
 * the body read it again from the raw page (src/data/printed-text.ts), since
 * at 100,000 stories every copy of the text in the store costs minutes of
 * content sync and gigabytes of memory. What it does store, it stores in
 * short (src/archive/stored-article.ts): the query module
 * (src/data/articles.ts) gives the pages each record whole. A join stores
 * only the stories no slice holds: the others' records it takes from the
 * slices and keeps in the build's run (BuildRun.sliceStories), so that its
 * store, which Astro writes and reads as one string, does not grow with the
 * archive.
 */
export function archiveLoader({ contentDir }: ArchiveLoaderOptions) {
  return {
    name: 'newspaper-archive',
    load: async ({ store, logger, parseData, config }) => {
      const plan = archivePlan(contentDir, config.cacheDir);
      if (plan.problems.length > 0) throw new ArchiveInputError(plan.problems);
      for (const w of plan.warnings) logger.warn(formatProblem(w));
      // The build appends the new links to permalinks.tsv before their pages are published (or publishes nothing), so the next build keeps them.
      const run = buildRun();
      if (run) {
        run.registryLines = newRegistryLines(plan.unregistered);
        run.registryText = plan.registryText;
        run.links = plan.links;
      } else if (plan.unregistered.length > 0) {
        logger.warn(`${plan.unregistered.length} item(s) have links not yet in permalinks.tsv; run \`npm run permalinks\` to freeze them.`);
      }
      const present = new Set<string>();
      let stored = 0;
      // A join takes the records its slices stored rather than parsing their pages again (./slice-records.ts), and holds them beside its store, not in it.
      const fromSlices = run?.part.kind === 'join' ? sliceRecordReader(new Set(run.fromSlices.values())) : null;
      const held: SliceStory[] = [];
      for (const item of plan.items) {
        const ready = fromSlices?.(shardOf(item).id, item.digest);
        if (ready) {
          held.push({ id: item.id, digest: item.digest, data: await parseData({ id: item.id, data: { ...ready } }) });
          continue;
        }
        present.add(item.id);
        if (store.get(item.id)?.digest === item.digest) continue;
        const data = await parseData({ id: item.id, data: storedRecord(item) });
        store.set({ id: item.id, data, digest: item.digest });
        stored += 1;
      }
      let removed = 0;
      for (const id of [...store.keys()]) {
        if (present.has(id)) continue;
        store.delete(id);
        removed += 1;
      }
      if (fromSlices && run) run.sliceStories = { held, stored: present.size };
      if (run?.part.kind === 'slice') writeSliceRecords(fileURLToPath(config.cacheDir), ownRecords(plan.items, run.part.id, store));
      const taken = fromSlices ? `, ${held.length} held from the slices' records` : '';
      logger.info(`${plan.items.length} items from ${plan.digests.length} pages (${stored} stored${taken}, ${removed} removed)`);
    },
  } satisfies Loader;
}
