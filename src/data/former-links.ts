/** Published links that no longer show a story of their own, and the lines of withdrawn stories. */
import { getCollection, type CollectionEntry } from 'astro:content';

/** A published link that no longer shows a story of its own: it leads on, or says its story was withdrawn. */
export type FormerLink = CollectionEntry<'formerLinks'>['data'];

/** Every former link, sorted by link. */
export async function getFormerLinks(): Promise<FormerLink[]> {
  return (await getCollection('formerLinks')).map((e) => e.data).sort((a, b) => a.from.localeCompare(b.from));
}

/** The lines of a story withdrawn while its page stays, and the link that says so. */
export interface WithdrawnLines {
  lines: [number, number];
  url: string;
}

/** The stories withdrawn from pages that stay, by raw page path (relative to the project root). */
export async function getWithdrawnLines(): Promise<Map<string, WithdrawnLines[]>> {
  const byPath = new Map<string, WithdrawnLines[]>();
  for (const link of await getFormerLinks()) {
    if (link.status !== 'retired' || !link.withdrawn) continue;
    const { path, lines } = link.withdrawn;
    byPath.set(path, [...(byPath.get(path) ?? []), { lines, url: link.from }]);
  }
  return byPath;
}
