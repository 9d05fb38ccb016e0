/** Every item of the archive, sorted into print order once per build: what every other query reads. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleData } from '../archive/item-schema.ts';
import { expandArticle } from '../archive/stored-article.ts';
import { buildRun } from '../build/build-run.ts';

/** One archived item as the pages read it: its entry, with the whole record the store keeps in short (src/archive/stored-article.ts). */
export type Article = Omit<CollectionEntry<'articles'>, 'data'> & { data: ArticleData };

/** Print order: paper, date, page within the edition, item on the page. */
const printOrder = (a: Article, b: Article): number =>
  a.data.paper.localeCompare(b.data.paper) ||
  a.data.date.localeCompare(b.data.date) ||
  a.data.pageIndex - b.data.pageIndex ||
  a.data.order - b.data.order;

/**
 * The entries of the content store, and in a join those of the stories it
 * holds beside the store (BuildRun.sliceStories), shaped as the store's
 * own: the same fields in the same order, so that a page's key is the one
 * its slice computed (src/data/cache-key.ts hashes an entry as it is built).
 */
async function storedEntries(): Promise<CollectionEntry<'articles'>[]> {
  const { held, stored } = buildRun()?.sliceStories ?? { held: [], stored: null };
  // A join whose slices hold every story stores none: asking Astro for the empty collection would only warn.
  const entries = stored === 0 ? [] : await getCollection('articles');
  return [...entries, ...held.map(({ id, digest, data }) => ({ id, data, digest, collection: 'articles' }) as CollectionEntry<'articles'>)];
}

let articles: Promise<Article[]> | undefined;

/** Every item in print order, sorted once per build. */
export function getArticles(): Promise<Article[]> {
  articles ??= storedEntries().then((all) =>
    all.map((entry): Article => ({ ...entry, data: expandArticle(entry.id, entry.data) })).sort(printOrder),
  );
  return articles;
}
