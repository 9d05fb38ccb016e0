/** The items split into the parts of the bulk data (/api/articles/), one per paper and year. */
import { getArticles, type Article } from './articles.ts';
import { groupByShard, type Shard } from './partitions.ts';

/** The items of one paper-year, in print order. */
export interface ArticlePart {
  shard: Shard;
  articles: Article[];
}

/** Every item, one part per paper and year, parts sorted by id. */
export async function getArticleParts(): Promise<ArticlePart[]> {
  return groupByShard(await getArticles(), (article) => article.data).map(({ shard, items }) => ({ shard, articles: items }));
}
