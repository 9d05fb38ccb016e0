import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSitemapParts, getTopPaths } from '../../data/archive.ts';
import { urlset } from '../../data/sitemap-xml.ts';

export const getStaticPaths = (async () => [
  { params: { part: 'site' }, props: { paths: await getTopPaths() } },
  ...(await getSitemapParts()).map(({ shard, paths }) => ({ params: { part: shard.id }, props: { paths } })),
]) satisfies GetStaticPaths;

/** One sitemap: the top pages ("site") or every page of one paper and year. */
export const GET = (({ props, site }) => urlset(props.paths, site)) satisfies APIRoute<InferGetStaticPropsType<typeof getStaticPaths>>;
