/** Every item of the archive, sorted into print order once per build: what every other query reads. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleData } from '../archive/item-schema.ts';
import { expandArticle } from '../archive/stored-article.ts';

/** One archived item as the pages read it: its entry, with the whole record the store keeps in short (src/archive/stored-article.ts). */
export type Article = Omit<CollectionEntry<'articles'>, 'data'> & { data: ArticleData };

/** Print order: paper, date, page within the edition, item on the page. */
const printOrder = (a: Article, b: Article): number =>
  a.data.paper.localeCompare(b.data.paper) ||
  a.data.date.localeCompare(b.data.date) ||
  a.data.pageIndex - b.data.pageIndex ||
  a.data.order - b.data.order;

let articles: Promise<Article[]> | undefined;

/** Every item in print order, sorted once per build. */
export function getArticles(): Promise<Article[]> {
  articles ??= getCollection('articles').then((all) =>
    all.map((entry): Article => ({ ...entry, data: expandArticle(entry.id, entry.data) })).sort(printOrder),
  );
  return articles;
}
