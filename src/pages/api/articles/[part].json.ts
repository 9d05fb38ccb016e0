import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArticleParts } from '../../../data/article-parts.ts';
import { bulkArticle, jsonFile } from '../../../data/bulk-article.ts';
import { cacheKey } from '../../../data/cache-key.ts';
import { articlePartPath } from '../../../data/paths.ts';
import { renderChanged } from '../../../data/render-plan.ts';

export const getStaticPaths = (async () =>
  renderChanged(
    'api-part',
    (await getArticleParts()).map(({ shard, articles }) => ({
      params: { part: shard.id },
      props: { articles },
      cacheKey: cacheKey({ articles }),
    })),
    ({ params }) => articlePartPath(params.part),
  )) satisfies GetStaticPaths;

/** One part of the bulk data: every item of a paper and year, in print order. */
export const GET = (({ props }) => jsonFile({ articles: props.articles.map(bulkArticle) })) satisfies APIRoute<
  InferGetStaticPropsType<typeof getStaticPaths>
>;
