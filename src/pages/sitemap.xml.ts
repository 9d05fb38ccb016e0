import type { APIRoute } from 'astro';
import { getSitePaths } from '../data/archive.ts';
import { absoluteUrl } from '../data/paths.ts';
import { escapeXml } from '../data/xml.ts';

/** sitemap.xml: every page of the site. */
export const GET = (async ({ site }) => {
  const urls = (await getSitePaths()).map((path) => `  <url><loc>${escapeXml(absoluteUrl(path, site))}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}) satisfies APIRoute;
