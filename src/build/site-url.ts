import { absoluteUrl } from '../data/paths.ts';

/**
 * The address the built site names itself by (astro.config.mjs `site`, from
 * SITE_URL): canonical links, feeds, the sitemap and every citation are
 * absolute on it. A build without SITE_URL falls back to the preview
 * server's address, which is right for `npm start` and wrong anywhere else.
 */

/** Hosts that only the machine itself reaches. */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What the build says, once, when the site's address is this machine's, or
 * null when it is a public one.
 * @example localSiteWarning('http://localhost:4321', false) // 'SITE_URL is not set: canonical links, …'
 * @example localSiteWarning('https://archive.example.org/', true) // null
 */
export function localSiteWarning(site: string | undefined, siteUrlSet: boolean): string | null {
  // Without a site, the pages make their links absolute on the preview server's address (src/data/paths.ts absoluteUrl).
  const where = absoluteUrl('/', site === undefined ? undefined : new URL(site));
  if (!LOCAL_HOSTS.has(new URL(where).hostname)) return null;
  const why = siteUrlSet ? `SITE_URL names this machine (${where})` : 'SITE_URL is not set';
  return `${why}: canonical links, feeds, the sitemap and citations will point at ${where}. Set SITE_URL to the address the site is served from (docs/deployers.md, "Deployment").`;
}
