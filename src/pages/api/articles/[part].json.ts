import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArticleParts } from '../../../data/archive.ts';
import { bulkArticle, jsonFile } from '../../../data/bulk-article.ts';

export const getStaticPaths = (async () =>
  (await getArticleParts()).map(({ shard, articles }) => ({ params: { part: shard.id }, props: { articles } }))) satisfies GetStaticPaths;

/** One part of the bulk data: every item of a paper and year, in print order. */
export const GET = (({ props }) => jsonFile({ articles: props.articles.map(bulkArticle) })) satisfies APIRoute<
  InferGetStaticPropsType<typeof getStaticPaths>
>;
