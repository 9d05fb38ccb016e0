/** The items a paper's Atom feed lists. */
import type { Article } from './articles.ts';
import { getEditions } from './editions.ts';

/** A paper's items, newest edition first (print order within an edition), at most `count`. */
export async function getFeedItems(paper: string, count: number): Promise<Article[]> {
  const own = (await getEditions()).filter((e) => e.paper === paper).reverse();
  return own.flatMap((e) => e.pages.flatMap((p) => p.items)).slice(0, count);
}
