/** The papers the archive holds (content/papers.yml). */
import { getCollection, type CollectionEntry } from 'astro:content';

/** One paper. */
export type PaperEntry = CollectionEntry<'papers'>;

/** Every paper, in the order of content/papers.yml ids. */
export async function getPapers(): Promise<PaperEntry[]> {
  return (await getCollection('papers')).sort((a, b) => a.id.localeCompare(b.id));
}
