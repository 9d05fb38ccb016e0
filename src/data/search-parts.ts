/** What the search is built from: the items by search shard, and the fold table the search page ships. */
import { getEntry } from 'astro:content';
import { FOLD_TABLE_ID } from '../loaders/fold-table-loader.ts';
import type { ArticlePart } from './article-parts.ts';
import { getArticles } from './articles.ts';
import { groupByShard, searchShardFor, type Shard } from './partitions.ts';

/**
 * The fold table the search page ships: pairs of characters, traditional
 * then simplified, whose target occurs in the archive's printed text.
 */
export async function getFoldPairs(): Promise<string> {
  return (await getEntry('searchFold', FOLD_TABLE_ID))?.data.pairs ?? '';
}

/**
 * Every item, one part per search shard (src/data/partitions.ts: the newest
 * month apart, the rest by paper and half-year), parts sorted by id.
 */
export async function getSearchParts(): Promise<ArticlePart[]> {
  const articles = await getArticles();
  const shardFor = searchShardFor(articles.map(({ data }) => data));
  return groupByShard(articles, (article) => article.data, shardFor).map(({ shard, items }) => ({ shard, articles: items }));
}

/** The search shards, sorted by id: the list the search page hands the browser. */
export async function getSearchShards(): Promise<Shard[]> {
  return (await getSearchParts()).map(({ shard }) => shard);
}
