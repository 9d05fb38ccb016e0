import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSitemapParts, getTopPaths } from '../../data/sitemap-parts.ts';
import { getNamePaths } from '../../data/browse-lists.ts';
import { cacheKey } from '../../data/cache-key.ts';
import { NAMES_PART, sitemapPartPath } from '../../data/paths.ts';
import { renderChanged } from '../../data/render-plan.ts';
import { urlset } from '../../data/sitemap-xml.ts';

export const getStaticPaths = (async () => {
  const parts = [
    { part: 'site', paths: await getTopPaths() },
    { part: NAMES_PART, paths: await getNamePaths() },
    ...(await getSitemapParts()).map(({ shard, paths }) => ({ part: shard.id, paths })),
  ];
  return renderChanged(
    'sitemap-part',
    parts.map(({ part, paths }) => ({ params: { part }, props: { paths }, cacheKey: cacheKey({ paths }) })),
    ({ params }) => sitemapPartPath(params.part),
  );
}) satisfies GetStaticPaths;

/** One sitemap: the top pages ("site"), the people and column pages ("names") or every page of one paper and year. */
export const GET = (({ props, site }) => urlset(props.paths, site)) satisfies APIRoute<InferGetStaticPropsType<typeof getStaticPaths>>;
