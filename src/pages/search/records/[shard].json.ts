import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getArticleParts } from '../../../data/archive.ts';
import { cacheKey } from '../../../data/cache-key.ts';
import { anchoredBody } from '../../../data/printed-text.ts';
import { searchRecord } from '../../../search/search-record.ts';

/**
 * The printed text of one paper-year as search reads it, one file per search
 * shard: build input for scripts/index-search.ts, which indexes each shard
 * and then deletes the folder, so it is never published. A file per shard
 * (keyed by its items) lets a rebuild copy the unchanged ones.
 */
export const getStaticPaths = (async () =>
  (await getArticleParts()).map(({ shard, articles }) => ({ params: { shard: shard.id }, props: { articles }, cacheKey: cacheKey({ articles }) }))) satisfies GetStaticPaths;

export const GET = (({ props }) => {
  const records = props.articles.map(({ data }) => searchRecord({ ...data, body: anchoredBody(data) }));
  return new Response(JSON.stringify({ records }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}) satisfies APIRoute<InferGetStaticPropsType<typeof getStaticPaths>>;
