/**
 * Files some static hosts (Netlify, Cloudflare Pages and others that read
 * the same format) take from the site's root: `_headers`, the HTTP headers
 * to send, and `_redirects`, links that lead on. docs/deployers.md ("Deployment") gives
 * the same for nginx and S3. Everything works without them; they add what a
 * <meta> cannot: a ban on framing, MIME sniffing off, long caching of files
 * named by their content, and real redirects for moved links.
 */
import { SEARCH_FILES } from '../search/pagefind/bundle.ts';

/**
 * What every response says besides the page's own Content-Security-Policy
 * <meta> (astro.config.mjs): a header policy only adds what a <meta> cannot
 * carry, so the two never disagree about scripts or styles.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"],
  ['X-Frame-Options', 'DENY'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

/** Cache-Control for files whose names change when their content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Folders of files named by their content: Astro's bundles, and those of the
 * search index, of its base and of every search shard.
 */
export const CONTENT_NAMED: readonly string[] = [
  '/_astro/*',
  ...SEARCH_FILES.contentNamed.map((folder) => `/${SEARCH_FILES.folder}/${folder}/*`),
  ...SEARCH_FILES.contentNamed.map((folder) => `/${SEARCH_FILES.folder}/*/${folder}/*`),
];

/** The `_headers` file. */
export function headersFile(): string {
  const block = (path: string, headers: readonly (readonly [string, string])[]): string =>
    `${path}\n${headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`;
  return [block('/*', SECURITY_HEADERS), ...CONTENT_NAMED.map((path) => block(path, [['Cache-Control', IMMUTABLE]]))].join('');
}

/**
 * The `_redirects` file: every published link that leads on, permanently.
 * @example redirectsFile([{ from: '/a/2024-01-24/x/', to: '/a/2024-01-24/y/' }]) // '/a/2024-01-24/x/ /a/2024-01-24/y/ 301\n'
 */
export function redirectsFile(links: readonly { from: string; to: string }[]): string {
  return links.map((l) => `${l.from} ${l.to} 301\n`).join('');
}
