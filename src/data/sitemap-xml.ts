import { absoluteUrl } from './paths.ts';
import { escapeXml } from './xml.ts';

const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** An XML response. */
function xmlFile(xml: string): Response {
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

/**
 * A <urlset> sitemap of site paths.
 * @example urlset(['/'], site) // <urlset …><url><loc>http://…/</loc></url></urlset>
 */
export function urlset(paths: string[], site: URL | undefined): Response {
  const urls = paths.map((path) => `  <url><loc>${escapeXml(absoluteUrl(path, site))}</loc></url>`);
  return xmlFile(`${XML_HEAD}\n<urlset xmlns="${SITEMAP_NS}">\n${urls.join('\n')}\n</urlset>\n`);
}

/** A <sitemapindex> of sitemap paths. */
export function sitemapIndex(paths: string[], site: URL | undefined): Response {
  const maps = paths.map((path) => `  <sitemap><loc>${escapeXml(absoluteUrl(path, site))}</loc></sitemap>`);
  return xmlFile(`${XML_HEAD}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${maps.join('\n')}\n</sitemapindex>\n`);
}
