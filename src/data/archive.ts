import { getCollection, type CollectionEntry } from 'astro:content';

/** One archived item as the pages read it. */
export type Article = CollectionEntry<'articles'>;
/** One paper. */
export type PaperEntry = CollectionEntry<'papers'>;

/** Print order: paper, date, page within the edition, item on the page. */
const printOrder = (a: Article, b: Article): number =>
  a.data.paper.localeCompare(b.data.paper) ||
  a.data.date.localeCompare(b.data.date) ||
  a.data.pageIndex - b.data.pageIndex ||
  a.data.order - b.data.order;

let articles: Promise<Article[]> | undefined;

/** Every item in print order, sorted once per build. */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('articles').then((all) => all.sort(printOrder));
  return articles;
}

/** Every paper, in the order of content/papers.yml ids. */
export async function getPapers(): Promise<PaperEntry[]> {
  return (await getCollection('papers')).sort((a, b) => a.id.localeCompare(b.id));
}
