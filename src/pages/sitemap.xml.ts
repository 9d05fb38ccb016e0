import type { APIRoute } from 'astro';
import { getSitemapParts } from '../data/sitemap-parts.ts';
import { NAMES_PART, sitemapPartPath } from '../data/paths.ts';
import { sitemapIndex } from '../data/sitemap-xml.ts';

/**
 * sitemap.xml: an index of sitemaps, one for the top pages, one for the
 * people and column pages and one per paper and year, since one sitemap may
 * list at most 50,000 URLs.
 */
export const GET = (async ({ site }) =>
  sitemapIndex(
    [sitemapPartPath('site'), sitemapPartPath(NAMES_PART), ...(await getSitemapParts()).map(({ shard }) => sitemapPartPath(shard.id))],
    site,
  )) satisfies APIRoute;
