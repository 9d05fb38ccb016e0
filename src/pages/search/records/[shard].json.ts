import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSearchParts } from '../../../data/archive.ts';
import { cacheKey } from '../../../data/cache-key.ts';
import { searchRecordsPath } from '../../../data/paths.ts';
import { renderChanged } from '../../../data/render-plan.ts';
import { anchoredBody } from '../../../data/printed-text.ts';
import { searchRecord } from '../../../search/search-record.ts';

/**
 * The printed text of one search shard (a paper's half-year, or the newest
 * month) as search reads it, one file per shard: build input for
 * scripts/index-search.ts, which indexes each shard and then deletes the
 * folder, so it is never published. A file per shard (keyed by its items)
 * lets a rebuild index only the shards that changed.
 */
export const getStaticPaths = (async () =>
  renderChanged(
    'search-records',
    (await getSearchParts()).map(({ shard, articles }) => ({
      params: { shard: shard.id },
      props: { articles },
      cacheKey: cacheKey({ articles }),
    })),
    ({ params }) => searchRecordsPath(params.shard),
  )) satisfies GetStaticPaths;

export const GET = (({ props }) => {
  const records = props.articles.map(({ data }) => searchRecord({ ...data, body: anchoredBody(data) }));
  return new Response(JSON.stringify({ records }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}) satisfies APIRoute<InferGetStaticPropsType<typeof getStaticPaths>>;
