import type { APIRoute } from 'astro';
import { absoluteUrl } from '../data/paths.ts';

/** robots.txt: everything may be crawled; points to the sitemap. */
export const GET = (({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })) satisfies APIRoute;
