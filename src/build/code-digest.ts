import { filesDigest } from './files-digest.ts';

/**
 * What counts as the site's code for every cache of the build: a change in
 * any of these files can change any page, so it invalidates the page
 * summaries the loader keeps, every page's cacheKey and the build's keys,
 * and the next build renders everything. One list, so that no cache can
 * miss a file another one watches.
 */
export const CODE_INPUTS: readonly string[] = ['src', 'public', 'scripts', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/**
 * The digest of the site's code (CODE_INPUTS), with the settings that change
 * what is built (the public address, which canonical links and feeds print).
 * @example codeDigest(process.cwd()) // 64 hex digits
 */
export function codeDigest(root: string, settings = ''): string {
  return filesDigest(root, CODE_INPUTS, settings === '' ? '' : `settings ${settings}\n`);
}
